import type { Locale } from '@roundtable/contracts';
import { formatInZones, titleWithGroup } from '@roundtable/domain';
import { escapeHtml } from '@roundtable/api-platform';

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
    intro:
      'The draft minutes of this meeting are circulated for comments. Please read them and comment in the document.',
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

/** The circulation mail's subject (and its notification's title) in one language, naming the group once. */
export function minutesCirculationSubject(
  locale: Locale,
  workingGroupCode: string | null,
  meetingTitle: string,
): string {
  return TEXT[locale].subject(titleWithGroup(workingGroupCode, meetingTitle));
}

/** The circulation mail in the recipient's language; times in their zone first, then the meeting's. */
export function minutesCirculationMail(input: MinutesCirculationInput): {
  subject: string;
  text: string;
  html: string;
} {
  const l = TEXT[input.locale];
  const title = titleWithGroup(input.workingGroupCode, input.meetingTitle);
  const zones = [...new Set([input.recipientZone, input.meetingZone])];
  const when = (instant: Date) =>
    formatInZones(instant, zones, input.locale)
      .map((z) => `${z.text} (${z.city}, ${z.offset})`)
      .join(' / ');
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
    html: htmlMail(input.locale, lines),
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
export function actionReminderMail(input: {
  locale: Locale;
  recipientName: string | null;
  text: string;
  dueOn: string;
  meetingTitle: string;
  link: string;
}): {
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
  return { subject: l.subject(input.text), text: lines.join('\n'), html: htmlMail(input.locale, lines) };
}

const WITHDRAWN = {
  en: {
    subject: (t: string) => `Your approval was withdrawn: minutes of ${t}`,
    hello: (n: string | null) => (n ? `Dear ${n},` : 'Hello,'),
    intro:
      'The minutes changed after you approved them, so your approval no longer counts: an approval holds only for the text you read.',
    reason: {
      edited: 'What happened: the text, a decision or an action item was changed.',
      reopened: 'What happened: a coordinator unlocked the approved minutes; they are a draft again.',
    },
    again: 'Please read the minutes again and approve them if you agree with the new text.',
    open: 'Open the minutes',
    sep: ': ',
  },
  'zh-CN': {
    subject: (t: string) => `您的批准已撤回：${t} 的会议纪要`,
    hello: (n: string | null) => (n ? `${n}，您好：` : '您好：'),
    intro: '会议纪要在您批准后被修改，因此您的批准不再有效：批准仅对您阅读过的文本有效。',
    reason: {
      edited: '原因：正文、决定或行动项已被修改。',
      reopened: '原因：协调人解锁了已批准的会议纪要，纪要已恢复为草稿。',
    },
    again: '请重新阅读会议纪要，如同意新的文本，请再次批准。',
    open: '打开会议纪要',
    sep: '：',
  },
} as const;

/** Tells an approver that their approval no longer counts (the minutes changed, or were reopened), in their language. */
export function approvalWithdrawnMail(input: {
  locale: Locale;
  recipientName: string | null;
  meetingTitle: string;
  reason: 'edited' | 'reopened';
  link: string;
}): {
  subject: string;
  text: string;
  html: string;
} {
  const l = WITHDRAWN[input.locale];
  const lines = [
    l.hello(input.recipientName),
    '',
    l.intro,
    l.reason[input.reason],
    '',
    l.again,
    `${l.open}${l.sep}${input.link}`,
    '',
    'Roundtable',
  ];
  return { subject: l.subject(input.meetingTitle), text: lines.join('\n'), html: htmlMail(input.locale, lines) };
}

function htmlMail(locale: Locale, lines: string[]): string {
  return `<!doctype html><html lang="${locale}"><body><p>${lines.map(escapeHtml).join('<br>\n')}</p></body></html>`;
}
