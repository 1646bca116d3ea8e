import { getSchema } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode, prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT, editorExtensions } from './editor-schema';
import { toMarkdown } from './markdown';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from './suggestion.marks';
import { resolveSuggestions, suggestionsIn, trackChanges, type SuggestingContext } from './suggestions';

const schema = getSchema(editorExtensions());

function paragraphDoc(...texts: string[]): ProseMirrorNode {
  return schema.nodeFromJSON({
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
  });
}

/** A suggesting author: ids are "<name>-<n>" so tests can tell them apart; collisions would show. */
function author(name: string): SuggestingContext & { created: string[] } {
  const created: string[] = [];
  let n = 0;
  return {
    created,
    newId: () => `${name}-${++n}`,
    isOwn: (id) => created.includes(id),
    onCreate: (id) => created.push(id),
  };
}

/** Applies `change` to `state` as a user would, then lets the tracker rewrite it (the plugin's appendTransaction). */
function suggest(state: EditorState, ctx: SuggestingContext, change: (tr: Transaction) => void): EditorState {
  const tr = state.tr;
  change(tr);
  const after = state.apply(tr);
  const tracked = trackChanges(state, after, [tr], ctx);
  return tracked ? after.apply(tracked) : after;
}

function at(state: EditorState, pos: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

const textOf = (doc: ProseMirrorNode) => doc.textBetween(0, doc.content.size, '\n');

describe('tracking changes', () => {
  test('typed text becomes one insertion suggestion, extended while the author keeps typing', () => {
    const alice = author('alice');
    let state = at(EditorState.create({ schema, doc: paragraphDoc('Hello world') }), 6);
    state = suggest(state, alice, (tr) => tr.insertText(' big'));
    state = suggest(state, alice, (tr) => tr.insertText('!'));
    expect(textOf(state.doc)).toBe('Hello big! world');
    expect(suggestionsIn(state.doc)).toEqual([{ id: 'alice-1', kind: 'insert', text: ' big!', from: 6 }]);
    expect(state.selection.head).toBe(11);
  });

  test('deleted text stays, marked; backspace moves before it; deleting own insertion removes it outright', () => {
    const alice = author('alice');
    let state = at(EditorState.create({ schema, doc: paragraphDoc('Hello world') }), 6);
    state = suggest(state, alice, (tr) => tr.delete(5, 6)); // backspace over "o"
    expect(textOf(state.doc)).toBe('Hello world');
    expect(suggestionsIn(state.doc)).toEqual([{ id: 'alice-1', kind: 'delete', text: 'o', from: 5 }]);
    expect(state.selection.head).toBe(5);
    state = suggest(state, alice, (tr) => tr.delete(4, 5)); // and "l": the same suggestion grows
    expect(suggestionsIn(state.doc)).toEqual([{ id: 'alice-1', kind: 'delete', text: 'lo', from: 4 }]);

    state = suggest(at(state, 12), alice, (tr) => tr.insertText('s'));
    expect(textOf(state.doc)).toBe('Hello worlds');
    state = suggest(state, alice, (tr) => tr.delete(12, 13));
    expect(textOf(state.doc)).toBe('Hello world');
    expect(suggestionsIn(state.doc).map((s) => s.kind)).toEqual(['delete']);
  });

  test("replacing a selection proposes deleting the old text and inserting the new; others' insertions are struck, not removed", () => {
    const alice = author('alice');
    const bob = author('bob');
    let state = EditorState.create({ schema, doc: paragraphDoc('Hello world') });
    state = suggest(state, alice, (tr) => tr.insertText('planet', 7, 12));
    expect(textOf(state.doc)).toBe('Hello worldplanet');
    expect(suggestionsIn(state.doc).map(({ id, kind, text }) => ({ id, kind, text }))).toEqual([
      { id: 'alice-1', kind: 'delete', text: 'world' },
      { id: 'alice-2', kind: 'insert', text: 'planet' },
    ]);
    state = suggest(state, bob, (tr) => tr.delete(12, 18));
    expect(textOf(state.doc)).toBe('Hello worldplanet');
    const planet = suggestionsIn(state.doc).filter((s) => s.text === 'planet');
    expect(planet.map((s) => s.kind).sort()).toEqual(['delete', 'insert']);
  });

  test('a formatting change is a format suggestion; rejecting it restores the text as it was', () => {
    const alice = author('alice');
    let state = EditorState.create({ schema, doc: paragraphDoc('Hello world') });
    state = suggest(state, alice, (tr) => tr.addMark(1, 6, schema.marks['bold']!.create()));
    const [format] = suggestionsIn(state.doc);
    expect(format).toMatchObject({ kind: 'format', mark: 'bold', op: 'add', text: 'Hello' });
    const rejected = resolveSuggestions(state.tr, () => true, 'reject').doc;
    expect(rejected.eq(paragraphDoc('Hello world'))).toBe(true);
    const accepted = resolveSuggestions(state.tr, () => true, 'accept').doc;
    expect(accepted.firstChild!.firstChild!.marks.map((m) => m.type.name)).toEqual(['bold']);
    expect(suggestionsIn(accepted)).toEqual([]);
  });

  test('accepting and rejecting: one, one author, all', () => {
    const alice = author('alice');
    const bob = author('bob');
    let state = at(EditorState.create({ schema, doc: paragraphDoc('one two three') }), 4);
    state = suggest(state, alice, (tr) => tr.insertText(' and a half'));
    state = suggest(state, bob, (tr) => tr.delete(16, 20)); // " two" → the "two"
    state = suggest(at(state, state.doc.content.size - 1), bob, (tr) => tr.insertText(' four'));
    const ids = suggestionsIn(state.doc).map((s) => s.id);
    expect(ids).toEqual(['alice-1', 'bob-1', 'bob-2']);

    const acceptBob = resolveSuggestions(state.tr, (id) => id.startsWith('bob'), 'accept').doc;
    expect(textOf(acceptBob)).toBe('one and a half three four');
    expect(suggestionsIn(acceptBob).map((s) => s.id)).toEqual(['alice-1']);

    const rejectOne = resolveSuggestions(state.tr, (id) => id === 'alice-1', 'reject').doc;
    expect(textOf(rejectOne)).toBe('one two three four');

    const rejectAll = resolveSuggestions(state.tr, () => true, 'reject').doc;
    expect(rejectAll.eq(paragraphDoc('one two three'))).toBe(true);
    const acceptAll = resolveSuggestions(state.tr, () => true, 'accept').doc;
    expect(textOf(acceptAll)).toBe('one and a half three four');
    expect(acceptAll.toJSON()).toEqual(paragraphDoc('one and a half three four').toJSON());
  });

  test('Enter while suggesting splits the paragraph; the text typed after it is an insertion', () => {
    const alice = author('alice');
    let state = at(EditorState.create({ schema, doc: paragraphDoc('ab') }), 2);
    state = suggest(state, alice, (tr) => tr.split(2));
    state = suggest(state, alice, (tr) => tr.insertText('new'));
    expect(state.doc.childCount).toBe(2);
    expect(suggestionsIn(state.doc).map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'insert', text: 'new' },
    ]);
  });

  test('the server render round trip keeps the marks and their ids', () => {
    const alice = author('alice');
    let state = at(EditorState.create({ schema, doc: paragraphDoc('Hello world') }), 6);
    state = suggest(state, alice, (tr) => tr.insertText(' big'));
    state = suggest(state, alice, (tr) => tr.delete(10, 16));
    state = suggest(state, alice, (tr) => tr.addMark(1, 3, schema.marks['italic']!.create()));
    const html = generateHTML(state.doc.toJSON(), editorExtensions());
    expect(html).toContain('<ins data-suggestion="alice-1" class="suggestion-insert">');
    expect(html).toContain('<del data-suggestion="alice-2" class="suggestion-delete">');
    expect(html).toContain('data-format-mark="italic"');
    expect(toMarkdown(state.doc.toJSON())).toBe('*He*llo big~~ world~~\n');
    const back = schema.nodeFromJSON(generateJSON(html, editorExtensions()));
    expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(state.doc.toJSON()));
  });
});

/** A Yjs client that edits like the editor: ProseMirror changes reconciled into its Y.Doc (y-prosemirror). */
class Client {
  readonly doc = new Y.Doc();
  readonly ctx: ReturnType<typeof author>;
  constructor(name: string, clientId: number) {
    this.ctx = author(name);
    this.doc.clientID = clientId; // fixed, so that the order of concurrent inserts is the same every run
  }
  get fragment() {
    return this.doc.getXmlFragment(EDITOR_FRAGMENT);
  }
  get pm(): ProseMirrorNode {
    return yXmlFragmentToProseMirrorRootNode(this.fragment, schema);
  }
  text() {
    return textOf(this.pm);
  }
  private write(doc: ProseMirrorNode) {
    this.doc.transact(
      () => updateYFragment(this.doc, this.fragment, doc, { mapping: new Map(), isOMark: new Map() }),
      this,
    );
  }
  suggest(cursor: number, change: (tr: Transaction) => void) {
    const state = at(EditorState.create({ schema, doc: this.pm }), cursor);
    this.write(suggest(state, this.ctx, change).doc);
  }
  edit(change: (tr: Transaction) => void) {
    const tr = EditorState.create({ schema, doc: this.pm }).tr;
    change(tr);
    this.write(tr.doc);
  }
  resolve(select: (id: string) => boolean, decision: 'accept' | 'reject') {
    this.write(resolveSuggestions(EditorState.create({ schema, doc: this.pm }).tr, select, decision).doc);
  }
}

function sync(...clients: Client[]) {
  for (const a of clients)
    for (const b of clients)
      if (a !== b) Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
}

function clients(count: number, ...texts: string[]): Client[] {
  const seed = prosemirrorJSONToYDoc(schema, paragraphDoc(...texts).toJSON(), EDITOR_FRAGMENT);
  const all = Array.from({ length: count }, (_, i) => new Client(['alice', 'bob', 'carol'][i]!, i + 1));
  for (const client of all) Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(seed));
  return all;
}

describe('suggestions under concurrent editing (Yjs clients)', () => {
  test('two clients suggest at the same time: both suggestions survive, with distinct ids, and converge', () => {
    const [alice, bob] = clients(2, 'The plan covers Europe.');
    alice.suggest(17, (tr) => tr.insertText('China and '));
    bob.suggest(10, (tr) => tr.delete(5, 10));
    sync(alice, bob);
    expect(alice.text()).toBe('The plan covers China and Europe.');
    expect(alice.pm.eq(bob.pm)).toBe(true);
    const found = suggestionsIn(alice.pm);
    expect(found.map(({ id, kind, text }) => ({ id, kind, text }))).toEqual([
      { id: 'bob-1', kind: 'delete', text: 'plan ' },
      { id: 'alice-1', kind: 'insert', text: 'China and ' },
    ]);
  });

  test('three clients: concurrent suggestions, then one accepts everything; all converge on the accepted text', () => {
    const [alice, bob, carol] = clients(3, 'alpha beta gamma');
    alice.suggest(6, (tr) => tr.insertText('X1'));
    bob.suggest(7, (tr) => tr.insertText('Y2'));
    carol.suggest(17, (tr) => tr.delete(11, 17));
    sync(alice, bob, carol);
    const ids = suggestionsIn(alice.pm).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['alice-1', 'bob-1', 'carol-1']);
    carol.resolve(() => true, 'accept');
    sync(alice, bob, carol);
    for (const client of [alice, bob, carol]) {
      expect(client.text()).toBe('alphaX1 Y2beta');
      expect(suggestionsIn(client.pm)).toEqual([]);
    }
  });

  test('accepting while someone types inside the suggestion keeps their typing', () => {
    const [alice, bob, carol] = clients(3, 'Shared text.');
    alice.suggest(8, (tr) => tr.insertText('new '));
    sync(alice, bob, carol);
    // Bob accepts Alice's insertion while Carol, not suggesting, types inside it.
    bob.resolve((id) => id === 'alice-1', 'accept');
    carol.edit((tr) => tr.insertText('ly', 11));
    sync(alice, bob, carol);
    for (const client of [alice, bob, carol]) expect(client.text()).toBe('Shared newly text.');
    expect(alice.pm.eq(carol.pm)).toBe(true);
    expect(suggestionsIn(alice.pm)).toEqual([]);
  });

  test('rejecting a deletion while someone types inside it keeps both the text and their typing', () => {
    const [alice, bob] = clients(2, 'keep these words');
    alice.suggest(11, (tr) => tr.delete(6, 12));
    sync(alice, bob);
    alice.resolve(() => true, 'reject');
    bob.edit((tr) => tr.insertText('X', 8));
    sync(alice, bob);
    expect(alice.text()).toBe(bob.text());
    expect(alice.text()).toBe('keep thXese words');
    expect(suggestionsIn(alice.pm).every((s) => s.kind === 'delete')).toBe(true);
  });

  test('undo of an accept brings the suggestion back for everyone', () => {
    const [alice, bob] = clients(2, 'Short text.');
    alice.suggest(6, (tr) => tr.insertText(' and clear'));
    sync(alice, bob);
    const undo = new Y.UndoManager(bob.fragment, { trackedOrigins: new Set([bob]) });
    bob.resolve(() => true, 'accept');
    sync(alice, bob);
    expect(suggestionsIn(alice.pm)).toEqual([]);
    undo.undo();
    sync(alice, bob);
    expect(alice.text()).toBe('Short and clear text.');
    expect(suggestionsIn(alice.pm).map(({ id, kind, text }) => ({ id, kind, text }))).toEqual([
      { id: 'alice-1', kind: 'insert', text: ' and clear' },
    ]);
    expect(alice.pm.eq(bob.pm)).toBe(true);
  });

  test('ids never collide: random ids from clients suggesting at the same spot at the same time', () => {
    const [alice, bob, carol] = clients(3, 'x');
    const made = new Map<string, string>();
    for (const client of [alice, bob, carol]) {
      client.ctx.newId = () => crypto.randomUUID();
      client.ctx.isOwn = () => false; // every keystroke a new suggestion
      client.ctx.onCreate = (id) => {
        expect(made.has(id)).toBe(false);
        made.set(id, client.ctx.created.length.toString());
      };
    }
    for (let i = 0; i < 20; i++) {
      alice.suggest(2, (tr) => tr.insertText('a'));
      bob.suggest(2, (tr) => tr.insertText('b'));
      carol.suggest(1, (tr) => tr.insertText('c'));
      sync(alice, bob, carol);
    }
    expect(made.size).toBe(60);
    expect(alice.pm.eq(bob.pm)).toBe(true);
    expect(alice.pm.eq(carol.pm)).toBe(true);
    const found = suggestionsIn(alice.pm);
    for (const suggestion of found) expect(made.has(suggestion.id)).toBe(true);
    // Every typed character is still a proposal: nothing slipped into the text unmarked.
    const unmarked: string[] = [];
    alice.pm.descendants((node) => {
      if (
        node.isText &&
        !node.marks.some((m) => m.type.name === SUGGESTION_INSERT || m.type.name === SUGGESTION_DELETE)
      )
        unmarked.push(node.text!);
    });
    expect(unmarked.join('')).toBe('x');
  });
});
