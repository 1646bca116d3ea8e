import { getSchema } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { editorExtensions } from './editor-schema';
import { countWords, numberHeadings, outlineOfDocument, wordsPerSection } from './outline';
import { toMarkdown } from './markdown';

const h = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

describe('the outline rule shared by the editor and the exports', () => {
  it('leaves an opening level-1 heading as the title and numbers the sections below it from 1', () => {
    const doc = {
      type: 'doc',
      content: [h(1, 'Paper'), h(2, 'Scope'), h(3, 'Background'), h(3, 'Aims'), h(2, 'Methods')],
    };
    expect(outlineOfDocument(doc).map((e) => [e.number, e.text, e.sectionLevel])).toEqual([
      [null, 'Paper', 0],
      ['1', 'Scope', 1],
      ['1.1', 'Background', 2],
      ['1.2', 'Aims', 2],
      ['2', 'Methods', 1],
    ]);
  });

  it('numbers every heading when the document does not open with a title, and restarts deeper levels', () => {
    const entries = numberHeadings(
      [
        { level: 1, text: 'A' },
        { level: 2, text: 'A.a' },
        { level: 3, text: 'A.a.i' },
        { level: 1, text: 'B' },
        { level: 3, text: 'B.?.i' },
      ],
      false,
    );
    expect(entries.map((e) => e.number)).toEqual(['1', '1.1', '1.1.1', '2', '2.0.1']);
  });

  it('counts English words and Chinese characters (字数) alike', () => {
    expect(countWords('Personalised medicine for all, in 2026.')).toBe(6);
    expect(countWords('个性化医学')).toBe(5);
    expect(countWords('ICPerMed 行动计划')).toBe(5);
    expect(countWords('  … — ')).toBe(0);
  });

  it('counts words per section up to the next heading, cells and items apart', () => {
    const table = {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [p('EU')] },
            { type: 'tableHeader', content: [p('中国')] },
          ],
        },
      ],
    };
    const doc = {
      type: 'doc',
      content: [h(1, 'Paper'), p('Intro text here'), h(2, 'Comparison'), table, p('Two words')],
    };
    expect(wordsPerSection(doc).map((s) => [s.heading?.number ?? null, s.heading?.text, s.words])).toEqual([
      [null, 'Paper', 3],
      ['1', 'Comparison', 5],
    ]);
  });
});

describe('tables and links in the shared schema', () => {
  const schema = getSchema(editorExtensions());
  const table = {
    type: 'doc',
    content: [
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [p('Programmes · 项目')] }],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p('Horizon Europe')] },
              { type: 'tableCell', content: [p('国家重点研发计划')] },
            ],
          },
        ],
      },
    ],
  };

  it('accepts a table with a merged header cell, and the server renders it as the browser would', () => {
    expect(() => schema.nodeFromJSON(table).check()).not.toThrow();
    const html = generateHTML(table, editorExtensions());
    expect(html).toContain('<th colspan="2"');
    expect(html).toContain('<td colspan="1" rowspan="1"><p>国家重点研发计划</p></td>');
  });

  it('renders a web link and drops a script address', () => {
    const linked = (href: string) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'ICPerMed', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    });
    expect(generateHTML(linked('https://www.icpermed.eu/'), editorExtensions())).toContain(
      'href="https://www.icpermed.eu/"',
    );
    expect(generateHTML(linked('javascript:alert(1)'), editorExtensions())).not.toContain('javascript:');
  });

  it('offers heading levels 1 to 3 only: pasted deeper headings become text', () => {
    const parsed = generateJSON('<h3>Deep</h3><h4>Deeper</h4>', editorExtensions());
    expect(parsed.content.map((n: { type: string; attrs?: { level?: number } }) => [n.type, n.attrs?.level])).toEqual([
      ['heading', 3],
      ['paragraph', undefined],
    ]);
  });
});

describe('tables in Markdown', () => {
  it('become a GitHub table whose header is the first row, merged cells padded and pipes escaped', () => {
    const cell = (type: string, text: string, colspan = 1) => ({
      type,
      attrs: { colspan },
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const md = toMarkdown({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', 'Programmes | 项目', 2)] },
            { type: 'tableRow', content: [cell('tableCell', 'Horizon Europe'), cell('tableCell', '重点研发计划')] },
          ],
        },
      ],
    });
    expect(md).toBe('| Programmes \\| 项目 |  |\n| --- | --- |\n| Horizon Europe | 重点研发计划 |\n');
  });
});
