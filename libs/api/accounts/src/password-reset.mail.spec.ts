import { passwordResetMail } from './password-reset.mail';

const base = {
  displayName: 'WG1 <expert>',
  link: 'http://localhost:3000/reset-password/abc',
  expiresAt: new Date('2030-01-15T12:30:00Z'),
  timeZone: 'Europe/Rome',
};

describe('password reset mail', () => {
  it('writes English with the link, the expiry and escaped HTML', () => {
    const mail = passwordResetMail({ ...base, locale: 'en' });
    expect(mail.subject).toBe('Reset your Roundtable password');
    expect(mail.text).toContain('Dear WG1 <expert>,');
    expect(mail.text).toContain(base.link);
    expect(mail.text).toContain('Jan 15, 2030, 13:30 (Rome, GMT+1)');
    expect(mail.html).toContain('WG1 &lt;expert&gt;');
    expect(mail.html).toContain(`<a href="${base.link}">`);
  });

  it('writes Simplified Chinese', () => {
    const mail = passwordResetMail({ ...base, locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(mail.subject).toBe('重置您的 Roundtable 密码');
    expect(mail.text).toContain('WG1 <expert>，您好：');
    expect(mail.text).toContain(base.link);
    expect(mail.html).toContain('lang="zh-CN"');
    expect(mail.text).toContain('20:30 (Shanghai, GMT+8)');
  });
});
