import type { Locale, PlanItemKind } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

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

/** A deadline reminder in the recipient's language, from the mail catalog (ADR 044); the due date is a calendar date. */
export function reminderMail(input: ReminderMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const due = formatDate(input.dueDate, input.locale);
  const when =
    input.daysLeft === 0
      ? w.t('deadlineReminder.dueToday')
      : input.daysLeft === 1
        ? w.t('deadlineReminder.dueInOneDay')
        : w.t('deadlineReminder.dueInDays', { days: input.daysLeft });
  const params = { number: input.number, month: input.dueMonth, due };
  const lines = [
    w.hello(input.displayName),
    '',
    w.t('deadlineReminder.body', {
      ...params,
      what: w.t(input.kind === 'milestone' ? 'deadlineReminder.milestone' : 'deadlineReminder.deliverable'),
      title: input.locale === 'zh-CN' ? input.title.zh : input.title.en,
      project: input.projectName,
      when,
    }),
    w.t('deadlineReminder.ready', { ready: input.readyCount, total: input.total }),
    '',
    w.labelled('deadlineReminder.details', input.link),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('deadlineReminder.subject', params), lines);
}
