import { getSchema, type JSONContent } from '@tiptap/core';
import { DOMParser as PMDOMParser, DOMSerializer } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { Window } from 'happy-dom';
import * as Y from 'yjs';
import { BIBLIOGRAPHY_NODE, CITATION_NODE } from './citation.node';
import {
  BROKEN_CITATION,
  citationsOf,
  type CslItem,
  formatCitations,
  inlineOfHtml,
  resolveCitations,
} from './citations';
import { EDITOR_FRAGMENT, editorExtensions } from './editor-schema';
import { addReferences, citationStyleOf, CITATION_SETTINGS_MAP, referencesOf, REFERENCES_MAP } from './references.ydoc';

const schema = getSchema(editorExtensions());

const smith: CslItem = {
  id: 'smith',
  type: 'article-journal',
  title: 'Climate policy in the EU and China',
  author: [
    { family: 'Smith', given: 'Jane' },
    { family: 'Wang', given: 'Li' },
  ],
  issued: { 'date-parts': [[2020]] },
  'container-title': 'Energy Policy',
  volume: '12',
  page: '1-10',
};
const alpha: CslItem = {
  id: 'alpha',
  type: 'book',
  title: 'Research programmes compared',
  author: [{ family: 'Alpha', given: 'Bo' }],
  issued: { 'date-parts': [[2018]] },
  publisher: 'Coordinator Press',
};
const zhang: CslItem = {
  id: 'zhang',
  type: 'report',
  title: '中欧科研合作报告',
  author: [{ family: '张', given: '伟' }],
  issued: { 'date-parts': [[2021]] },
};

const cite = (...ids: string[]): JSONContent => ({ type: CITATION_NODE, attrs: { referenceIds: ids.join(',') } });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const t = (text: string): JSONContent => ({ type: 'text', text });

describe('formatCitations (Vancouver)', () => {
  test('numbers references in order of first citation; the list follows that order', () => {
    const result = formatCitations([['alpha'], ['smith', 'alpha'], ['alpha']], [smith, alpha], 'vancouver');
    expect(result.labels.map((l) => l.text)).toEqual(['(1)', '(1,2)', '(1)']);
    expect(result.entries.map((e) => e.id)).toEqual(['alpha', 'smith']);
    expect(result.entries[0].text).toBe('1. Alpha B. Research programmes compared. Coordinator Press; 2018.');
    expect(result.entries[1].text).toBe(
      '2. Smith J, Wang L. Climate policy in the EU and China. Energy Policy. 2020;12:1–10.',
    );
  });

  test('moving text renumbers: the same citations in another order give other numbers', () => {
    const before = formatCitations([['smith'], ['alpha']], [smith, alpha], 'vancouver');
    const after = formatCitations([['alpha'], ['smith']], [smith, alpha], 'vancouver');
    expect(before.labels.map((l) => [l.referenceIds[0], l.text])).toEqual([
      ['smith', '(1)'],
      ['alpha', '(2)'],
    ]);
    expect(after.labels.map((l) => [l.referenceIds[0], l.text])).toEqual([
      ['alpha', '(1)'],
      ['smith', '(2)'],
    ]);
    expect(after.entries.map((e) => e.text.slice(0, 8))).toEqual(['1. Alpha', '2. Smith']);
  });

  test("uncited references come after the cited ones, in the list's order, flagged", () => {
    const result = formatCitations([['zhang']], [smith, alpha, zhang], 'vancouver');
    expect(result.entries.map((e) => [e.id, e.cited])).toEqual([
      ['zhang', true],
      ['smith', false],
      ['alpha', false],
    ]);
    expect(result.entries[0].text).toContain('中欧科研合作报告');
  });

  test('a citation of a deleted reference shows the broken marker, alone or beside the others', () => {
    const result = formatCitations([['gone'], ['smith', 'gone'], []], [smith], 'vancouver');
    expect(result.labels.map((l) => [l.text, l.broken])).toEqual([
      [BROKEN_CITATION, true],
      [`(1) ${BROKEN_CITATION}`, true],
      [BROKEN_CITATION, true],
    ]);
    expect(result.entries.map((e) => e.id)).toEqual(['smith']);
  });

  test('no references and no citations: nothing to show', () => {
    expect(formatCitations([], [], 'vancouver')).toEqual({ labels: [], entries: [] });
  });
});

describe('formatCitations (APA)', () => {
  test('author–year labels; the list sorted by author, titles in italics', () => {
    const result = formatCitations([['smith'], ['alpha', 'smith']], [smith, alpha], 'apa');
    expect(result.labels.map((l) => l.text)).toEqual(['(Smith & Wang, 2020)', '(Alpha, 2018; Smith & Wang, 2020)']);
    expect(result.entries.map((e) => e.id)).toEqual(['alpha', 'smith']);
    expect(result.entries[0].text).toBe('Alpha, B. (2018). Research programmes compared. Coordinator Press.');
    expect(result.entries[0].content).toContainEqual({
      type: 'text',
      text: 'Research programmes compared',
      marks: [{ type: 'italic' }],
    });
  });
});

describe('resolveCitations', () => {
  test('replaces citations by their labels and the reference list by one paragraph per entry', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        para(t('EU programmes '), cite('smith'), t(' and Chinese ones '), cite('alpha', 'smith'), t('.')),
        { type: BIBLIOGRAPHY_NODE },
      ],
    };
    const resolved = resolveCitations(doc, [smith, alpha], 'vancouver');
    expect(resolved).toEqual({
      type: 'doc',
      content: [
        para(t('EU programmes (1) and Chinese ones (1,2).')),
        para(t('1. Smith J, Wang L. Climate policy in the EU and China. Energy Policy. 2020;12:1–10.')),
        para(t('2. Alpha B. Research programmes compared. Coordinator Press; 2018.')),
      ],
    });
    // What it gives is valid content of the shared schema, so every export can render it.
    expect(() => schema.nodeFromJSON(resolved).check()).not.toThrow();
  });
});

describe('the citation nodes in the shared schema', () => {
  const doc: JSONContent = {
    type: 'doc',
    content: [para(t('As shown '), cite('r1', 'r2'), t(' here.')), { type: BIBLIOGRAPHY_NODE }],
  };

  test('survive the Yjs round trip (what the server stores and renders)', () => {
    const ydoc = prosemirrorJSONToYDoc(schema, doc, EDITOR_FRAGMENT);
    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), schema).toJSON();
    expect(back).toEqual(doc);
    expect(citationsOf(back)).toEqual([['r1', 'r2']]);
  });

  test('survive the HTML round trip (the server renders, the editor parses)', async () => {
    const window = new Window();
    const document = window.document as unknown as Document;
    const wrap = document.createElement('div');
    DOMSerializer.fromSchema(schema).serializeFragment(schema.nodeFromJSON(doc).content, { document }, wrap);
    expect(wrap.innerHTML).toContain('<span data-citation="" class="citation" data-references="r1,r2"></span>');
    expect(wrap.innerHTML).toContain('<div data-bibliography="" class="bibliography"></div>');
    const parsed = PMDOMParser.fromSchema(schema).parse(wrap as unknown as HTMLElement);
    expect(parsed.toJSON()).toEqual(doc);
    await window.happyDOM.close();
  });
});

describe('references in the Y.Doc', () => {
  test('are added with new ids, read back in the order added, and the style defaults to Vancouver', () => {
    const ydoc = new Y.Doc();
    const [a, b] = addReferences(
      ydoc,
      [
        { type: 'book', title: 'First' },
        { type: 'book', title: 'Second' },
      ],
      1_000,
    );
    expect(a.id).not.toBe(b.id);
    expect(referencesOf(ydoc).map((r) => r.title)).toEqual(['First', 'Second']);
    expect(citationStyleOf(ydoc)).toBe('vancouver');
    ydoc.getMap(CITATION_SETTINGS_MAP).set('style', 'apa');
    expect(citationStyleOf(ydoc)).toBe('apa');
    ydoc.getMap(CITATION_SETTINGS_MAP).set('style', 'chicago');
    expect(citationStyleOf(ydoc)).toBe('vancouver');
    ydoc.getMap(REFERENCES_MAP).set('junk', 42);
    expect(referencesOf(ydoc)).toHaveLength(2);
  });
});

test('inlineOfHtml keeps italics and bold as marks, decodes entities and drops every other tag', () => {
  expect(inlineOfHtml('<div class="x">A &#38; <i>B</i> <b>C</b><script>x</script>&lt;</div>')).toEqual([
    { type: 'text', text: 'A & ' },
    { type: 'text', text: 'B', marks: [{ type: 'italic' }] },
    { type: 'text', text: ' ' },
    { type: 'text', text: 'C', marks: [{ type: 'bold' }] },
    { type: 'text', text: 'x<' },
  ]);
});
