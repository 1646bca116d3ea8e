import { getSchema, type JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT, editorExtensions } from './editor-schema';
import { figureImagePath, libraryId } from './figure.node';
import { footnoteText } from './footnote.node';
import { toMarkdown } from './markdown';
import { figureLabel, figuresOf, footnotesOf } from './notes';

const schema = getSchema(editorExtensions());
const FILE = '11111111-1111-4111-8111-111111111111';
const VERSION = '22222222-2222-4222-8222-222222222222';

const figure = (caption: string, fileId: unknown = FILE, versionId: unknown = VERSION): JSONContent => ({
  type: 'figure',
  attrs: { fileId, versionId },
  content: caption ? [{ type: 'text', text: caption }] : [],
});
const note = (id: string, text: string): JSONContent => ({ type: 'footnote', attrs: { id, text } });

const paper: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Paper' }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Cohorts' }, note('fn-a', 'First note.'), { type: 'text', text: ' grow.' }],
    },
    figure('Cohort sizes by programme'),
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }, note('fn-b', '第二条注释')] }],
        },
      ],
    },
    figure('队列规模'),
  ],
};

describe('figures and footnotes in the shared schema', () => {
  test('survive the server render round trip: JSON → HTML → JSON is the same document', () => {
    const node = schema.nodeFromJSON(paper);
    expect(() => node.check()).not.toThrow();
    const html = generateHTML(paper, editorExtensions());
    expect(html).toContain(`<img src="/api/library/${FILE}/versions/${VERSION}/image" alt="Cohort sizes by programme"`);
    expect(html).toContain('<figcaption>Cohort sizes by programme</figcaption>');
    expect(html).toContain('data-text="First note."');
    const back = generateJSON(html, editorExtensions());
    expect(schema.nodeFromJSON(back).eq(node)).toBe(true);
  });

  test('travel through Yjs (what two browsers exchange) unchanged', () => {
    const ydoc = prosemirrorJSONToYDoc(schema, paper, EDITOR_FRAGMENT);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const root = yXmlFragmentToProseMirrorRootNode(other.getXmlFragment(EDITOR_FRAGMENT), schema);
    expect(root.eq(schema.nodeFromJSON(paper))).toBe(true);
  });

  test('a client writing attributes straight into the Y.Doc gets no unsafe address or note through the render', () => {
    const ydoc = new Y.Doc();
    const figureElement = new Y.XmlElement('figure');
    figureElement.setAttribute('fileId', 'javascript:alert(1)');
    figureElement.setAttribute('versionId', VERSION);
    figureElement.insert(0, [new Y.XmlText('Caption')]);
    const paragraph = new Y.XmlElement('paragraph');
    const mark = new Y.XmlElement('footnote');
    mark.setAttribute('id', 'fn-x');
    (mark as unknown as { setAttribute(name: string, value: unknown): void }).setAttribute('text', { html: '<b>' });
    paragraph.insert(0, [new Y.XmlText('Text'), mark]);
    ydoc.getXmlFragment(EDITOR_FRAGMENT).insert(0, [figureElement, paragraph]);
    const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), schema);
    const json = root.toJSON() as JSONContent;
    const html = generateHTML(json, editorExtensions());
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('data-text=""');
    expect(figuresOf(json)[0].fileId).toBeNull();
    expect(footnotesOf(json)[0].text).toBe('');
    expect(toMarkdown(json)).not.toContain('<b>');
  });

  test('an image only ever comes from the library route: other sources are refused', () => {
    for (const unsafe of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'https://tracker.example/x.png', 42]) {
      expect(figureImagePath(unsafe, VERSION)).toBeNull();
      expect(libraryId(unsafe)).toBeNull();
      const html = generateHTML({ type: 'doc', content: [figure('Caption', unsafe)] }, editorExtensions());
      expect(html).not.toContain('<img');
      expect(html).toContain('data-figure-missing');
    }
    // Pasted HTML: a foreign <img> or a figure with a URL never becomes a figure with an address.
    const pasted = generateJSON(
      '<figure data-figure data-file-id="https://x.example/a.png"><img src="https://x.example/a.png"><figcaption>Hi</figcaption></figure><p><img src="data:image/png;base64,AAAA"></p>',
      editorExtensions(),
    );
    expect(JSON.stringify(pasted)).not.toMatch(/x\.example|data:image/);
    expect(pasted.content[0]).toMatchObject({ type: 'figure', attrs: { fileId: null, versionId: null } });
  });

  test('numbers figures and footnotes in document order, inside lists too', () => {
    expect(figuresOf(paper).map((f) => [f.number, f.caption, f.fileId])).toEqual([
      [1, 'Cohort sizes by programme', FILE],
      [2, '队列规模', FILE],
    ]);
    expect(footnotesOf(paper).map((n) => [n.number, n.id, n.text])).toEqual([
      [1, 'fn-a', 'First note.'],
      [2, 'fn-b', '第二条注释'],
    ]);
  });

  test('labels a figure in its caption’s language', () => {
    expect(figureLabel(1, 'Cohort sizes')).toBe('Figure 1');
    expect(figureLabel(2, '队列规模')).toBe('图 2');
    expect(figureLabel(3, 'EU 与中国的队列规模')).toBe('图 3');
    expect(figureLabel(4, '')).toBe('Figure 4');
  });

  test('footnote text is bounded and free of control characters', () => {
    expect(footnoteText('a\u0000b\nc')).toBe('ab\nc');
    expect(footnoteText(12)).toBe('');
    expect(footnoteText('x'.repeat(5000))).toHaveLength(2000);
  });

  test('Markdown: footnotes as GFM marks with their notes at the end, figures by label and caption', () => {
    const md = toMarkdown(paper);
    expect(md).toContain('Cohorts[^1] grow.');
    expect(md).toContain('- Item[^2]');
    expect(md).toContain('*Figure 1:* Cohort sizes by programme');
    expect(md).toContain('*图 2:* 队列规模');
    expect(md.trimEnd().endsWith('[^1]: First note.\n[^2]: 第二条注释')).toBe(true);
  });
});
