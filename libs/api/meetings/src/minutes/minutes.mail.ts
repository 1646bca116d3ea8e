import type { Locale } from '@roundtable/contracts';
import { formatInZones } from '@roundtable/domain';

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

const TEXT = {
  en: {
    subject: (t: string) => `Minutes for comments: ${t}`,
    hello: (n: string | null) => (n ? `Dear ${n},` : 'Hello,'),
    intro: 'The draft minutes of this meeting are circulated for comments. Please read them and comment in the document.',
    meeting: 'Meeting',
    until: 'Comments until',
    open: 'Open the minutes',
    sep: ': ',
  },
  'zh-CN': {
    subject: (t: string) => `会议纪要征求意见：${t}`,
    hello: (n: string | null) => (n ? `${n}，您好：` : '您好：'),
    intro: '本次会议的纪要草稿现征求意见，请阅读并在文档中发表评论。',
    meeting: '会议',
    until: '意见截止',
    open: '打开会议纪要',
    sep: '：',
  },
} as const;

/** The circulation mail in the recipient's language; times in their zone first, then the meeting's. */
export function minutesCirculationMail(input: MinutesCirculationInput): { subject: string; text: string; html: string } {
  const l = TEXT[input.locale];
  const title = `${input.workingGroupCode ? `${input.workingGroupCode} ` : ''}${input.meetingTitle}`;
  const zones = [...new Set([input.recipientZone, input.meetingZone])];
  const when = (instant: Date) => formatInZones(instant, zones, input.locale).map((z) => `${z.text} (${z.city}, ${z.offset})`).join(' / ');
  const lines = [
    l.hello(input.recipientName),
    '',
    l.intro,
    '',
    `${l.meeting}${l.sep}${title} — ${when(input.occurrenceStart)}`,
    `${l.until}${l.sep}${when(input.commentsUntil)}`,
    '',
    `${l.open}${l.sep}${input.link}`,
    '',
    'Roundtable',
  ];
  return {
    subject: l.subject(title),
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${input.locale}"><body><p>${lines.map(escapeHtml).join('<br>\n')}</p></body></html>`,
  };
}

const REMINDER = {
  en: {
    subject: (text: string) => `Action due soon: ${text}`,
    hello: (n: string | null) => (n ? `Dear ${n},` : 'Hello,'),
    intro: 'An action item you own is due soon.',
    action: 'Action',
    due: 'Due on',
    from: 'Agreed at',
    open: 'Your actions',
    sep: ': ',
  },
  'zh-CN': {
    subject: (text: string) => `行动项即将到期：${text}`,
    hello: (n: string | null) => (n ? `${n}，您好：` : '您好：'),
    intro: '您负责的一项行动项即将到期。',
    action: '行动项',
    due: '截止日期',
    from: '来源会议',
    open: '我的行动项',
    sep: '：',
  },
} as const;

/** The reminder to an action's owner, in their language; the due date is a calendar date (no zone). */
export function actionReminderMail(input: { locale: Locale; recipientName: string | null; text: string; dueOn: string; meetingTitle: string; link: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const l = REMINDER[input.locale];
  const lines = [
    l.hello(input.recipientName),
    '',
    l.intro,
    '',
    `${l.action}${l.sep}${input.text}`,
    `${l.due}${l.sep}${input.dueOn}`,
    `${l.from}${l.sep}${input.meetingTitle}`,
    '',
    `${l.open}${l.sep}${input.link}`,
    '',
    'Roundtable',
  ];
  return { subject: l.subject(input.text), text: lines.join('\n'), html: `<!doctype html><html lang="${input.locale}"><body><p>${lines.map(escapeHtml).join('<br>\n')}</p></body></html>` };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
