import { publicBaseUrl } from '@roundtable/api-platform';
import { MENTION_PATTERN } from '@roundtable/contracts';

export interface MentionMailInput {
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

/** One message in both languages (English first, then Simplified Chinese). */
export function mentionMail(input: MentionMailInput): { subject: string; text: string } {
  const quote = input.quote.length > 300 ? `${input.quote.slice(0, 300)}…` : input.quote;
  const body = plainBody(input.body);
  const subject = `${input.authorName} mentioned you in “${input.documentTitle.en}” / ${input.authorName} 在《${input.documentTitle.zh}》中提到了您`;
  const text = [
    `${input.authorName} mentioned you in a comment on “${input.documentTitle.en}”.`,
    '',
    'On the text:',
    quoted(quote),
    '',
    'Comment:',
    quoted(body),
    '',
    `Open the document: ${input.link}`,
    '',
    '———',
    '',
    `${input.authorName} 在《${input.documentTitle.zh}》的评论中提到了您。`,
    '',
    '所评论的文字：',
    quoted(quote),
    '',
    '评论：',
    quoted(body),
    '',
    `打开文档：${input.link}`,
  ].join('\n');
  return { subject, text };
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
