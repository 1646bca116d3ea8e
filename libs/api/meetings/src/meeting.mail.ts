import type { Locale, MeetingType } from '@roundtable/contracts';
import { describeRule, formatInZones, parseRRule, titleWithGroup, zoneCity } from '@roundtable/domain';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

export type MeetingMailKind =
  'invitation' | 'update' | 'cancellation' | 'occurrence-changed' | 'occurrence-cancelled' | 'reminder';

export interface MeetingMailInput {
  kind: MeetingMailKind;
  locale: Locale;
  recipientName: string | null;
  /** The recipient's zone (their profile). */
  recipientZone: string;
  meeting: {
    title: string;
    type: MeetingType;
    workingGroupCode: string | null;
    timeZone: string;
    description: string;
    onlineUrl: string | null;
    place: string | null;
    rrule: string | null;
    agenda: Array<{ title: string; minutesAllotted: number | null }>;
  };
  /** The first (or next, or concerned) occurrence. */
  start: Date;
  durationMinutes: number;
  organizerName: string | null;
  link: string;
  /** For a reminder: whole hours until the start. */
  hoursLeft?: number;
}

/** The subject of a meeting mail (and the title of its notification), naming the group once. */
export function meetingSubject(
  kind: MeetingMailKind,
  locale: Locale,
  meeting: { title: string; workingGroupCode: string | null },
): string {
  return mailWords(locale).t(`meeting.subject.${kind}`, {
    title: titleWithGroup(meeting.workingGroupCode, meeting.title),
  });
}

/**
 * A meeting e-mail in the recipient's language, with the time in the recipient's zone first, then in the
 * meeting's zone (when different), each with its UTC offset so nobody has to convert.
 */
export function meetingMail(input: MeetingMailInput): RenderedMail {
  const { locale, meeting } = input;
  const w = mailWords(locale);
  const title = titleWithGroup(meeting.workingGroupCode, meeting.title);
  const zones = [...new Set([input.recipientZone, meeting.timeZone])];
  const whenLines = formatInZones(input.start, zones, locale).map((z) =>
    w.t('common.instant', { time: z.text, city: z.city, offset: z.offset }),
  );
  const rule = meeting.rrule ? parseRRule(meeting.rrule) : null;
  const hours = input.hoursLeft ?? 24;
  const intro =
    input.kind !== 'reminder'
      ? w.t(`meeting.intro.${input.kind}`)
      : hours <= 1
        ? w.t('meeting.intro.reminderWithinHour')
        : w.t('meeting.intro.reminderHours', { hours });
  const minutes = (n: number) => w.t('meeting.minutes', { minutes: n });
  const lines = [
    w.hello(input.recipientName),
    '',
    intro,
    '',
    `${title} — ${w.t(`meeting.type.${meeting.type}`)}`,
    w.labelled('meeting.when', whenLines.join(' / ')),
    ...(rule?.ok
      ? [w.labelled('meeting.repeats', `${describeRule(rule.rule, locale)} (${zoneCity(meeting.timeZone)})`)]
      : []),
    w.labelled('meeting.duration', minutes(input.durationMinutes)),
    ...(meeting.onlineUrl ? [w.labelled('meeting.online', meeting.onlineUrl)] : []),
    ...(meeting.place ? [w.labelled('meeting.place', meeting.place)] : []),
    ...(input.organizerName ? [w.labelled('meeting.organiser', input.organizerName)] : []),
    ...(meeting.description ? ['', meeting.description] : []),
    ...(meeting.agenda.length > 0
      ? [
          '',
          w.t('meeting.agenda'),
          ...meeting.agenda.map(
            (a, i) => `${i + 1}. ${a.title}${a.minutesAllotted ? ` (${minutes(a.minutesAllotted)})` : ''}`,
          ),
        ]
      : []),
    '',
    w.labelled('meeting.open', input.link),
    '',
    w.t('common.signature'),
  ];
  return renderMail(locale, meetingSubject(input.kind, locale, meeting), lines);
}
