import type { Locale } from '@roundtable/contracts';
import { mailWords, renderMail, type MailKey, type RenderedMail } from '@roundtable/api-mail';

export interface DigestMailInput {
  locale: Locale;
  cadence: 'daily' | 'weekly';
  recipientName: string;
  items: ReadonlyArray<{ title: string; link: string }>;
  /** PUBLIC_URL: links in mail are absolute. */
  baseUrl: string;
}

const SUBJECT: Record<DigestMailInput['cadence'], { one: MailKey; many: MailKey }> = {
  daily: { one: 'digest.subjectDailyOne', many: 'digest.subjectDaily' },
  weekly: { one: 'digest.subjectWeeklyOne', many: 'digest.subjectWeekly' },
};

/** A digest in the recipient's language, from the mail catalog (ADR 044): one line per notification with its link. */
export function digestMail(input: DigestMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const count = input.items.length;
  const lines = [
    w.hello(input.recipientName),
    '',
    w.t(input.cadence === 'daily' ? 'digest.introDaily' : 'digest.introWeekly'),
    '',
    ...input.items.map((item) => `• ${item.title}\n  ${input.baseUrl}${item.link}`),
    '',
    w.labelled('digest.all', `${input.baseUrl}/notifications`),
    w.labelled('digest.settings', `${input.baseUrl}/notifications/settings`),
  ];
  const subject = w.t(count === 1 ? SUBJECT[input.cadence].one : SUBJECT[input.cadence].many, { count });
  return renderMail(input.locale, subject, lines);
}
