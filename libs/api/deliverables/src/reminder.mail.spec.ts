import { reminderMail, type ReminderMailInput } from './reminder.mail';

const input: ReminderMailInput = {
  locale: 'en',
  displayName: 'WG2 EU co-chair',
  projectName: 'IC2PerMed',
  kind: 'deliverable',
  number: 'D2.2',
  title: { en: 'Six position papers and a strategic workplan', zh: '6份立场文件和1份战略工作计划' },
  dueMonth: 24,
  dueDate: '2021-12-31',
  daysLeft: 7,
  readyCount: 3,
  total: 7,
  link: 'https://roundtable.example/plan/items/1',
};

describe('reminderMail', () => {
  it('writes English with the project month, the date, the days left and the readiness', () => {
    const mail = reminderMail(input);
    expect(mail.subject).toBe('Reminder: D2.2 is due at M24 (December 31, 2021)');
    expect(mail.text).toContain(
      'Deliverable D2.2 "Six position papers and a strategic workplan" of IC2PerMed is due at M24 (December 31, 2021), in 7 days.',
    );
    expect(mail.text).toContain('3 of 7 documents are ready.');
    expect(mail.text).toContain(input.link);
  });

  it('writes Simplified Chinese with the Chinese title', () => {
    const mail = reminderMail({
      ...input,
      locale: 'zh-CN',
      kind: 'milestone',
      number: 'MS1',
      dueMonth: 18,
      dueDate: '2021-06-30',
      daysLeft: 1,
    });
    expect(mail.subject).toBe('提醒：MS1 将于 M18（2021年6月30日）到期');
    expect(mail.text).toContain('里程碑 MS1「6份立场文件和1份战略工作计划」');
    expect(mail.text).toContain('还有 1 天到期');
    expect(mail.text).toContain('相关文件已完成 3/7');
  });

  it('says "today" and "in 1 day" rather than "in 0 days"', () => {
    expect(reminderMail({ ...input, daysLeft: 0 }).text).toContain(', today.');
    expect(reminderMail({ ...input, daysLeft: 1 }).text).toContain(', in 1 day.');
    expect(reminderMail({ ...input, locale: 'zh-CN', daysLeft: 0 }).text).toContain('今天到期');
  });
});
