import { applicationConfirmationMail } from './application-confirmation.mail';

describe('applicationConfirmationMail', () => {
  const base = {
    name: 'Applicant <one>',
    callTitle: { en: 'Call for experts', zh: '专家征集' },
    link: 'http://localhost:3000/apply/confirm/abc_DEF-123',
    expiresAt: new Date('2030-01-15T12:00:00Z'),
  };

  it('writes English with the link, its expiry and what confirming does, and escapes the HTML', () => {
    const mail = applicationConfirmationMail({ ...base, locale: 'en' });
    expect(mail.subject).toBe('Confirm your application: Call for experts');
    expect(mail.text).toContain('http://localhost:3000/apply/confirm/abc_DEF-123');
    expect(mail.text).toContain('expires on 2030-01-15 (UTC)');
    expect(mail.text).toContain('confirming replaces your earlier application');
    expect(mail.html).toContain('Dear Applicant &lt;one&gt;,');
    expect(mail.html).toContain(
      '<a href="http://localhost:3000/apply/confirm/abc_DEF-123">Confirm the application</a>',
    );
  });

  it('writes Chinese for zh-CN', () => {
    const mail = applicationConfirmationMail({ ...base, locale: 'zh-CN' });
    expect(mail.subject).toBe('请确认您的申请：专家征集');
    expect(mail.text).toContain('有效期至 2030-01-15（UTC）');
    expect(mail.html).toContain('lang="zh-CN"');
  });
});
