import { MAIL_CATALOGS, mailLocale, mailWords, renderMail } from './mail-catalog';

describe('mail catalog', () => {
  it('fills placeholders and says greetings in the recipient’s language', () => {
    const en = mailWords('en');
    const zh = mailWords('zh-CN');
    expect(en.t('minutesCirculation.subject', { title: 'WG1 Monthly' })).toBe('Minutes for comments: WG1 Monthly');
    expect(zh.t('minutesCirculation.subject', { title: 'WG1 Monthly' })).toBe('会议纪要征求意见：WG1 Monthly');
    expect([en.hello('Rapporteur'), en.hello(null)]).toEqual(['Dear Rapporteur,', 'Hello,']);
    expect([zh.hello('Rapporteur'), zh.hello(null)]).toEqual(['Rapporteur，您好：', '您好：']);
    expect(zh.labelled('actionReminder.due', '2030-01-15')).toBe('截止日期：2030-01-15');
  });

  it('gives a moment in the reader’s zone, naming it, and falls back to UTC for an unknown zone', () => {
    const instant = new Date('2030-01-15T12:00:00Z');
    expect(mailWords('en').instant(instant, 'Asia/Shanghai')).toBe('Tue, Jan 15, 2030, 20:00 (Shanghai, GMT+8)');
    expect(mailWords('zh-CN').instant(instant, 'Europe/Rome')).toMatch(/^2030年1月15日.* 13:00 \(Rome, GMT\+1\)$/);
    expect(mailWords('en').instant(instant, 'Mars/Olympus')).toBe('Tue, Jan 15, 2030, 12:00 (UTC, GMT+0)');
  });

  it('renders text and escaped HTML in one layout, links as anchors', () => {
    const link = 'https://rt.example.org/invitations/a?b=1&c=2';
    const mail = renderMail('zh-CN', 'S', ['<b>名</b>', link], [{ url: link, label: '接受邀请' }]);
    expect(mail.text).toBe(`<b>名</b>\n${link}`);
    expect(mail.html).toContain('lang="zh-CN"');
    expect(mail.html).toContain('&lt;b&gt;名&lt;/b&gt;');
    expect(mail.html).toContain(`<a href="${link.replace(/&/g, '&amp;')}">接受邀请</a>`);
  });

  it('reads stored languages as English unless Chinese, and has both catalogs', () => {
    expect([mailLocale('zh-CN'), mailLocale('en'), mailLocale(null), mailLocale('fr')]).toEqual([
      'zh-CN',
      'en',
      'en',
      'en',
    ]);
    expect(Object.keys(MAIL_CATALOGS)).toEqual(['en', 'zh-CN']);
  });
});
