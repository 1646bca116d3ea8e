import { applicationDeclinedMail } from './application-declined.mail';
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
    expect(mail.text).toContain('expires on Tue, Jan 15, 2030, 12:00 (UTC, GMT+0).');
    expect(mail.text).toContain('confirming replaces your earlier application');
    expect(mail.html).toContain('Dear Applicant &lt;one&gt;,');
    expect(mail.html).toContain(
      '<a href="http://localhost:3000/apply/confirm/abc_DEF-123">Confirm the application</a>',
    );
  });

  it('writes Chinese for zh-CN', () => {
    const mail = applicationConfirmationMail({ ...base, locale: 'zh-CN' });
    expect(mail.subject).toBe('请确认您的申请：专家征集');
    expect(mail.text).toContain('有效期至 2030年1月15日周二 12:00 (UTC, GMT+0)。');
    expect(mail.html).toContain('lang="zh-CN"');
  });
});

describe('applicationDeclinedMail', () => {
  const base = { name: 'Applicant', callTitle: { en: 'Call for experts', zh: '专家征集' }, projectName: 'IC2PerMed' };

  it('writes one language: the applicant’s', () => {
    const en = applicationDeclinedMail({ ...base, locale: 'en' });
    expect(en.subject).toBe('Your application: Call for experts');
    expect(en.text).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = applicationDeclinedMail({ ...base, locale: 'zh-CN' });
    expect(zh.subject).toBe('您的申请：专家征集');
    expect(zh.text).toContain('IC2PerMed 协调团队');
    expect(zh.text).not.toContain('Thank you');
  });
});
