import type { JSONContent } from '@tiptap/core';

/**
 * How a document's headings become a paper's outline — one rule for the editor, the table of contents and
 * every export: a level-1 heading that opens the document is its title (the template starts that way); the
 * other headings are numbered sections, their levels shifted so the highest one used is section level 1 (a
 * template's level-2 sections are "1", "2", … rather than "0.1"), at most three levels deep.
 */
export interface HeadingLike {
  level: number;
  text: string;
}

export interface OutlineEntry extends HeadingLike {
  /** Index among the document's headings, in order. */
  index: number;
  /** "2.1", or null for the title. */
  number: string | null;
  /** Section level 1–3, or 0 for the title. */
  sectionLevel: number;
}

/** The section level (1–3) of a heading of editor level `level`, given the highest level sections use. */
export function sectionLevelOf(level: number, topLevel: number): number {
  return Math.min(3, Math.max(1, level - topLevel + 1));
}

/**
 * Numbers headings in document order. `startsWithTitle` is whether the first heading is also the document's
 * first block and has level 1.
 */
export function numberHeadings(headings: readonly HeadingLike[], startsWithTitle: boolean): OutlineEntry[] {
  const sections = startsWithTitle ? headings.slice(1) : headings;
  const topLevel = sections.length > 0 ? Math.min(...sections.map((h) => h.level)) : 1;
  const counters = [0, 0, 0];
  const entries: OutlineEntry[] = [];
  headings.forEach((heading, index) => {
    if (startsWithTitle && index === 0) {
      entries.push({ ...heading, index, number: null, sectionLevel: 0 });
      return;
    }
    const sectionLevel = sectionLevelOf(heading.level, topLevel);
    counters[sectionLevel - 1] += 1;
    for (let deeper = sectionLevel; deeper < counters.length; deeper++) counters[deeper] = 0;
    // A subsection before any section of its parent level still reads "0.1" rather than skipping a level.
    entries.push({ ...heading, index, number: counters.slice(0, sectionLevel).join('.'), sectionLevel });
  });
  return entries;
}

/** The plain text of a node (text runs joined, hard breaks as newlines). */
export function plainText(node: JSONContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

/** The outline of editor JSON (top-level headings only: headings inside tables or quotes are not sections). */
export function outlineOfDocument(doc: JSONContent): OutlineEntry[] {
  const nodes = doc.content ?? [];
  const headings = nodes
    .filter((n) => n.type === 'heading')
    .map((n) => ({ level: Number(n.attrs?.level ?? 1), text: plainText(n) }));
  const first = nodes[0];
  const startsWithTitle = first?.type === 'heading' && Number(first.attrs?.level ?? 1) === 1;
  return numberHeadings(headings, startsWithTitle);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/**
 * Words as a reader counts them in either language: a Latin-script word is one, and each Chinese character
 * is one (the convention of Chinese word counts: 字数).
 */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const han = [...segment.segment].filter((char) => HAN.test(char)).length;
    count += han > 0 ? han : 1;
  }
  return count;
}

export interface SectionCount {
  /** The heading's entry, or null for the text before the first heading. */
  heading: OutlineEntry | null;
  words: number;
}

/** Words per section: from each heading to the next one (any level), plus the text before the first heading. */
export function wordsPerSection(doc: JSONContent): SectionCount[] {
  const outline = outlineOfDocument(doc);
  const counts: SectionCount[] = [{ heading: null, words: 0 }];
  let headingIndex = 0;
  for (const node of doc.content ?? []) {
    if (node.type === 'heading') {
      counts.push({ heading: outline[headingIndex++], words: 0 });
      continue;
    }
    counts[counts.length - 1].words += countWords(blockText(node));
  }
  return counts[0].words === 0 ? counts.slice(1) : counts;
}

/** Text of a block with its blocks separated, so words in neighbouring cells or items do not merge. */
function blockText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(blockText).join(node.type === 'paragraph' || node.type === 'heading' ? '' : '\n');
}
