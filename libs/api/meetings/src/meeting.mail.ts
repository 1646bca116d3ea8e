import type { Locale, MeetingType } from '@roundtable/contracts';
import { describeRule, formatInZones, parseRRule, titleWithGroup, zoneCity } from '@roundtable/domain';

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

const TYPE_NAMES: Record<Locale, Record<MeetingType, string>> = {
  en: {
    'wg-meeting': 'working-group meeting',
    'kick-off': 'kick-off',
    'harmonisation-workshop': 'harmonisation workshop',
    'roadmap-validation-workshop': 'roadmap validation workshop',
    'advisory-board': 'advisory board meeting',
    other: 'project event',
  },
  'zh-CN': {
    'wg-meeting': '工作组会议',
    'kick-off': '启动会',
    'harmonisation-workshop': '协调研讨会',
    'roadmap-validation-workshop': '路线图验证研讨会',
    'advisory-board': '顾问委员会会议',
    other: '项目活动',
  },
};

const SUBJECTS: Record<Locale, Record<MeetingMailKind, (title: string) => string>> = {
  en: {
    invitation: (t) => `Invitation: ${t}`,
    update: (t) => `Updated: ${t}`,
    cancellation: (t) => `Cancelled: ${t}`,
    'occurrence-changed': (t) => `One meeting moved: ${t}`,
    'occurrence-cancelled': (t) => `One meeting cancelled: ${t}`,
    reminder: (t) => `Reminder: ${t}`,
  },
  'zh-CN': {
    invitation: (t) => `会议邀请：${t}`,
    update: (t) => `会议已更新：${t}`,
    cancellation: (t) => `会议已取消：${t}`,
    'occurrence-changed': (t) => `单次会议时间已更改：${t}`,
    'occurrence-cancelled': (t) => `单次会议已取消：${t}`,
    reminder: (t) => `会议提醒：${t}`,
  },
};

const INTRO: Record<Locale, Record<Exclude<MeetingMailKind, 'reminder'>, string>> = {
  en: {
    invitation: 'You are invited to this meeting. The attached calendar file adds it to your calendar.',
    update: 'This meeting has changed. The attached calendar file updates your calendar.',
    cancellation: 'This meeting is cancelled. The attached calendar file removes it from your calendar.',
    'occurrence-changed': 'One meeting of this series has moved. The attached calendar file updates your calendar.',
    'occurrence-cancelled':
      'One meeting of this series is cancelled. The attached calendar file updates your calendar.',
  },
  'zh-CN': {
    invitation: '诚邀您参加以下会议。附件中的日历文件可将其加入您的日历。',
    update: '以下会议有变更。附件中的日历文件将更新您的日历。',
    cancellation: '以下会议已取消。附件中的日历文件将从您的日历中移除该会议。',
    'occurrence-changed': '该系列中的一次会议时间已更改。附件中的日历文件将更新您的日历。',
    'occurrence-cancelled': '该系列中的一次会议已取消。附件中的日历文件将更新您的日历。',
  },
};

const REMINDER_INTRO: Record<Locale, (hours: number) => string> = {
  en: (h) => (h <= 1 ? 'This meeting starts within the hour.' : `This meeting starts in ${h} hours.`),
  'zh-CN': (h) => (h <= 1 ? '该会议将在一小时内开始。' : `该会议将在 ${h} 小时后开始。`),
};

const LABELS = {
  en: {
    sep: ': ',
    when: 'When',
    repeats: 'Repeats',
    duration: 'Duration',
    minutes: 'min',
    online: 'Online',
    place: 'Place',
    agenda: 'Agenda',
    organiser: 'Organiser',
    open: 'Open the meeting',
    hello: (n: string | null) => (n ? `Dear ${n},` : 'Hello,'),
  },
  'zh-CN': {
    sep: '：',
    when: '时间',
    repeats: '重复',
    duration: '时长',
    minutes: '分钟',
    online: '线上链接',
    place: '地点',
    agenda: '议程',
    organiser: '组织者',
    open: '打开会议页面',
    hello: (n: string | null) => (n ? `${n}，您好：` : '您好：'),
  },
} as const;

/** The subject of a meeting mail (and the title of its notification), naming the group once. */
export function meetingSubject(
  kind: MeetingMailKind,
  locale: Locale,
  meeting: { title: string; workingGroupCode: string | null },
): string {
  return SUBJECTS[locale][kind](titleWithGroup(meeting.workingGroupCode, meeting.title));
}

/**
 * A meeting e-mail in the recipient's language, with the time in the recipient's zone first, then in the
 * meeting's zone (when different), each with its UTC offset so nobody has to convert.
 */
export function meetingMail(input: MeetingMailInput): { subject: string; text: string; html: string } {
  const { locale, meeting } = input;
  const l = LABELS[locale];
  const title = titleWithGroup(meeting.workingGroupCode, meeting.title);
  const zones = [...new Set([input.recipientZone, meeting.timeZone])];
  const whenLines = formatInZones(input.start, zones, locale).map((z) => `${z.text} (${z.city}, ${z.offset})`);
  const rule = meeting.rrule ? parseRRule(meeting.rrule) : null;
  const lines = [
    l.hello(input.recipientName),
    '',
    input.kind === 'reminder' ? REMINDER_INTRO[locale](input.hoursLeft ?? 24) : INTRO[locale][input.kind],
    '',
    `${title} — ${TYPE_NAMES[locale][meeting.type]}`,
    `${l.when}${l.sep}${whenLines.join(' / ')}`,
    ...(rule?.ok ? [`${l.repeats}${l.sep}${describeRule(rule.rule, locale)} (${zoneCity(meeting.timeZone)})`] : []),
    `${l.duration}${l.sep}${input.durationMinutes} ${l.minutes}`,
    ...(meeting.onlineUrl ? [`${l.online}${l.sep}${meeting.onlineUrl}`] : []),
    ...(meeting.place ? [`${l.place}${l.sep}${meeting.place}`] : []),
    ...(input.organizerName ? [`${l.organiser}${l.sep}${input.organizerName}`] : []),
    ...(meeting.description ? ['', meeting.description] : []),
    ...(meeting.agenda.length > 0
      ? [
          '',
          `${l.agenda}${l.sep.trim()}`,
          ...meeting.agenda.map(
            (a, i) => `${i + 1}. ${a.title}${a.minutesAllotted ? ` (${a.minutesAllotted} ${l.minutes})` : ''}`,
          ),
        ]
      : []),
    '',
    `${l.open}${l.sep}${input.link}`,
    '',
    'Roundtable',
  ];
  const html = `<!doctype html><html lang="${locale}"><body><p>${lines.map(escapeHtml).join('<br>\n')}</p></body></html>`;
  return { subject: meetingSubject(input.kind, locale, meeting), text: lines.join('\n'), html };
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
