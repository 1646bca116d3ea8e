import type { Mark, MarkType, Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step, type StepMap } from '@tiptap/pm/transform';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from './suggestion.marks';

export type SuggestionKind = 'insert' | 'delete' | 'format';

/** One suggestion as the text holds it: its id, kind and the text it covers (joined across its ranges). */
export interface SuggestionInText {
  id: string;
  kind: SuggestionKind;
  text: string;
  /** Position of its first character: lists follow the reading order. */
  from: number;
  /** For format suggestions: the mark added or removed. */
  mark?: string;
  op?: 'add' | 'remove';
}

/** What the tracker needs from its editor: new ids, and which ids are the current author's own. */
export interface SuggestingContext {
  newId(): string;
  /** Ids this author made: typing next to them extends them, deleting inside one's own insertion removes it. */
  isOwn(id: string): boolean;
  /** A new id was used (the editor registers it with the server: author and time are kept there). */
  onCreate(id: string, kind: SuggestionKind): void;
}

const KIND_OF_MARK: Record<string, SuggestionKind> = {
  [SUGGESTION_INSERT]: 'insert',
  [SUGGESTION_DELETE]: 'delete',
  [SUGGESTION_FORMAT]: 'format',
};

export function isSuggestionMark(mark: Mark): boolean {
  return mark.type.name in KIND_OF_MARK;
}

/** Every suggestion in a document, in reading order. */
export function suggestionsIn(doc: ProseMirrorNode): SuggestionInText[] {
  const byId = new Map<string, SuggestionInText>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const kind = KIND_OF_MARK[mark.type.name];
      const id = mark.attrs['id'] as string | null;
      if (!kind || !id) continue;
      const text = node.isText ? (node.text ?? '') : ' ';
      const found = byId.get(id);
      if (found) found.text += text;
      else
        byId.set(id, {
          id,
          kind,
          text,
          from: pos,
          ...(kind === 'format'
            ? { mark: mark.attrs['mark'] as string, op: mark.attrs['op'] as 'add' | 'remove' }
            : {}),
        });
    }
    return false;
  });
  return [...byId.values()].sort((a, b) => a.from - b.from);
}

interface MarkRange {
  from: number;
  to: number;
  mark: Mark;
}

function rangesOf(doc: ProseMirrorNode, from: number, to: number, matches: (mark: Mark) => boolean): MarkRange[] {
  const ranges: MarkRange[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!matches(mark)) continue;
      const start = Math.max(pos, from);
      const end = Math.min(pos + node.nodeSize, to);
      const last = ranges[ranges.length - 1];
      if (last && last.to === start && last.mark.eq(mark)) last.to = end;
      else ranges.push({ from: start, to: end, mark });
    }
    return false;
  });
  return ranges;
}

/**
 * Accepts or rejects the suggestions whose ids `select` picks, as one transaction on `tr` (so it can be undone
 * as one step and sent as one Yjs update). Accepting an insertion keeps its text, a deletion removes its text,
 * a format change keeps the formatting; rejecting does the opposite. Text typed inside a suggestion by someone
 * else meanwhile is left as it is (it carries its own marks).
 */
export function resolveSuggestions(
  tr: Transaction,
  select: (id: string) => boolean,
  decision: 'accept' | 'reject',
): Transaction {
  const schema = tr.doc.type.schema;
  const picked = (mark: Mark) => isSuggestionMark(mark) && select(mark.attrs['id'] as string);
  const ranges = rangesOf(tr.doc, 0, tr.doc.content.size, picked);
  const removals: MarkRange[] = [];
  for (const range of ranges) {
    const kind = KIND_OF_MARK[range.mark.type.name];
    const removesText = (kind === 'insert' && decision === 'reject') || (kind === 'delete' && decision === 'accept');
    if (removesText) {
      removals.push(range);
      continue;
    }
    if (kind === 'format' && decision === 'reject') {
      const formatType: MarkType | undefined = schema.marks[range.mark.attrs['mark'] as string];
      if (formatType) {
        if (range.mark.attrs['op'] === 'remove') tr.addMark(range.from, range.to, formatType.create());
        else tr.removeMark(range.from, range.to, formatType);
      }
    }
    tr.removeMark(range.from, range.to, range.mark);
  }
  for (const range of removals.sort((a, b) => b.from - a.from)) {
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, -1);
    if (to > from) tr.delete(from, to);
  }
  return tr;
}

/** Accepts or rejects suggestions on a whole document (the server's path): the resulting document. */
export function resolveInDoc(
  state: EditorState,
  select: (id: string) => boolean,
  decision: 'accept' | 'reject',
): ProseMirrorNode {
  return resolveSuggestions(state.tr, select, decision).doc;
}

function markedId(node: ProseMirrorNode | null | undefined, type: MarkType, own: (id: string) => boolean) {
  const mark = node?.marks.find((candidate) => candidate.type === type);
  const id = mark?.attrs['id'] as string | undefined;
  return id && own(id) ? id : null;
}

function idFor(
  doc: ProseMirrorNode,
  pos: number,
  end: number,
  type: MarkType,
  ctx: SuggestingContext,
  kind: SuggestionKind,
): string {
  const before = doc.resolve(pos).nodeBefore;
  const after = doc.resolve(Math.min(end, doc.content.size)).nodeAfter;
  const reuse = markedId(before, type, ctx.isOwn) ?? markedId(after, type, ctx.isOwn);
  if (reuse) return reuse;
  const id = ctx.newId();
  ctx.onCreate(id, kind);
  return id;
}

function hasInlineContent(doc: ProseMirrorNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (node.isInline) found = true;
    return !found;
  });
  return found;
}

/** Marks [from, to) as proposed for deletion; the author's own proposed insertions there are removed outright. */
function trackDeletion(tr: Transaction, from: number, to: number, ctx: SuggestingContext): number {
  const schema = tr.doc.type.schema;
  const insertType = schema.marks[SUGGESTION_INSERT]!;
  const deleteType = schema.marks[SUGGESTION_DELETE]!;
  const own: Array<{ from: number; to: number }> = [];
  const others: Array<{ from: number; to: number }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    const inserted = node.marks.find((mark) => mark.type === insertType);
    if (inserted && ctx.isOwn(inserted.attrs['id'] as string)) own.push({ from: start, to: end });
    else if (!node.marks.some((mark) => mark.type === deleteType)) others.push({ from: start, to: end });
    return false;
  });
  if (others.length > 0) {
    const id = idFor(tr.doc, others[0]!.from, others[others.length - 1]!.to, deleteType, ctx, 'delete');
    for (const range of others) tr.addMark(range.from, range.to, deleteType.create({ id }));
  }
  let end = to;
  for (const range of own.reverse()) {
    tr.delete(range.from, range.to);
    end -= range.to - range.from;
  }
  return end;
}

/**
 * Turns the changes of `transactions` (already applied, giving `state`) into suggestions: one transaction that
 * reverts them and applies them again as tracked changes. Insertions get an insertion mark, deletions keep the
 * text under a deletion mark, bold/italic/… changes get a format mark. Structure (splitting or joining
 * paragraphs, lists, tables) is applied as it is, and so is anything already a suggestion change.
 * Returns null when there is nothing to track.
 */
export function trackChanges(
  oldState: EditorState,
  state: EditorState,
  transactions: readonly Transaction[],
  ctx: SuggestingContext,
): Transaction | null {
  const steps: Array<{ step: Step; doc: ProseMirrorNode }> = [];
  for (const transaction of transactions)
    transaction.steps.forEach((step, i) => steps.push({ step, doc: transaction.docs[i]! }));
  if (steps.length === 0) return null;
  const tracked = (step: Step) =>
    step instanceof ReplaceStep ||
    ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && !isSuggestionMark(step.mark));
  if (!steps.some(({ step }) => tracked(step))) return null;

  const tr = state.tr;
  const schema: Schema = state.schema;
  for (let i = steps.length - 1; i >= 0; i--) tr.step(steps[i]!.step.invert(steps[i]!.doc));
  const undone = tr.mapping.maps.length;
  const back: StepMap[] = []; // a step's positions → the document before the changes (newest step first)
  let cursor: number | null = null;

  steps.forEach(({ step }, index) => {
    const toNow = new Mapping([...back, ...tr.mapping.maps.slice(undone)]);
    if (step instanceof ReplaceStep && !(step as unknown as { structure: boolean }).structure) {
      const from = toNow.map(step.from, 1);
      let to = toNow.map(step.to, -1);
      if (to < from) to = from;
      const slice = step.slice;
      if (to > from && slice.size === 0 && !hasInlineContent(tr.doc, from, to)) {
        tr.delete(from, to); // joining blocks: structure, applied as it is
        cursor = tr.mapping.map(from);
      } else {
        const insertAt = to > from ? trackDeletion(tr, from, to, ctx) : from;
        if (slice.size > 0) {
          const sizeBefore = tr.doc.content.size;
          tr.replace(insertAt, insertAt, slice);
          const end = insertAt + (tr.doc.content.size - sizeBefore);
          const insertType = schema.marks[SUGGESTION_INSERT]!;
          if (hasInlineContent(tr.doc, insertAt, end)) {
            const id = idFor(tr.doc, insertAt, end, insertType, ctx, 'insert');
            tr.removeMark(insertAt, end, schema.marks[SUGGESTION_DELETE]!);
            tr.addMark(insertAt, end, insertType.create({ id }));
          }
          cursor = end;
        } else {
          const backspace =
            index === steps.length - 1 && oldState.selection.empty && oldState.selection.head === step.to;
          cursor = backspace ? from : insertAt;
        }
      }
    } else if ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && !isSuggestionMark(step.mark)) {
      const from = toNow.map(step.from, 1);
      const to = toNow.map(step.to, -1);
      if (to > from) {
        const op = step instanceof AddMarkStep ? 'add' : 'remove';
        if (op === 'add') tr.addMark(from, to, step.mark);
        else tr.removeMark(from, to, step.mark);
        const formatType = schema.marks[SUGGESTION_FORMAT]!;
        const id = ctx.newId();
        ctx.onCreate(id, 'format');
        tr.addMark(from, to, formatType.create({ id, mark: step.mark.type.name, op }));
      }
    } else {
      const mapped = step.map(toNow);
      if (mapped) tr.maybeStep(mapped);
    }
    back.unshift(step.getMap().invert());
  });

  if (cursor !== null) {
    const pos = Math.max(0, Math.min(cursor, tr.doc.content.size));
    tr.setSelection(TextSelection.near(tr.doc.resolve(pos)));
  } else {
    tr.setSelection(state.selection.map(tr.doc, new Mapping(tr.mapping.maps.slice(undone))));
  }
  return tr;
}
