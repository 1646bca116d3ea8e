import type { JSONContent } from '@tiptap/core';
import { SUGGESTION_DELETE } from './suggestion.marks';
import { footnoteText } from './footnote.node';
import { figureLabel } from './notes';
import { plainText } from './outline';

/**
 * Serialises editor JSON (the shared schema) to CommonMark. Pure and DOM-free: the server uses it to
 * export documents and versions.
 */
export function toMarkdown(doc: JSONContent): string {
  const notes: string[] = [];
  let figures = 0;
  // Figures and footnotes carry their number (document order, as notes.ts counts) into the serialisation.
  const numbered = (node: JSONContent): JSONContent => {
    if (node.type === 'footnote') {
      notes.push(footnoteText(node.attrs?.['text']));
      return { ...node, attrs: { ...node.attrs, number: notes.length } };
    }
    const content = node.content?.map(numbered);
    if (node.type === 'figure') return { ...node, content, attrs: { ...node.attrs, number: ++figures } };
    return content ? { ...node, content } : node;
  };
  const body = blocks(numbered(doc).content ?? [], '');
  // GFM footnotes: the marks in the text, their notes as one list at the end.
  const definitions = notes
    .map((text, i) => `[^${i + 1}]: ${escapeText(text.replace(/\s*\n\s*/g, ' ')) || '\\-'}`)
    .join('\n');
  return (body + (definitions ? `\n\n${definitions}\n` : '')).replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function blocks(nodes: JSONContent[], indent: string): string {
  return nodes.map((node) => block(node, indent)).join('');
}

function block(node: JSONContent, indent: string): string {
  switch (node.type) {
    case 'heading':
      return `${indent}${'#'.repeat(Number(node.attrs?.level ?? 1))} ${inline(node.content)}\n\n`;
    case 'paragraph':
      return `${indent}${inline(node.content)}\n\n`;
    case 'blockquote':
      return (
        blocks(node.content ?? [], '')
          .trimEnd()
          .split('\n')
          .map((line) => `${indent}> ${line}`.trimEnd())
          .join('\n') + '\n\n'
      );
    case 'codeBlock': {
      const text = (node.content ?? []).map((t) => t.text ?? '').join('');
      // A fence longer than any backtick run inside, so the text cannot close it and go on as Markdown/HTML.
      const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
      return `${indent}${fence}${safeLanguage(node.attrs?.language)}\n${text
        .split('\n')
        .map((l) => indent + l)
        .join('\n')}\n${indent}${fence}\n\n`;
    }
    case 'horizontalRule':
      return `${indent}---\n\n`;
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      const items = (node.content ?? []).map((item, index) => {
        const marker = node.type === 'bulletList' ? '- ' : `${start + index}. `;
        // Tight lists: no blank lines inside an item.
        const inner = blocks(item.content ?? [], '')
          .trimEnd()
          .split('\n')
          .filter((line) => line !== '');
        const pad = ' '.repeat(marker.length);
        return inner
          .map((line, i) => (i === 0 ? `${indent}${marker}${line}` : line ? `${indent}${pad}${line}` : ''))
          .join('\n');
      });
      return items.join('\n') + '\n\n';
    }
    case 'table':
      return table(node, indent);
    case 'figure': {
      // The image stays in the document's library (a Markdown file cannot carry it): the caption says which figure.
      const caption = inline(node.content);
      const label = figureLabel(Number(node.attrs?.['number'] ?? 0), plainText(node));
      return `${indent}*${label}${plainText(node).trim() ? ':' : ''}* ${caption}`.trimEnd() + '\n\n';
    }
    case 'recommendation':
      return recommendation(node, indent);
    default:
      return node.content ? blocks(node.content, indent) : '';
  }
}

/**
 * A GitHub-flavoured table: the first row is the header (GFM requires one), a merged cell keeps its text in
 * its first column and leaves the others empty, and a cell's paragraphs are joined on one line.
 */
function table(node: JSONContent, indent: string): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).flatMap((cell) => {
      const text = (cell.content ?? [])
        .map((b) => blocks([b], '').replace(/\n+/g, ' ').trim())
        .filter(Boolean)
        .join(' ');
      return [text, ...Array<string>(Math.max(0, Number(cell.attrs?.colspan ?? 1) - 1)).fill('')];
    }),
  );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `${indent}| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  return [line(rows[0]), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)].join('\n') + '\n\n';
}

/** A recommendation: its title in bold, its body, then its addressee, horizon and priority as one line. */
function recommendation(node: JSONContent, indent: string): string {
  const attrs = node.attrs ?? {};
  const title = inline([{ type: 'text', text: String(attrs.title ?? ''), marks: [{ type: 'bold' }] }]);
  const meta = [attrs.addressee, attrs.horizon, attrs.priority, attrs.frameworks]
    .filter((value) => typeof value === 'string' && value !== '')
    .join(' · ');
  return `${indent}${title}\n\n${blocks(node.content ?? [], indent)}${meta ? `${indent}${inline([{ type: 'text', text: meta }])}\n\n` : ''}`;
}

const ESCAPE = /([\\`*_[\]#<>!|])/g;

/**
 * Exports are opened by other tools (Markdown previews, static sites), so nothing in a document may become
 * active there: text is escaped (no raw HTML), code cannot break out of its span or fence, a code block's
 * language is a plain word, and links keep only web, mail and phone addresses or relative ones.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function safeHref(href: unknown): string | null {
  // Like a browser's URL parser: trim controls and spaces, drop tabs and newlines anywhere ("java\tscript:").
  const cleaned = String(href ?? '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/[\t\n\r]/g, '');
  if (!cleaned) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
  if (scheme && !SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`)) return null;
  return cleaned.replace(/[()<>\\\s\u0000-\u001f\u007f]/g, encodeURIComponent);
}

function escapeText(text: string): string {
  return text.replace(ESCAPE, '\\$1');
}

function safeLanguage(language: unknown): string {
  return typeof language === 'string' && /^[A-Za-z0-9_+#.-]{1,32}$/.test(language) ? language : '';
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** A code span that its own backticks cannot end (CommonMark: a longer fence, padded when the code touches it). */
function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inline(nodes: JSONContent[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      if (node.type === 'footnote') return `[^${Number(node.attrs?.['number'] ?? 0)}]`;
      if (node.type !== 'text') return inline(node.content);
      const marks = node.marks ?? [];
      const has = (type: string) => marks.some((m) => m.type === type);
      let text = has('code') ? codeSpan(node.text ?? '') : escapeText(node.text ?? '');
      if (has('bold')) text = `**${text}**`;
      if (has('italic')) text = `*${text}*`;
      // A proposed deletion (ADR 040) reads as struck text; a proposed insertion as plain text.
      if (has('strike') || has(SUGGESTION_DELETE)) text = `~~${text}~~`;
      const link = marks.find((m) => m.type === 'link');
      const href = link ? safeHref(link.attrs?.href) : null;
      if (href) text = `[${text}](${href})`;
      return text;
    })
    .join('');
}
