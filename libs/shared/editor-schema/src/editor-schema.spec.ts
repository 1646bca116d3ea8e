import { getSchema, resolveExtensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { EDITOR_FRAGMENT, documentTemplate, editorExtensions } from './editor-schema';

const schema = getSchema(editorExtensions());

describe('documentTemplate', () => {
  test('puts the title as h1, then each section as h2 + paragraph', () => {
    const json = documentTemplate('Position paper', [
      { heading: 'Summary · 摘要', body: 'Short summary.' },
      { heading: 'References · 参考文献', body: '' },
    ]);
    expect(json).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Position paper' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary · 摘要' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Short summary.' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'References · 参考文献' }] },
        { type: 'paragraph', content: [] },
      ],
    });
  });

  test('without sections the document is just the title', () => {
    expect(documentTemplate('Only a title', [])).toEqual({
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Only a title' }] }],
    });
  });

  test('produces JSON that is valid for the editor schema', () => {
    const json = documentTemplate('Title', [
      { heading: 'One', body: 'first body' },
      { heading: 'Two', body: '' },
    ]);
    const node = schema.nodeFromJSON(json);
    expect(() => node.check()).not.toThrow();
    expect(node.type.name).toBe('doc');
    expect(node.childCount).toBe(5);
    expect(node.child(0).type.name).toBe('heading');
    expect(node.child(0).attrs.level).toBe(1);
    expect(node.child(0).textContent).toBe('Title');
    expect(node.child(1).attrs.level).toBe(2);
    expect(node.child(2).type.name).toBe('paragraph');
    expect(node.child(2).textContent).toBe('first body');
    expect(node.child(4).childCount).toBe(0);
  });

  test('empty title, heading or body still give valid content (ProseMirror refuses empty text nodes)', () => {
    const json = documentTemplate('', [{ heading: '', body: '' }]);
    const node = schema.nodeFromJSON(json);
    expect(() => node.check()).not.toThrow();
    expect(node.childCount).toBe(3);
    expect(node.textContent).toBe('');
  });
});

describe('editorExtensions', () => {
  test('has undo/redo disabled (Collaboration brings its own history)', () => {
    const names = resolveExtensions(editorExtensions()).map((extension) => extension.name);
    expect(names).not.toContain('undoRedo');
    // Sanity check that the name is right: the default StarterKit does include it.
    expect(resolveExtensions([StarterKit]).map((extension) => extension.name)).toContain('undoRedo');
  });

  test('keeps the rest of the StarterKit schema', () => {
    for (const node of ['doc', 'text', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem']) {
      expect(schema.nodes[node]).toBeDefined();
    }
    for (const mark of ['bold', 'italic']) expect(schema.marks[mark]).toBeDefined();
  });

  test('returns a fresh list each call, giving an equal schema', () => {
    expect(editorExtensions()).not.toBe(editorExtensions());
    const other = getSchema(editorExtensions());
    expect(Object.keys(other.nodes)).toEqual(Object.keys(schema.nodes));
    expect(Object.keys(other.marks)).toEqual(Object.keys(schema.marks));
  });

  test('a bold/italic bullet list is valid content', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
                    { type: 'text', text: ' italic', marks: [{ type: 'italic' }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(() => schema.nodeFromJSON(json).check()).not.toThrow();
  });
});

test('the editor content lives in the Y.XmlFragment named "default"', () => {
  expect(EDITOR_FRAGMENT).toBe('default');
});
