import type { JSONContent } from '@tiptap/core';
import locales from '@citation-js/plugin-csl/lib/locales.json';
import styles from '@citation-js/plugin-csl/lib/styles.json';
import CSL from 'citeproc';
import { BIBLIOGRAPHY_NODE, CITATION_NODE, referenceIdsOf } from './citation.node';

/**
 * Citations and the reference list (ADR 039): one formatting function for the editor, the exports and the
 * public page. References are CSL-JSON items; citeproc-js (the CSL processor Zotero and Mendeley use) formats
 * them with the CSL styles and the en-US locale shipped in @citation-js/plugin-csl (CC BY-SA 3.0, the Citation
 * Style Language project).
 */
export const CITATION_STYLES = ['vancouver', 'apa'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyle = 'vancouver';

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html); `id` is ours. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  DOI?: string;
  [field: string]: unknown;
}

/** What a citation shows when a reference it names is no longer in the list. */
export const BROKEN_CITATION = '[?]';

export function isCitationStyle(value: unknown): value is CitationStyle {
  return CITATION_STYLES.includes(value as CitationStyle);
}

export interface CitationLabel {
  referenceIds: string[];
  /** The label as plain text, e.g. "(1,3)" or "(Smith & Wang, 2020)", with BROKEN_CITATION for deleted ones. */
  text: string;
  /** The label as inline editor content (italics kept). */
  content: JSONContent[];
  /** Some reference it names is not in the list. */
  broken: boolean;
}

export interface BibliographyEntry {
  id: string;
  /** The entry as plain text, its number first in a numbered style ("1. Smith J, …"). */
  text: string;
  /** The entry as inline editor content (italics kept). */
  content: JSONContent[];
  cited: boolean;
}

export interface CitationFormatting {
  /** One label per citation node, in document order. */
  labels: CitationLabel[];
  /** Every reference: the cited ones first (in order of first citation), then the others. */
  entries: BibliographyEntry[];
}

/** Every citation node's reference ids, in document order. */
export function citationsOf(content: JSONContent): string[][] {
  const found: string[][] = [];
  const walk = (node: JSONContent) => {
    if (node.type === CITATION_NODE) found.push(referenceIdsOf(node.attrs?.['referenceIds']));
    for (const child of node.content ?? []) walk(child);
  };
  walk(content);
  return found;
}

/**
 * Labels for citations (given as each citation node's reference ids, in document order) and the formatted
 * reference list. Numbered styles number references in order of first citation, so moving text renumbers.
 */
export function formatCitations(
  citations: string[][],
  references: readonly CslItem[],
  style: CitationStyle,
): CitationFormatting {
  const byId = new Map(references.map((item) => [item.id, item]));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const ids of citations)
    for (const id of ids)
      if (byId.has(id) && !seen.has(id)) {
        seen.add(id);
        order.push(id);
      }
  const cited = new Set(order);
  for (const item of references) if (!seen.has(item.id)) order.push(item.id);

  const engine = new CSL.Engine(
    {
      retrieveLocale: (lang) => (locales as Record<string, string>)[lang] ?? locales['en-US'],
      // citeproc annotates the items it is given: each engine gets copies.
      retrieveItem: (id) => JSON.parse(JSON.stringify(byId.get(id) ?? { id, type: 'document' })) as CslItem,
    },
    (styles as Record<CitationStyle, string>)[style],
    'en-US',
    true,
  );
  engine.setOutputFormat('html');
  engine.updateItems(order);

  const labels = citations.map((ids): CitationLabel => {
    const known = ids.filter((id) => byId.has(id));
    const broken = known.length < ids.length || ids.length === 0;
    const html = known.length > 0 ? engine.makeCitationCluster(known.map((id) => ({ id }))) : '';
    const content = inlineOfHtml(html);
    if (broken) content.push(...(content.length > 0 ? text(' ') : []), ...text(BROKEN_CITATION));
    return { referenceIds: ids, text: plain(content), content, broken };
  });

  const bibliography = order.length > 0 ? engine.makeBibliography() : false;
  const entries: BibliographyEntry[] = bibliography
    ? bibliography[1].map((html, i) => {
        const id = bibliography[0].entry_ids[i]?.[0] ?? order[i];
        // Numbered styles put the number in a margin block: "1." then a space, as one line of text.
        const content = inlineOfHtml(html.replace(/<\/div>\s*<div class="csl-right-inline">/, ' </div><div>'));
        return { id, text: plain(content), content, cited: cited.has(id) };
      })
    : [];
  return { labels, entries };
}

/**
 * The content with every citation replaced by its label and the reference list by one paragraph per entry:
 * what every export renders, so they show what the editor shows.
 */
export function resolveCitations(
  content: JSONContent,
  references: readonly CslItem[],
  style: CitationStyle,
): JSONContent {
  if (!hasCitationNodes(content)) return content;
  const formatting = formatCitations(citationsOf(content), references, style);
  let next = 0;
  const walk = (node: JSONContent): JSONContent[] => {
    if (node.type === CITATION_NODE) {
      const label = formatting.labels[next++];
      return label?.content ?? text(BROKEN_CITATION);
    }
    if (node.type === BIBLIOGRAPHY_NODE)
      return formatting.entries.map((entry) => ({
        type: 'paragraph',
        content: entry.content,
      }));
    if (!node.content) return [node];
    return [{ ...node, content: mergeText(node.content.flatMap(walk)) }];
  };
  return walk(content)[0] ?? content;
}

function hasCitationNodes(node: JSONContent): boolean {
  return node.type === CITATION_NODE || node.type === BIBLIOGRAPHY_NODE || (node.content ?? []).some(hasCitationNodes);
}

function text(value: string, marks?: JSONContent['marks']): JSONContent[] {
  return value ? [{ type: 'text', text: value, ...(marks && marks.length > 0 ? { marks } : {}) }] : [];
}

function plain(content: JSONContent[]): string {
  return content.map((node) => node.text ?? '').join('');
}

function sameMarks(a: JSONContent['marks'], b: JSONContent['marks']): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Adjacent text nodes with the same marks become one (a label next to text reads as one run). */
function mergeText(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks))
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    else out.push(node);
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

const MARK_OF: Record<string, string> = { i: 'italic', em: 'italic', b: 'bold', strong: 'bold' };

/**
 * citeproc's HTML output (a few tags: div, span, i, b, sup, sub) as inline editor content: italics and bold
 * become marks, every other tag is dropped and whitespace collapses, so no markup reaches any renderer.
 */
export function inlineOfHtml(html: string): JSONContent[] {
  const out: JSONContent[] = [];
  const open: string[] = [];
  for (const part of html.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(part);
    if (tag) {
      const mark = MARK_OF[tag[2].toLowerCase()];
      if (!mark) continue;
      if (tag[1]) open.splice(open.lastIndexOf(mark), 1);
      else open.push(mark);
      continue;
    }
    const value = decode(part.replace(/\s+/g, ' '));
    const marks = [...new Set(open)].map((type) => ({ type }));
    out.push(...text(value, marks));
  }
  const merged = mergeText(out);
  // Trim the outer whitespace left by the block tags.
  if (merged[0]?.text) merged[0] = { ...merged[0], text: merged[0].text.replace(/^\s+/, '') };
  const last = merged[merged.length - 1];
  if (last?.text) merged[merged.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return merged.filter((node) => node.text);
}
