import type { Locale } from '@roundtable/contracts';

export interface DigestMailInput {
  locale: Locale;
  cadence: 'daily' | 'weekly';
  recipientName: string;
  items: ReadonlyArray<{ title: string; link: string }>;
  /** PUBLIC_URL: links in mail are absolute. */
  baseUrl: string;
}

const TEXT = {
  en: {
    subject: (cadence: 'daily' | 'weekly', n: number) =>
      `Your ${cadence} Roundtable digest: ${n} notification${n === 1 ? '' : 's'}`,
    hello: (name: string) => `Dear ${name},`,
    intro: (cadence: 'daily' | 'weekly') =>
      cadence === 'daily' ? 'Here is what happened since yesterday’s digest:' : 'Here is what happened this past week:',
    all: 'All notifications',
    settings: 'Choose what is mailed, and when',
    sep: ': ',
  },
  'zh-CN': {
    subject: (cadence: 'daily' | 'weekly', n: number) =>
      `Roundtable ${cadence === 'daily' ? '每日' : '每周'}摘要：${n} 条通知`,
    hello: (name: string) => `${name}，您好：`,
    intro: (cadence: 'daily' | 'weekly') =>
      cadence === 'daily' ? '以下是自上次摘要以来的动态：' : '以下是过去一周的动态：',
    all: '全部通知',
    settings: '选择哪些通知以邮件发送及发送时间',
    sep: '：',
  },
} as const;

/** A digest in the recipient's language: one line per notification with its link. */
export function digestMail(input: DigestMailInput): { subject: string; text: string } {
  const l = TEXT[input.locale];
  const text = [
    l.hello(input.recipientName),
    '',
    l.intro(input.cadence),
    '',
    ...input.items.map((item) => `• ${item.title}\n  ${input.baseUrl}${item.link}`),
    '',
    `${l.all}${l.sep}${input.baseUrl}/notifications`,
    `${l.settings}${l.sep}${input.baseUrl}/notifications/settings`,
  ].join('\n');
  return { subject: l.subject(input.cadence, input.items.length), text };
}
