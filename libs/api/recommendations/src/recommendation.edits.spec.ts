import { recommendationsOf, editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  assignMissingIds,
  deleteRecommendation,
  insertRecommendation,
  moveRecommendation,
  recommendationElements,
  updateRecommendation,
} from './recommendation.edits';

const schema = getSchema(editorExtensions());
const blocks = (doc: Y.Doc) =>
  recommendationsOf(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), schema).toJSON());

describe('recommendation edits as Yjs updates', () => {
  test('insert, edit, move and delete give valid shared-schema content', () => {
    const doc = new Y.Doc();
    const a = insertRecommendation(doc, { title: 'A', body: 'one\n\ntwo', addressee: 'industry' }, null);
    const b = insertRecommendation(
      doc,
      { title: 'B', body: 'three', frameworks: ['icpermed-p1', 'icpermed-p3'] },
      null,
    );
    expect(blocks(doc).map((r) => [r.recId, r.title, r.body])).toEqual([
      [a, 'A', 'one\ntwo'],
      [b, 'B', 'three'],
    ]);
    expect(blocks(doc)[0].addressee).toBe('industry');
    expect(blocks(doc)[1].frameworks).toEqual(['icpermed-p1', 'icpermed-p3']);

    expect(updateRecommendation(doc, a, { horizon: 'long', body: 'changed' })).toBe(true);
    expect(blocks(doc)[0]).toMatchObject({ horizon: 'long', body: 'changed', title: 'A' });

    expect(moveRecommendation(doc, b, a)).toBe(true);
    expect(blocks(doc).map((r) => r.recId)).toEqual([b, a]);
    expect(blocks(doc)[0]).toMatchObject({ title: 'B', body: 'three' });

    expect(deleteRecommendation(doc, b)).toBe(true);
    expect(blocks(doc).map((r) => r.recId)).toEqual([a]);
    expect(updateRecommendation(doc, b, { title: 'gone' })).toBe(false);
  });

  test('missing, repeated and taken ids get fresh ones; the first holder keeps its id', () => {
    const doc = new Y.Doc();
    const a = insertRecommendation(doc, { title: 'A', body: 'x' }, null);
    insertRecommendation(doc, { title: 'B', body: 'y' }, null);
    const [, second] = recommendationElements(doc);
    second.setAttribute('recId', a); // a pasted copy
    const c = insertRecommendation(doc, { title: 'C', body: 'z' }, null);
    recommendationElements(doc)[2].setAttribute('recId', 'not-a-uuid');
    const d = insertRecommendation(doc, { title: 'D', body: 'w' }, null);
    expect(assignMissingIds(doc, new Set([d]))).toBe(3);
    const ids = blocks(doc).map((r) => r.recId);
    expect(ids[0]).toBe(a);
    expect(new Set(ids).size).toBe(4);
    expect(ids).not.toContain(d);
    expect(ids).not.toContain(c);
    expect(assignMissingIds(doc, new Set())).toBe(0);
  });
});
