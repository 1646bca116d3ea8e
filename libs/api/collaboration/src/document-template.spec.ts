import { DocumentType } from '@roundtable/contracts';
import { EDITOR_FRAGMENT, editorExtensions } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { initialContent } from './document-template';

const schema = getSchema(editorExtensions());
const types = Object.values(DocumentType);

describe('initialContent', () => {
  test('covers all five document types', () => {
    expect(types).toHaveLength(5);
  });

  test.each(types)('%s: is valid for the editor schema', (type) => {
    const node = schema.nodeFromJSON(initialContent(type, 'T'));
    expect(() => node.check()).not.toThrow();
  });

  test.each(types)('%s: starts with the title as h1, followed by bilingual h2 sections with empty bodies', (type) => {
    const node = schema.nodeFromJSON(initialContent(type, 'T'));
    expect(node.child(0).type.name).toBe('heading');
    expect(node.child(0).attrs.level).toBe(1);
    expect(node.child(0).textContent).toBe('T');
    expect(node.childCount % 2).toBe(1);
    expect(node.childCount).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < node.childCount; i += 2) {
      const heading = node.child(i);
      const body = node.child(i + 1);
      expect(heading.type.name).toBe('heading');
      expect(heading.attrs.level).toBe(2);
      expect(heading.textContent).toMatch(/^[A-Z][A-Za-z ]+ · \S+$/); // "English · 中文"
      expect(body.type.name).toBe('paragraph');
      expect(body.childCount).toBe(0);
    }
  });

  test.each(types)('%s: round-trips through Yjs unchanged', (type) => {
    const json = initialContent(type, 'T');
    const expected = schema.nodeFromJSON(json).toJSON();
    const doc = prosemirrorJSONToYDoc(schema, json, EDITOR_FRAGMENT);
    const back = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), schema).toJSON();
    expect(back).toEqual(expected);
  });

  test.each(types)('%s: survives a Yjs update encode/apply into a fresh Y.Doc', (type) => {
    const json = initialContent(type, 'T');
    const source = prosemirrorJSONToYDoc(schema, json, EDITOR_FRAGMENT);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(source));
    const back = yXmlFragmentToProseMirrorRootNode(replica.getXmlFragment(EDITOR_FRAGMENT), schema).toJSON();
    expect(back).toEqual(schema.nodeFromJSON(json).toJSON());
  });

  test('uses the given title verbatim, including non-ASCII titles', () => {
    const node = schema.nodeFromJSON(initialContent('minutes', '会议纪要 · Minutes'));
    expect(node.child(0).textContent).toBe('会议纪要 · Minutes');
  });

  test('an empty title still gives valid content that round-trips through Yjs', () => {
    const json = initialContent('working-document', '');
    const node = schema.nodeFromJSON(json);
    expect(() => node.check()).not.toThrow();
    const doc = prosemirrorJSONToYDoc(schema, json, EDITOR_FRAGMENT);
    expect(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), schema).toJSON()).toEqual(
      node.toJSON(),
    );
  });

  test('different document types start with different sections', () => {
    const outlines = types.map((type) => JSON.stringify(initialContent(type, 'T')));
    expect(new Set(outlines).size).toBe(types.length);
  });
});
