import type { Locale } from '@roundtable/contracts';
import { formatInZones, titleWithGroup } from '@roundtable/domain';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

export interface MinutesCirculationInput {
  locale: Locale;
  recipientName: string | null;
  recipientZone: string;
  meetingTitle: string;
  workingGroupCode: string | null;
  meetingZone: string;
  occurrenceStart: Date;
  commentsUntil: Date;
  link: string;
}

/** The circulation mail's subject (and its notification's title) in one language, naming the group once. */
export function minutesCirculationSubject(
  locale: Locale,
  workingGroupCode: string | null,
  meetingTitle: string,
): string {
  return mailWords(locale).t('minutesCirculation.subject', { title: titleWithGroup(workingGroupCode, meetingTitle) });
}

/** The circulation mail in the recipient's language (ADR 044); times in their zone first, then the meeting's. */
export function minutesCirculationMail(input: MinutesCirculationInput): RenderedMail {
  const w = mailWords(input.locale);
  const title = titleWithGroup(input.workingGroupCode, input.meetingTitle);
  const zones = [...new Set([input.recipientZone, input.meetingZone])];
  const when = (instant: Date) =>
    formatInZones(instant, zones, input.locale)
      .map((z) => w.t('common.instant', { time: z.text, city: z.city, offset: z.offset }))
      .join(' / ');
  const lines = [
    w.hello(input.recipientName),
    '',
    w.t('minutesCirculation.intro'),
    '',
    w.labelled('minutesCirculation.meeting', `${title} — ${when(input.occurrenceStart)}`),
    w.labelled('minutesCirculation.until', when(input.commentsUntil)),
    '',
    w.labelled('minutesCirculation.open', input.link),
    '',
    w.t('common.signature'),
  ];
  return renderMail(
    input.locale,
    minutesCirculationSubject(input.locale, input.workingGroupCode, input.meetingTitle),
    lines,
  );
}

/** The reminder to an action's owner, in their language (ADR 044); the due date is a calendar date (no zone). */
export function actionReminderMail(input: {
  locale: Locale;
  recipientName: string | null;
  text: string;
  dueOn: string;
  meetingTitle: string;
  link: string;
}): RenderedMail {
  const w = mailWords(input.locale);
  const lines = [
    w.hello(input.recipientName),
    '',
    w.t('actionReminder.intro'),
    '',
    w.labelled('actionReminder.action', input.text),
    w.labelled('actionReminder.due', input.dueOn),
    w.labelled('actionReminder.from', input.meetingTitle),
    '',
    w.labelled('actionReminder.open', input.link),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('actionReminder.subject', { text: input.text }), lines);
}

/** Tells an approver that their approval no longer counts (the minutes changed, or were reopened), in their language. */
export function approvalWithdrawnMail(input: {
  locale: Locale;
  recipientName: string | null;
  meetingTitle: string;
  reason: 'edited' | 'reopened';
  link: string;
}): RenderedMail {
  const w = mailWords(input.locale);
  const lines = [
    w.hello(input.recipientName),
    '',
    w.t('approvalWithdrawn.intro'),
    w.t(input.reason === 'edited' ? 'approvalWithdrawn.edited' : 'approvalWithdrawn.reopened'),
    '',
    w.t('approvalWithdrawn.again'),
    w.labelled('approvalWithdrawn.open', input.link),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('approvalWithdrawn.subject', { title: input.meetingTitle }), lines);
}
