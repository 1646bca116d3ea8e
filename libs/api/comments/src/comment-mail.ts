import { publicBaseUrl } from '@roundtable/api-platform';
import { MENTION_PATTERN, type Locale } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

export interface MentionMailInput {
  locale: Locale;
  authorName: string;
  documentTitle: { en: string; zh: string };
  quote: string;
  body: string;
  link: string;
}

/** Mention markup shown as plain `@Name`. */
export function plainBody(body: string): string {
  return body.replace(new RegExp(MENTION_PATTERN.source, 'g'), (_m, name: string) => `@${name}`);
}

function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The mention mail in the recipient's language, from the mail catalog (ADR 044). */
export function mentionMail(input: MentionMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const quote = input.quote.length > 300 ? `${input.quote.slice(0, 300)}…` : input.quote;
  const params = {
    author: input.authorName,
    title: input.locale === 'zh-CN' ? input.documentTitle.zh : input.documentTitle.en,
  };
  const lines = [
    w.t('mention.intro', params),
    '',
    w.t('mention.onText'),
    quoted(quote),
    '',
    w.t('mention.comment'),
    quoted(plainBody(input.body)),
    '',
    w.labelled('mention.open', input.link),
  ];
  return renderMail(input.locale, w.t('mention.subject', params), lines);
}

/** The app path of a comment thread: the document opened on it. */
export function commentPath(documentId: string, threadId?: string): string {
  return `/documents/${documentId}${threadId ? `?thread=${threadId}` : ''}`;
}

export function documentLink(documentId: string, threadId?: string): string {
  return `${publicBaseUrl()}${commentPath(documentId, threadId)}`;
}

/** The notification's title in both languages. */
export function mentionTitle(
  authorName: string,
  documentTitle: { en: string; zh: string },
): { en: string; zh: string } {
  return {
    en: `${authorName} mentioned you in “${documentTitle.en}”`,
    zh: `${authorName} 在《${documentTitle.zh}》中提到了您`,
  };
}

export function replyTitle(authorName: string, documentTitle: { en: string; zh: string }): { en: string; zh: string } {
  return {
    en: `${authorName} replied in a thread you commented on in “${documentTitle.en}”`,
    zh: `${authorName} 回复了您在《${documentTitle.zh}》中参与的评论`,
  };
}
