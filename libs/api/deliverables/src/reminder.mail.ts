import type { Locale, PlanItemKind } from '@roundtable/contracts';

export interface ReminderMailInput {
  locale: Locale;
  displayName: string;
  projectName: string;
  kind: PlanItemKind;
  number: string;
  title: { en: string; zh: string };
  dueMonth: number;
  dueDate: string;
  daysLeft: number;
  readyCount: number;
  total: number;
  link: string;
}

function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A deadline reminder in the recipient's language (English or Simplified Chinese). */
export function reminderMail(input: ReminderMailInput): { subject: string; text: string } {
  const due = formatDate(input.dueDate, input.locale);
  if (input.locale === 'zh-CN') {
    const what = input.kind === 'milestone' ? '里程碑' : '交付成果';
    const when = input.daysLeft === 0 ? '今天到期' : `还有 ${input.daysLeft} 天到期`;
    const lines = [
      `${input.displayName}，您好：`,
      '',
      `${input.projectName} 的${what} ${input.number}「${input.title.zh}」将于 M${input.dueMonth}（${due}）到期，${when}。`,
      `相关文件已完成 ${input.readyCount}/${input.total}。`,
      '',
      `查看详情：${input.link}`,
      '',
      'Roundtable',
    ];
    return { subject: `提醒：${input.number} 将于 M${input.dueMonth}（${due}）到期`, text: lines.join('\n') };
  }
  const what = input.kind === 'milestone' ? 'Milestone' : 'Deliverable';
  const when = input.daysLeft === 0 ? 'today' : input.daysLeft === 1 ? 'in 1 day' : `in ${input.daysLeft} days`;
  const lines = [
    `Dear ${input.displayName},`,
    '',
    `${what} ${input.number} "${input.title.en}" of ${input.projectName} is due at M${input.dueMonth} (${due}), ${when}.`,
    `${input.readyCount} of ${input.total} documents are ready.`,
    '',
    `Details: ${input.link}`,
    '',
    'Roundtable',
  ];
  return { subject: `Reminder: ${input.number} is due at M${input.dueMonth} (${due})`, text: lines.join('\n') };
}
