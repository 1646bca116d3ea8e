import { approvalWithdrawnMail, minutesCirculationMail } from './minutes.mail';

describe('minutesCirculationMail', () => {
  const base = {
    recipientName: 'WG1 China co-chair',
    recipientZone: 'Asia/Shanghai',
    meetingTitle: 'Monthly meeting',
    workingGroupCode: 'WG1',
    meetingZone: 'Europe/Rome',
    occurrenceStart: new Date('2021-04-13T08:00:00Z'),
    commentsUntil: new Date('2021-04-20T08:00:00Z'),
    link: 'http://localhost:3000/minutes/m1',
  };

  it('writes English with the time in the recipient zone first, then the meeting zone, and the window end', () => {
    const mail = minutesCirculationMail({ ...base, locale: 'en' });
    expect(mail.subject).toBe('Minutes for comments: WG1 Monthly meeting');
    expect(mail.text).toMatch(
      /Meeting: WG1 Monthly meeting — .*16:00 \(Shanghai, GMT\+8\) \/ .*10:00 \(Rome, GMT\+2\)/,
    );
    expect(mail.text).toMatch(/Comments until: .*20.*16:00 \(Shanghai, GMT\+8\)/);
    expect(mail.text).toContain('http://localhost:3000/minutes/m1');
  });

  it('writes Chinese for zh-CN recipients', () => {
    const mail = minutesCirculationMail({ ...base, locale: 'zh-CN' });
    expect(mail.subject).toBe('会议纪要征求意见：WG1 Monthly meeting');
    expect(mail.text).toContain('意见截止：');
    expect(mail.html).toContain('lang="zh-CN"');
  });
});

describe('approvalWithdrawnMail', () => {
  const base = {
    recipientName: 'WG1 EU co-chair',
    meetingTitle: 'WG1 Monthly meeting',
    link: 'http://localhost:3000/minutes/m1',
  };

  it('tells the approver in English why the approval no longer counts', () => {
    const mail = approvalWithdrawnMail({ ...base, locale: 'en', reason: 'edited' });
    expect(mail.subject).toBe('Your approval was withdrawn: minutes of WG1 Monthly meeting');
    expect(mail.text).toContain('the text, a decision or an action item was changed');
    expect(mail.text).toContain('http://localhost:3000/minutes/m1');
  });

  it('tells a zh-CN approver in Chinese that the minutes were reopened', () => {
    const mail = approvalWithdrawnMail({ ...base, locale: 'zh-CN', reason: 'reopened' });
    expect(mail.subject).toBe('您的批准已撤回：WG1 Monthly meeting 的会议纪要');
    expect(mail.text).toContain('协调人解锁了已批准的会议纪要');
    expect(mail.html).toContain('lang="zh-CN"');
  });
});
