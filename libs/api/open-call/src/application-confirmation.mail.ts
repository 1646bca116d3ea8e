import type { Bilingual, Locale } from '@roundtable/contracts';
import { escapeHtml } from '@roundtable/api-platform';

const TEXT: Record<
  Locale,
  {
    subject: (title: string) => string;
    hello: (name: string) => string;
    intro: (title: string) => string;
    action: string;
    replaces: string;
    expiry: (day: string) => string;
    notYou: string;
  }
> = {
  en: {
    subject: (title) => `Confirm your application: ${title}`,
    hello: (name) => `Dear ${name},`,
    intro: (title) =>
      `We received an application to "${title}" from this email address. It counts only once you confirm it:`,
    action: 'Confirm the application',
    replaces: 'If you applied to this call before with this address, confirming replaces your earlier application.',
    expiry: (day) => `The link works once and expires on ${day} (UTC).`,
    notYou: 'If you did not apply, ignore this message: nothing is stored as an application until the link is opened.',
  },
  'zh-CN': {
    subject: (title) => `请确认您的申请：${title}`,
    hello: (name) => `${name}，您好：`,
    intro: (title) => `我们收到了以此邮箱地址提交的"${title}"申请。申请须经您确认后方才生效：`,
    action: '确认申请',
    replaces: '如果您此前已用此邮箱申请过本次征集，确认后将以本次申请替换此前的申请。',
    expiry: (day) => `该链接仅可使用一次，有效期至 ${day}（UTC）。`,
    notYou: '如果您并未提交申请，请忽略本邮件：在打开链接之前，任何内容都不会作为申请保存。',
  },
};

/** The "confirm your application" mail in the language of the form the applicant used, as text and HTML. */
export function applicationConfirmationMail(input: {
  locale: Locale;
  name: string;
  callTitle: Bilingual;
  link: string;
  expiresAt: Date;
}): {
  subject: string;
  text: string;
  html: string;
} {
  const l = TEXT[input.locale];
  const title = input.locale === 'zh-CN' ? input.callTitle.zh : input.callTitle.en;
  const lines = [
    l.hello(input.name),
    '',
    l.intro(title),
    input.link,
    '',
    l.replaces,
    l.expiry(input.expiresAt.toISOString().slice(0, 10)),
    l.notYou,
    '',
    'Roundtable',
  ];
  const body = lines
    .map((line) =>
      line === input.link
        ? `<a href="${escapeHtml(input.link)}">${escapeHtml(l.action)}</a><br>${escapeHtml(input.link)}`
        : escapeHtml(line),
    )
    .join('<br>\n');
  return {
    subject: l.subject(title),
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${input.locale}"><body><p>${body}</p></body></html>`,
  };
}
