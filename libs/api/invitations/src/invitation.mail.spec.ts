import { invitationMail } from './invitation.mail';

const base = {
  displayName: 'Ada <Lovelace>',
  inviterName: 'WG1 EU co-chair',
  projectName: 'IC2PerMed',
  workingGroup: { code: 'WG1', titleEn: 'Shaping sustainable healthcare', titleZh: '塑造可持续的医疗' },
  role: 'expert' as const,
  link: 'http://localhost:3000/invitations/abc',
  expiresAt: new Date('2030-01-15T12:00:00Z'),
  timeZone: 'Asia/Shanghai',
};

describe('invitation mail', () => {
  it('writes English with the WG code, title, role, link and expiry', () => {
    const mail = invitationMail({ ...base, locale: 'en' });
    expect(mail.subject).toBe('Invitation to join WG1 "Shaping sustainable healthcare" as expert');
    expect(mail.text).toContain('Dear Ada <Lovelace>,');
    expect(mail.text).toContain('http://localhost:3000/invitations/abc');
    expect(mail.text).toContain('Jan 15, 2030, 20:00 (Shanghai, GMT+8)');
    expect(mail.html).toContain('Ada &lt;Lovelace&gt;');
    expect(mail.html).not.toContain('<Lovelace>');
  });

  it('writes Simplified Chinese with the Chinese title and role', () => {
    const mail = invitationMail({ ...base, locale: 'zh-CN', role: 'co-chair' });
    expect(mail.subject).toBe('邀请您以联合主席身份加入 WG1「塑造可持续的医疗」');
    expect(mail.text).toContain('工作组 WG1「塑造可持续的医疗」');
    expect(mail.text).toContain('http://localhost:3000/invitations/abc');
    // The expiry in the invitee's zone, in Chinese.
    expect(mail.text).toContain('2030年1月15日周二 20:00 (Shanghai, GMT+8)');
  });
});
