import { digestMail } from './digest.mail';

describe('digestMail', () => {
  const items = [
    { title: 'WG1 expert mentioned you in “Paper”', link: '/documents/d1?thread=t1' },
    { title: 'Minutes to approve: WG1 Monthly meeting', link: '/minutes/m1' },
  ];

  it('lists each item with an absolute link, in English', () => {
    const mail = digestMail({
      locale: 'en',
      cadence: 'daily',
      recipientName: 'Expert',
      items,
      baseUrl: 'https://rt.example.org',
    });
    expect(mail.subject).toBe('Your daily Roundtable digest: 2 notifications');
    expect(mail.text).toContain('Dear Expert,');
    expect(mail.text).toContain(
      '• WG1 expert mentioned you in “Paper”\n  https://rt.example.org/documents/d1?thread=t1',
    );
    expect(mail.text).toContain('https://rt.example.org/notifications/settings');
  });

  it('is written in Chinese for a Chinese reader', () => {
    const mail = digestMail({
      locale: 'zh-CN',
      cadence: 'weekly',
      recipientName: '专家',
      items: items.slice(0, 1),
      baseUrl: 'https://rt.example.org',
    });
    expect(mail.subject).toBe('Roundtable 每周摘要：1 条通知');
    expect(mail.text).toContain('专家，您好：');
    expect(mail.text).toContain('以下是过去一周的动态：');
  });
});
