/** @jest-environment @happy-dom/jest-environment */
import { Editor } from '@tiptap/core';
import { editorExtensions, suggestionsIn, type SuggestionKind } from '@roundtable/editor-schema';
import { Suggesting, isSuggesting } from './suggesting';
import { rangeOf } from './suggestions.panel';

function editorWith(text: string) {
  const created: Array<{ id: string; kind: SuggestionKind }> = [];
  const editor = new Editor({
    extensions: [...editorExtensions(), Suggesting.configure({ onCreate: (id, kind) => created.push({ id, kind }) })],
    content: `<p>${text}</p>`,
  });
  return { editor, created };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the Suggesting switch in a real Tiptap editor', () => {
  it('is off by default: typing edits the text directly', () => {
    const { editor, created } = editorWith('Hello world');
    expect(isSuggesting(editor.state)).toBe(false);
    editor.chain().setTextSelection(6).insertContent(' big').run();
    expect(editor.getText()).toBe('Hello big world');
    expect(suggestionsIn(editor.state.doc)).toEqual([]);
    expect(created).toEqual([]);
    editor.destroy();
  });

  it('on: typing, deleting and bold become suggestions with fresh random ids, recorded once each', () => {
    const { editor, created } = editorWith('Hello world');
    editor.commands.setSuggesting(true);
    expect(isSuggesting(editor.state)).toBe(true);
    editor.chain().setTextSelection(6).insertContent(' big').run();
    editor.commands.insertContent('!'); // extends the same suggestion
    editor.chain().setTextSelection({ from: 12, to: 17 }).deleteSelection().run();
    editor.chain().setTextSelection({ from: 1, to: 6 }).toggleBold().run();
    const found = suggestionsIn(editor.state.doc);
    expect(found.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'format', text: 'Hello' },
      { kind: 'insert', text: ' big!' },
      { kind: 'delete', text: 'world' },
    ]);
    expect(editor.getText()).toBe('Hello big! world');
    expect(created.map((c) => c.kind).sort()).toEqual(['delete', 'format', 'insert']);
    for (const { id } of created) expect(id).toMatch(UUID);
    expect(rangeOf(editor.state.doc, created.find((c) => c.kind === 'insert')!.id)).toEqual({ from: 6, to: 11 });

    editor.commands.setSuggesting(false);
    editor.chain().setTextSelection(1).insertContent('Oh, ').run();
    expect(suggestionsIn(editor.state.doc)).toHaveLength(3);
    expect(editor.getText().startsWith('Oh, Hello')).toBe(true);
    editor.destroy();
  });

  it("colours each suggestion by its author's palette index once the list says who made it", () => {
    const { editor, created } = editorWith('Hello');
    editor.commands.setSuggesting(true);
    editor.chain().setTextSelection(6).insertContent(' there').run();
    const id = created[0]!.id;
    expect(editor.view.dom.querySelector('.suggestion-author')).not.toBeNull();
    expect(editor.view.dom.querySelector('.suggestion-author-3')).toBeNull();
    editor.commands.setSuggestionAuthors({ colorOf: new Map([[id, 3]]), mine: new Set([id]) });
    const coloured = editor.view.dom.querySelector('.suggestion-author-3');
    expect(coloured?.textContent).toBe(' there');
    expect(editor.view.dom.querySelector(`ins[data-suggestion="${id}"]`)).not.toBeNull();
    editor.destroy();
  });
});
