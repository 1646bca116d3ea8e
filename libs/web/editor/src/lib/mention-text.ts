import { MENTION_PATTERN, mentionMarkup } from '@roundtable/contracts';

/** A person mentioned in a comment being written: shown as `@Name`, sent as `@[Name](id)`. */
export interface Mention {
  name: string;
  id: string;
}

/** What the textarea shows for a stored body: each `@[Name](id)` as `@Name`, and the names' ids. */
export function displayFromMarkup(markup: string): { text: string; mentions: Mention[] } {
  const mentions: Mention[] = [];
  const text = markup.replace(new RegExp(MENTION_PATTERN.source, 'g'), (_whole, name: string, id: string) => {
    if (!mentions.some((m) => m.id === id && m.name === name)) mentions.push({ name, id });
    return `@${name}`;
  });
  return { text, mentions };
}

/**
 * The body to send for what the textarea shows: every `@Name` of a chosen mention becomes `@[Name](id)`.
 * Longer names first, so "@Ann Lee" is not taken for "@Ann". A name the writer has since edited is plain text.
 */
export function markupFromDisplay(text: string, mentions: readonly Mention[]): string {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  if (byLength.length === 0) return text;
  const pattern = new RegExp(`@(${byLength.map((m) => escapeRegExp(m.name)).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
  return text.replace(pattern, (_whole, name: string) => {
    const mention = byLength.find((m) => m.name === name) as Mention;
    return mentionMarkup(mention.name, mention.id);
  });
}

/**
 * The name being typed after an `@` before the caret (spaces allowed: "@WG1 EU co"), or null: none, one that
 * is already a chosen mention, or longer than a name could be.
 */
export function mentionQuery(
  text: string,
  caret: number,
  mentions: readonly Mention[],
): { text: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^@\n[\]()]{0,60})$/u.exec(before);
  if (!match) return null;
  const query = match[2];
  if (query.startsWith(' ')) return null;
  const start = caret - query.length - 1;
  if (
    mentions.some(
      (m) => query.startsWith(m.name) && (query.length === m.name.length || /\s/.test(query[m.name.length])),
    )
  )
    return null;
  return { text: query, start };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
