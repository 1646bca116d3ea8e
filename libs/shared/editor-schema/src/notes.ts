import type { JSONContent } from '@tiptap/core';
import { libraryId } from './figure.node';
import { footnoteText } from './footnote.node';
import { plainText } from './outline';

/**
 * Figures and footnotes numbered in document order — one rule for the editor (decorations), the notes list
 * and every export. The numbers are computed, never stored, so co-authors always agree (ADR 038).
 */
export interface FigureEntry {
  /** 1, 2, … in document order. */
  number: number;
  fileId: string | null;
  versionId: string | null;
  caption: string;
}

export interface FootnoteEntry {
  number: number;
  id: string | null;
  text: string;
}

function walk(node: JSONContent, visit: (node: JSONContent) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

export function figuresOf(doc: JSONContent): FigureEntry[] {
  const figures: FigureEntry[] = [];
  walk(doc, (node) => {
    if (node.type !== 'figure') return;
    figures.push({
      number: figures.length + 1,
      fileId: libraryId(node.attrs?.['fileId']),
      versionId: libraryId(node.attrs?.['versionId']),
      caption: plainText(node).trim(),
    });
  });
  return figures;
}

export function footnotesOf(doc: JSONContent): FootnoteEntry[] {
  const notes: FootnoteEntry[] = [];
  walk(doc, (node) => {
    if (node.type !== 'footnote') return;
    const id = node.attrs?.['id'];
    notes.push({
      number: notes.length + 1,
      id: typeof id === 'string' ? id : null,
      text: footnoteText(node.attrs?.['text']),
    });
  });
  return notes;
}

const HAN = /\p{Script=Han}/u;

/**
 * An export's figure label: the caption's own language decides, as exports have no reader's locale (the paper
 * is bilingual) — "图 2" before a caption written in Chinese, "Figure 2" otherwise.
 */
export function figureLabel(number: number, caption: string): string {
  const han = [...caption].filter((c) => HAN.test(c)).length;
  const latin = (caption.match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han * 2 >= latin ? `图 ${number}` : `Figure ${number}`;
}
