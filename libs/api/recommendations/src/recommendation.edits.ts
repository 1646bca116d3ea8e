import { EDITOR_FRAGMENT, RECOMMENDATION_NODE } from '@roundtable/editor-schema';
import { randomUUID } from 'crypto';
import * as Y from 'yjs';

/** What an insert or an edit through the API sets; the body's lines become paragraphs. */
export interface RecommendationFields {
  title?: string;
  body?: string;
  addressee?: string;
  horizon?: string;
  priority?: string;
  frameworks?: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecommendationId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Every recommendation element of the document, in document order (wherever it is nested). */
export function recommendationElements(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === RECOMMENDATION_NODE) found.push(child);
      else walk(child);
    }
  };
  walk(doc.getXmlFragment(EDITOR_FRAGMENT));
  return found;
}

export function findRecommendation(doc: Y.Doc, recId: string): Y.XmlElement | null {
  return recommendationElements(doc).find((element) => element.getAttribute('recId') === recId) ?? null;
}

function paragraphs(body: string): Y.XmlElement[] {
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  return (lines.length > 0 ? lines : ['']).map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
}

function setFields(element: Y.XmlElement, fields: RecommendationFields): void {
  if (fields.title !== undefined) element.setAttribute('title', fields.title);
  if (fields.addressee !== undefined) element.setAttribute('addressee', fields.addressee);
  if (fields.horizon !== undefined) element.setAttribute('horizon', fields.horizon);
  if (fields.priority !== undefined) element.setAttribute('priority', fields.priority);
  if (fields.frameworks !== undefined) element.setAttribute('frameworks', fields.frameworks.join(','));
  if (fields.body !== undefined) {
    element.delete(0, element.length);
    element.insert(0, paragraphs(fields.body));
  }
}

/** Where an element sits: its parent and index (a recommendation may be nested in a list or quote). */
function placeOf(element: Y.XmlElement): { parent: Y.XmlFragment | Y.XmlElement; index: number } {
  const parent = element.parent as Y.XmlFragment | Y.XmlElement;
  return { parent, index: parent.toArray().indexOf(element) };
}

function insertAt(doc: Y.Doc, element: Y.XmlElement, beforeId: string | null): void {
  const before = beforeId ? findRecommendation(doc, beforeId) : null;
  if (before) {
    const { parent, index } = placeOf(before);
    parent.insert(index, [element]);
  } else {
    const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
    fragment.insert(fragment.length, [element]);
  }
}

/** Inserts a new recommendation before `beforeId` (or at the end of the document); returns its id. */
export function insertRecommendation(
  doc: Y.Doc,
  fields: RecommendationFields & { title: string; body: string },
  beforeId: string | null,
): string {
  const id = randomUUID();
  const element = new Y.XmlElement(RECOMMENDATION_NODE);
  // Attributes before content: a prelim element keeps both once integrated.
  element.setAttribute('recId', id);
  element.setAttribute('addressee', 'policy-makers');
  element.setAttribute('horizon', 'medium');
  element.setAttribute('priority', 'medium');
  element.setAttribute('frameworks', '');
  doc.transact(() => {
    insertAt(doc, element, beforeId);
    setFields(element, fields);
  });
  return id;
}

/** Changes the given fields; false when the document has no such recommendation. */
export function updateRecommendation(doc: Y.Doc, recId: string, fields: RecommendationFields): boolean {
  const element = findRecommendation(doc, recId);
  if (!element) return false;
  doc.transact(() => setFields(element, fields));
  return true;
}

/**
 * Moves a recommendation before another (or to the end): Yjs has no move, so the block is re-created at its
 * new place with the same id and content and the old one deleted, in one transaction (one update).
 */
export function moveRecommendation(doc: Y.Doc, recId: string, beforeId: string | null): boolean {
  const element = findRecommendation(doc, recId);
  if (!element || beforeId === recId) return element !== null;
  doc.transact(() => {
    const copy = element.clone();
    const { parent, index } = placeOf(element);
    parent.delete(index, 1);
    insertAt(doc, copy, beforeId);
  });
  return true;
}

export function deleteRecommendation(doc: Y.Doc, recId: string): boolean {
  const element = findRecommendation(doc, recId);
  if (!element) return false;
  const { parent, index } = placeOf(element);
  parent.delete(index, 1);
  return true;
}

/**
 * Gives a fresh id to every recommendation whose id is missing, not a UUID, repeated earlier in the document,
 * or `taken` (held by a recommendation of another document): a copy pasted twice, or from another paper,
 * becomes a recommendation of its own. Returns how many it changed.
 */
export function assignMissingIds(doc: Y.Doc, taken: ReadonlySet<string>): number {
  const seen = new Set<string>();
  let changed = 0;
  doc.transact(() => {
    for (const element of recommendationElements(doc)) {
      const id = element.getAttribute('recId');
      if (isRecommendationId(id) && !seen.has(id) && !taken.has(id)) {
        seen.add(id);
        continue;
      }
      const fresh = randomUUID();
      element.setAttribute('recId', fresh);
      seen.add(fresh);
      changed++;
    }
  });
  return changed;
}
