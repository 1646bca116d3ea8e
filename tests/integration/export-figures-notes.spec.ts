import { editorExtensions } from '@roundtable/editor-schema';
import { PdfRenderer, renderDocx, renderHtml, renderMarkdown, type ExportSource } from '@roundtable/api-exports';
import type { JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8 } from 'fflate';
import { readDocx, readPdf } from '../support/export-readers';
import { solidPng } from '../support/test-png';

/** Figures and footnotes (ADR 038) through every renderer, read back with real parsers. */
const FILE = '11111111-1111-4111-8111-111111111111';
const VERSION = '22222222-2222-4222-8222-222222222222';
const FOREIGN = '33333333-3333-4333-8333-333333333333';
const png = solidPng(800, 400);

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const note = (id: string, value: string): JSONContent => ({ type: 'footnote', attrs: { id, text: value } });

const content: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Cohorts paper 队列文件')] },
    { type: 'heading', attrs: { level: 2 }, content: [text('Programmes 计划')] },
    {
      type: 'paragraph',
      content: [text('European cohorts grow'), note('fn-a', 'Eurostat, 2025.'), text(' every year.')],
    },
    {
      type: 'figure',
      attrs: { fileId: FILE, versionId: VERSION },
      content: [text('Cohort sizes by programme')],
    },
    { type: 'heading', attrs: { level: 2 }, content: [text('Data 数据')] },
    {
      type: 'paragraph',
      content: [text('中国队列规模扩大'), note('fn-b', '国家卫健委，2025年。'), text('。')],
    },
    // A figure whose image is not the export's (another project's file): caption only, never its address.
    { type: 'figure', attrs: { fileId: FOREIGN, versionId: VERSION }, content: [text('队列规模')] },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [text('A quoted principle.')] }],
    },
    {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [text('First step')] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [text('Second step')] }] },
      ],
    },
  ],
};

function source(): ExportSource {
  return {
    documentId: '00000000-0000-4000-8000-000000000001',
    versionId: null,
    cover: {
      title: 'Cohorts paper 队列文件',
      project: 'IC2PerMed',
      workingGroup: 'WG1 · Policy 政策',
      deliverable: null,
      version: 'Current draft',
      date: '2026-03-01',
    },
    content,
    html: generateHTML({ type: 'doc', content: (content.content ?? []).slice(1) }, editorExtensions()),
    threads: [],
    suggestions: {},
    figures: { [`${FILE}/${VERSION}`]: { contentType: 'image/png', bytes: png, width: 800, height: 400 } },
  };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false });

describe('figures and footnotes in exports', () => {
  it('DOCX: the image as a picture, captions labelled, footnotes as real Word footnotes', async () => {
    const bytes = await renderDocx(source());
    const docx = readDocx(bytes);
    const media = Object.keys(docx.entries).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(docx.entries[media[0]]).equals(png)).toBe(true);
    const documentXml = strFromU8(docx.entries['word/document.xml']);
    expect(documentXml).toContain('<w:drawing>');
    // 800 px scaled to the 600 px text width: 600 × 9525 EMU by 300 × 9525.
    expect(documentXml).toContain(`cx="${600 * 9525}" cy="${300 * 9525}"`);
    const captions = docx.paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions).toEqual(['Figure 1: Cohort sizes by programme', '图 2: 队列规模']);
    // Footnote references in the text, in order, and the notes themselves in word/footnotes.xml.
    const refs = [...documentXml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(refs).toEqual(['1', '2']);
    const notes = xml.parse(strFromU8(docx.entries['word/footnotes.xml']))['w:footnotes']['w:footnote'] as Array<
      Record<string, unknown>
    >;
    const noteText = (id: string) =>
      JSON.stringify(notes.find((n) => n['w:id'] === id))
        .match(/"#text":"([^"]*)"/g)
        ?.map((m) => m.slice(9, -1))
        .join('');
    expect(noteText('1')).toBe('Eurostat, 2025.');
    expect(noteText('2')).toBe('国家卫健委，2025年。');
    // Quotes and ordered lists.
    expect(docx.paragraphs.find((p) => p.text === 'A quoted principle.')?.style).toBe('Quote');
    expect(docx.paragraphs.filter((p) => /^(First|Second) step$/.test(p.text)).every((p) => p.numbered)).toBe(true);
    // Byte-stable apart from the dates: the same source gives the same package.
    const again = await renderDocx(source());
    const undated = (b: Buffer) =>
      strFromU8(readDocx(b).entries['word/document.xml']) + strFromU8(readDocx(b).entries['word/footnotes.xml']);
    expect(undated(again) === undated(bytes)).toBe(true);
  });

  it('HTML: the image embedded, figure labels, numbered marks and the notes as an end list', () => {
    const html = renderHtml(source());
    expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}"`);
    expect(html).not.toContain('/api/library/');
    expect(html).not.toContain(FOREIGN);
    expect(html).toContain('<strong class="figure-label">Figure 1:</strong> Cohort sizes by programme');
    expect(html).toContain('<strong class="figure-label">图 2:</strong> 队列规模');
    expect(html).toContain('<sup class="footnote-ref" id="fnref-1"><a href="#fn-1">1</a></sup>');
    expect(html).toContain('<sup class="footnote-ref" id="fnref-2"><a href="#fn-2">2</a></sup>');
    const end = html.slice(html.indexOf('class="footnotes-end"'));
    expect(end).toMatch(/<li id="fn-1" value="1">Eurostat, 2025\. .*<li id="fn-2" value="2">国家卫健委，2025年。/);
    expect(html).toContain('img-src data:');
    expect(html).toContain('<blockquote><p>A quoted principle.</p></blockquote>');
    expect(html).toMatch(/<ol><li><p>First step<\/p><\/li>/);
  });

  it('Markdown: GFM footnotes at the end, figures by label', () => {
    const md = renderMarkdown(source());
    expect(md).toContain('European cohorts grow[^1] every year.');
    expect(md).toContain('*Figure 1:* Cohort sizes by programme');
    expect(md).toContain('> A quoted principle.');
    expect(md).toContain('1. First step\n2. Second step');
    expect(md).toMatch(/\[\^1\]: Eurostat, 2025\.\n\[\^2\]: 国家卫健委，2025年。/);
  });

  it('PDF: the figure printed, each section followed by its own notes', async () => {
    const renderer = new PdfRenderer();
    try {
      const html = renderHtml(source(), 'section');
      // Notes right after their section: the first note before the second section's heading.
      expect(html.indexOf('id="fn-1"')).toBeLessThan(html.indexOf('<h2>Data'));
      expect(html.indexOf('id="fn-2"')).toBeGreaterThan(html.indexOf('<h2>Data'));
      const pdf = await readPdf(await renderer.render(html));
      const body = pdf.pages.slice(1).join('\n').replace(/\s+/g, '');
      expect(body).toContain('Figure1:Cohortsizesbyprogramme');
      expect(body).toContain('图2:队列规模');
      expect(body).toContain('Eurostat,2025.');
      expect(body).toContain('国家卫健委，2025年。');
      expect(body.indexOf('Eurostat,2025.')).toBeLessThan(body.indexOf('Data数据'));
    } finally {
      await renderer.onApplicationShutdown();
    }
  }, 120_000);
});
