import * as Y from 'yjs';
import { type CitationStyle, type CslItem, DEFAULT_CITATION_STYLE, isCitationStyle } from './citations';

/**
 * Where a document keeps its reference list and citation style: beside the editor fragment in the same Y.Doc
 * (ADR 039), so they are edited together live, saved, versioned and restored with the text.
 */
export const REFERENCES_MAP = 'references';
export const CITATION_SETTINGS_MAP = 'citationSettings';

/** A new reference id: time-ordered (the list shows uncited references in the order they were added). */
export function newReferenceId(now = Date.now(), random = Math.random()): string {
  return `r${now.toString(36).padStart(9, '0')}${Math.floor(random * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** The document's references, in the order they were added. Values that are not CSL items are skipped. */
export function referencesOf(doc: Y.Doc): CslItem[] {
  const items: CslItem[] = [];
  doc.getMap<unknown>(REFERENCES_MAP).forEach((value, id) => {
    if (value && typeof value === 'object' && typeof (value as CslItem).type === 'string')
      items.push({ ...(value as CslItem), id });
  });
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function citationStyleOf(doc: Y.Doc): CitationStyle {
  const style = doc.getMap<unknown>(CITATION_SETTINGS_MAP).get('style');
  return isCitationStyle(style) ? style : DEFAULT_CITATION_STYLE;
}

/** Adds references (new ids) in one transaction; returns them with their ids. */
export function addReferences(doc: Y.Doc, items: Array<Omit<CslItem, 'id'>>, now = Date.now()): CslItem[] {
  const map = doc.getMap<unknown>(REFERENCES_MAP);
  const added: CslItem[] = [];
  doc.transact(() => {
    items.forEach((item, i) => {
      let id = newReferenceId(now + i);
      while (map.has(id)) id = newReferenceId(now + i);
      const stored = { ...item, id } as CslItem;
      map.set(id, stored);
      added.push(stored);
    });
  });
  return added;
}
