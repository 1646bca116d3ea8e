import { meetingMail, type MeetingMailInput } from './meeting.mail';

const input: MeetingMailInput = {
  kind: 'invitation',
  locale: 'en',
  recipientName: 'WG1 China co-chair',
  recipientZone: 'Asia/Shanghai',
  meeting: {
    title: 'Monthly meeting',
    type: 'wg-meeting',
    workingGroupCode: 'WG1',
    timeZone: 'Europe/Rome',
    description: 'Position paper <draft> review',
    onlineUrl: 'https://meet.example.org/wg1',
    place: null,
    rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=10',
    agenda: [
      { title: 'Welcome', minutesAllotted: 10 },
      { title: 'Paper outline', minutesAllotted: null },
    ],
  },
  start: new Date('2026-03-10T09:00:00Z'),
  durationMinutes: 90,
  organizerName: 'WG1 EU co-chair',
  link: 'http://localhost:3000/meetings/abc',
};

describe('meeting mail', () => {
  it('shows the time in the recipient’s zone first, then the meeting’s, with offsets, and the series in words', () => {
    const mail = meetingMail(input);
    expect(mail.subject).toBe('Invitation: WG1 Monthly meeting');
    expect(mail.text).toContain('Dear WG1 China co-chair,');
    expect(mail.text).toMatch(/When: .*17:00 \(Shanghai, GMT\+8\) \/ .*10:00 \(Rome, GMT\+1\)/);
    expect(mail.text).toContain('Repeats: Monthly on the 2nd Tuesday, 10 times (Rome)');
    expect(mail.text).toContain('1. Welcome (10 min)');
    expect(mail.text).toContain('http://localhost:3000/meetings/abc');
    expect(mail.html).toContain('&lt;draft&gt;');
  });

  it('names the group once when the title already starts with it', () => {
    const meeting = { ...input.meeting, title: 'WG1 drafting sprint' };
    expect(meetingMail({ ...input, meeting }).subject).toBe('Invitation: WG1 drafting sprint');
    expect(meetingMail({ ...input, locale: 'zh-CN', kind: 'cancellation', meeting }).subject).toBe(
      '会议已取消：WG1 drafting sprint',
    );
    expect(meetingMail({ ...input, meeting: { ...input.meeting, title: 'drafting sprint' } }).subject).toBe(
      'Invitation: WG1 drafting sprint',
    );
  });

  it('writes Chinese for Chinese readers, with one time when the zones agree', () => {
    const mail = meetingMail({
      ...input,
      locale: 'zh-CN',
      kind: 'cancellation',
      recipientZone: 'Europe/Rome',
      recipientName: null,
    });
    expect(mail.subject).toBe('会议已取消：WG1 Monthly meeting');
    expect(mail.text).toContain('您好：');
    expect(mail.text).toContain('重复：每月的第2个星期二，共10次');
    expect(mail.text.split('\n').find((l) => l.startsWith('时间'))).not.toContain(' / ');
  });

  it('names every kind of change', () => {
    for (const kind of ['update', 'occurrence-changed', 'occurrence-cancelled'] as const) {
      expect(meetingMail({ ...input, kind }).subject).toMatch(/WG1 Monthly meeting$/);
    }
  });

  it('reminds in each language with the hours left, both zones, the link and the agenda', () => {
    const english = meetingMail({ ...input, kind: 'reminder', hoursLeft: 24 });
    expect(english.subject).toBe('Reminder: WG1 Monthly meeting');
    expect(english.text).toContain('This meeting starts in 24 hours.');
    expect(english.text).toMatch(/When: .*17:00 \(Shanghai, GMT\+8\) \/ .*10:00 \(Rome, GMT\+1\)/);
    expect(english.text).toContain('Online: https://meet.example.org/wg1');
    expect(english.text).toContain('2. Paper outline');
    const chinese = meetingMail({ ...input, kind: 'reminder', locale: 'zh-CN', hoursLeft: 1 });
    expect(chinese.subject).toBe('会议提醒：WG1 Monthly meeting');
    expect(chinese.text).toContain('该会议将在一小时内开始。');
  });
});
