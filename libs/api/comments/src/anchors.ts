import type { FieldError, RelativePositionJson } from '@roundtable/contracts';
import * as Y from 'yjs';

const KEYS = new Set(['type', 'tname', 'item', 'assoc']);

function isId(value: unknown): value is { client: number; clock: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const id = value as Record<string, unknown>;
  return (
    Object.keys(id).every((k) => k === 'client' || k === 'clock') &&
    Number.isSafeInteger(id.client) &&
    (id.client as number) >= 0 &&
    Number.isSafeInteger(id.clock) &&
    (id.clock as number) >= 0
  );
}

/** Checks that `value` has the shape of `Y.relativePositionToJSON` output; returns the problems, named by field. */
export function relativePositionErrors(field: string, value: unknown): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      {
        field,
        code: 'isRelativePosition',
        message: `${field} must be a Yjs relative position object ({ type?, tname?, item?, assoc? })`,
      },
    ];
  }
  const position = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(position))
    if (!KEYS.has(key))
      errors.push({ field: `${field}.${key}`, code: 'isRelativePosition', message: `${field}.${key} is not allowed` });
  for (const key of ['type', 'item'] as const) {
    if (position[key] != null && !isId(position[key]))
      errors.push({
        field: `${field}.${key}`,
        code: 'isRelativePosition',
        message: `${field}.${key} must be { client, clock } with non-negative integers`,
      });
  }
  if (position.tname != null && (typeof position.tname !== 'string' || position.tname.length > 100)) {
    errors.push({
      field: `${field}.tname`,
      code: 'isRelativePosition',
      message: `${field}.tname must be a short string`,
    });
  }
  if (position.assoc !== undefined && !(Number.isInteger(position.assoc) && Math.abs(position.assoc as number) <= 1)) {
    errors.push({ field: `${field}.assoc`, code: 'isRelativePosition', message: `${field}.assoc must be -1, 0 or 1` });
  }
  if (errors.length === 0 && position.item == null && position.type == null && position.tname == null) {
    errors.push({
      field,
      code: 'isRelativePosition',
      message: `${field} must name an item, a type or a root type (tname)`,
    });
  }
  return errors;
}

/** Keeps only the relative position's own fields. */
export function normaliseRelativePosition(value: RelativePositionJson): RelativePositionJson {
  const out: RelativePositionJson = {};
  if (value.type) out.type = { client: value.type.client, clock: value.type.clock };
  if (value.tname != null) out.tname = value.tname;
  if (value.item) out.item = { client: value.item.client, clock: value.item.clock };
  if (value.assoc !== undefined) out.assoc = value.assoc;
  return out;
}

/** Number of ProseMirror positions a Yjs node occupies (element: open + content + close; text: its length). */
function nodeSize(node: Y.XmlElement | Y.XmlText | Y.XmlHook): number {
  if (node instanceof Y.XmlText) return node.length;
  if (node instanceof Y.XmlElement) return 2 + contentSize(node);
  return 0;
}

function contentSize(parent: Y.XmlFragment | Y.XmlElement): number {
  let size = 0;
  for (const child of parent.toArray()) size += nodeSize(child);
  return size;
}

function isInDeletedType(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/**
 * Where a relative position is now, as a ProseMirror position over `fragment` (the same numbering the
 * editor uses: each element opens and closes, each character counts one). null when it cannot be found.
 */
export function resolvePosition(doc: Y.Doc, fragment: Y.XmlFragment, json: RelativePositionJson): number | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
  } catch {
    return null;
  }
  if (!absolute || isInDeletedType(absolute.type)) return null;
  const target = absolute.type;
  const index = absolute.index;
  // Walk the tree, counting positions up to (target, index).
  const walk = (parent: Y.XmlFragment | Y.XmlElement, start: number): number | null => {
    // `start` is the position of parent's first content slot.
    if (parent === target) {
      let pos = start;
      const children = parent.toArray();
      for (let i = 0; i < Math.min(index, children.length); i++) pos += nodeSize(children[i]);
      return pos;
    }
    let pos = start;
    for (const child of parent.toArray()) {
      if (child === target && child instanceof Y.XmlText) return pos + Math.min(index, child.length);
      if (child instanceof Y.XmlElement) {
        const found = walk(child, pos + 1);
        if (found !== null) return found;
      }
      pos += nodeSize(child);
    }
    return null;
  };
  return walk(fragment, 0);
}

export function fragmentSize(fragment: Y.XmlFragment): number {
  return contentSize(fragment);
}
