import { editorExtensions } from '@roundtable/editor-schema';
import {
  PdfRenderer,
  renderDocx,
  renderHtml,
  renderMarkdown,
  DOCX_EAST_ASIAN_FONT,
  type ExportSource,
} from '@roundtable/api-exports';
import type { JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { Window } from 'happy-dom';
import MarkdownIt from 'markdown-it';
import { bilingualPaper } from '../support/export-paper';
import { readDocx, readPdf } from '../support/export-readers';

/** The renderers on their own (pure functions of an export source), read back with real parsers. */
function sourceOf(
  content: JSONContent,
  threads: ExportSource['threads'] = [],
  suggestions: ExportSource['suggestions'] = {},
): ExportSource {
  return {
    documentId: '00000000-0000-4000-8000-000000000001',
    versionId: null,
    cover: {
      title: 'Position paper on personalised medicine 个性化医疗立场文件',
      project: 'IC2PerMed',
      workingGroup: 'WG1 · Policy 政策',
      deliverable: 'D2.2 · M24',
      version: 'Sent to funders',
      date: '2026-03-01',
    },
    content,
    html: generateHTML({ type: 'doc', content: (content.content ?? []).slice(1) }, editorExtensions()),
    threads,
    suggestions,
  };
}

const THREADS: ExportSource['threads'] = [
  {
    anchorText: 'Shared standards',
    comments: [
      { author: 'Expert Placeholder', date: '2026-02-01T10:00:00.000Z', body: 'Which standards? 哪些标准？' },
      { author: 'Co-chair Placeholder', date: '2026-02-02T10:00:00.000Z', body: 'FHIR and OMOP.' },
    ],
  },
  {
    anchorText: 'text that was deleted',
    comments: [{ author: 'Observer Placeholder', date: '2026-02-03T10:00:00.000Z', body: 'Gone?' }],
  },
];

describe('export renderers', () => {
  it('writes suggestions as Word tracked changes (w:ins / w:del) with their authors, read back from the XML', async () => {
    const INSERT = '6f1c7a8e-0000-4000-8000-0000000000a1';
    const DELETE = '6f1c7a8e-0000-4000-8000-0000000000a2';
    const paper: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Outline 大纲' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Cohorts in ' },
            { type: 'text', text: 'Europe', marks: [{ type: 'suggestionDelete', attrs: { id: DELETE } }] },
            {
              type: 'text',
              text: 'Europe and China 中国',
              marks: [{ type: 'suggestionInsert', attrs: { id: INSERT } }],
            },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    const docx = readDocx(
      await renderDocx(
        sourceOf(paper, THREADS, {
          [INSERT]: { author: 'WG1 expert', date: '2026-02-01T10:00:00.000Z' },
          [DELETE]: { author: 'WG1 co-chair', date: '2026-02-02T10:00:00.000Z' },
        }),
      ),
    );
    const inserted = docx.trackedChanges.filter((c) => c.kind === 'ins');
    const deleted = docx.trackedChanges.filter((c) => c.kind === 'del');
    expect(inserted.map((c) => c.text).join('')).toBe('Europe and China 中国');
    expect(new Set(inserted.map((c) => c.author))).toEqual(new Set(['WG1 expert']));
    expect(inserted[0]!.date).toMatch(/^2026-02-01T10:00:00/);
    expect(deleted.map((c) => c.text).join('')).toBe('Europe');
    expect(deleted[0]!.author).toBe('WG1 co-chair');
    // Ids are unique across tracked changes and comments (Word's annotation ids).
    const ids = [...docx.trackedChanges.map((c) => c.id), ...docx.comments.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    // Word shows the deleted text only as a deletion: the paragraph's plain text is the text with insertions.
    expect(docx.paragraphs.some((p) => p.text === 'Cohorts in Europe and China 中国.')).toBe(true);
    // The other formats keep the marks as HTML (<ins>/<del>) and do not break on them.
    expect(renderHtml(sourceOf(paper)).toString()).toContain('<del data-suggestion="' + DELETE + '"');
  });

  it('writes a DOCX with title, numbered headings, lists, comments and East Asian runs', async () => {
    const docx = readDocx(await renderDocx(sourceOf(bilingualPaper(2), THREADS)));
    const styled = (style: string) => docx.paragraphs.filter((p) => p.style === style);
    expect(styled('Title').map((p) => p.text)).toEqual(['Position paper on personalised medicine 个性化医疗立场文件']);
    expect(styled('Heading1').map((p) => p.text)).toEqual([
      'Section 1: cohorts and data 队列与数据',
      'Section 2: cohorts and data 队列与数据',
    ]);
    expect(styled('Heading2')).toHaveLength(2);
    expect([...styled('Heading1'), ...styled('Heading2')].every((p) => p.numbered)).toBe(true);
    // Lists: bullets and numbers are both numbering in WordprocessingML.
    expect(docx.paragraphs.filter((p) => p.numbered && p.text === 'Align consent forms 统一知情同意书')).toHaveLength(
      2,
    );
    // The cover.
    const all = docx.paragraphs.map((p) => p.text);
    expect(all).toEqual(
      expect.arrayContaining(['IC2PerMed', 'Deliverable · 交付成果: D2.2 · M24', 'Date · 日期: 2026-03-01']),
    );
    // Chinese runs: the East Asian font and zh-CN; English runs carry neither font nor language override.
    const runs = docx.paragraphs.flatMap((p) => p.runs);
    const chinese = runs.filter((r) => /[\u4e00-\u9fff]/.test(r.text));
    expect(chinese.length).toBeGreaterThan(10);
    expect(chinese.filter((r) => r.eastAsiaFont !== DOCX_EAST_ASIAN_FONT || r.eastAsiaLang !== 'zh-CN')).toEqual([]);
    expect(runs.find((r) => r.text.startsWith('European programmes'))?.eastAsiaLang).toBeNull();
    // Comments: the thread and its reply, anchored on their text; a thread whose text is gone on the title.
    expect(docx.comments.map((c) => [c.author, c.text])).toEqual([
      ['Expert Placeholder', 'Which standards? 哪些标准？'],
      ['Co-chair Placeholder', 'FHIR and OMOP.'],
      ['Observer Placeholder', 'Gone?'],
    ]);
    const anchored = docx.paragraphs.find((p) => p.commentStarts.includes(docx.comments[0].id));
    expect(anchored?.text).toContain('Shared standards make data reusable');
    expect(styled('Title')[0].commentStarts).toEqual([docx.comments[2].id]);
  });

  it('renders a table node through its DOCX renderer', async () => {
    const cell = (type: string, value: string) => ({
      type,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
    });
    const content: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Programmes 计划' }] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', 'EU'), cell('tableHeader', '中国')] },
            { type: 'tableRow', content: [cell('tableCell', 'Horizon Europe'), cell('tableCell', '精准医学专项')] },
          ],
        },
      ],
    };
    const docx = readDocx(await renderDocx({ ...sourceOf(bilingualPaper(1)), content }));
    expect(docx.tables).toEqual([
      [
        ['EU', '中国'],
        ['Horizon Europe', '精准医学专项'],
      ],
    ]);
  });

  it('renders a recommendation block (issue 16) in DOCX, HTML and Markdown: title, body and its attributes', async () => {
    const content: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Recommendations 建议' }] },
        {
          type: 'recommendation',
          attrs: {
            recId: '5eed0000-0000-4000-8000-000000000001',
            title: '建立数据共享平台',
            addressee: 'funders',
            horizon: 'long',
            priority: 'high',
            frameworks: 'icpermed-p2',
          },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Funders should finance FAIR data.' }] }],
        },
      ],
    };
    const source = { ...sourceOf(content), html: generateHTML(content, editorExtensions()) };
    const docx = readDocx(await renderDocx(source));
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        '建立数据共享平台',
        'Funders should finance FAIR data.',
        'funders · long · high · icpermed-p2',
      ]),
    );
    expect(renderHtml(source)).toContain('建立数据共享平台');
    expect(renderMarkdown(source)).toContain('**建立数据共享平台**');
  });

  it('is byte-stable apart from the DOCX timestamps', async () => {
    const source = sourceOf(bilingualPaper(2), THREADS);
    const [a, b] = [readDocx(await renderDocx(source)), readDocx(await renderDocx(source))];
    const names = Object.keys(a.entries).sort();
    expect(Object.keys(b.entries).sort()).toEqual(names);
    for (const name of names.filter((n) => n !== 'docProps/core.xml'))
      expect([name, Buffer.from(b.entries[name]).equals(Buffer.from(a.entries[name]))]).toEqual([name, true]);
    expect(renderHtml(source)).toBe(renderHtml(source));
    expect(renderMarkdown(source)).toBe(renderMarkdown(source));
  });

  it('writes standalone HTML: cover, numbered sections, embedded CJK subsets, nothing from a host, text escaped', () => {
    const source = sourceOf(bilingualPaper(2), THREADS);
    source.cover.project = 'IC2PerMed <script>alert(1)</script>';
    const html = renderHtml(source);
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
    window.document.write(html);
    const root = window.document;
    expect(root.querySelector('.cover-title')?.textContent).toBe(source.cover.title);
    expect(root.querySelector('.cover-project')?.textContent).toBe('IC2PerMed <script>alert(1)</script>');
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect([...root.querySelectorAll('.paper h2')].map((h) => h.textContent)).toEqual([
      'Section 1: cohorts and data 队列与数据',
      'Section 2: cohorts and data 队列与数据',
    ]);
    expect(root.querySelectorAll('.open-comments li')).toHaveLength(2);
    const style = root.querySelector('style')?.textContent ?? '';
    expect(style).toMatch(/\.paper h2::before\{content:counter\(s1\) ". ";\}/);
    expect(style).toMatch(/\.paper h3::before\{content:counter\(s1\) "." counter\(s2\) ". ";\}/);
    // Only data: URLs: no host anywhere (links in the text are the paper's own, kept as links).
    const urls = [...style.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(1);
    expect(urls.every((u) => u.startsWith('data:font/woff2;base64,'))).toBe(true);
    // Subsets: the ones the text needs, not all ~200 of the package.
    expect(urls.length).toBeLessThan(60);
    expect(root.querySelectorAll('[src]')).toHaveLength(0);
  });

  it('writes Markdown with the cover, the paper and the open comments', () => {
    const md = renderMarkdown(sourceOf(bilingualPaper(1), THREADS));
    const tokens = new MarkdownIt().parse(md, {});
    const headings = tokens
      .map((t, i) => (t.type === 'heading_open' ? `${t.tag} ${tokens[i + 1].content}` : null))
      .filter(Boolean);
    expect(headings).toEqual([
      'h1 Position paper on personalised medicine 个性化医疗立场文件',
      'h2 Section 1: cohorts and data 队列与数据',
      'h3 Recommendations 1 建议',
      'h2 Open comments · 未解决的评论',
    ]);
    expect(md).toContain('Deliverable · 交付成果: D2.2 · M24');
    expect(md).toContain('中国的精准医学计划支持大型人群队列研究');
  });
});

describe('PDF renderer (headless Chromium)', () => {
  const renderer = new PdfRenderer();
  afterAll(() => renderer.onApplicationShutdown());

  it('prints A4 with the cover, page numbers, a running title, both languages and the CJK font embedded', async () => {
    const source = sourceOf(bilingualPaper(6), THREADS);
    const bytes = await renderer.render(renderHtml(source));
    const pdf = await readPdf(bytes);
    expect(pdf.pages.length).toBeGreaterThan(2);
    // The cover page: project, title, deliverable; no running title or page number on it.
    expect(pdf.pages[0]).toContain('IC2PerMed');
    expect(pdf.pages[0]).toContain('D2.2 · M24');
    expect(pdf.pages[0]).not.toMatch(/\b1 \/ \d+/);
    const body = pdf.pages.slice(1).join('\n');
    expect(body).toContain('European programmes fund long-term cohorts');
    // Lines break inside Chinese sentences.
    expect(body.replace(/\s+/g, '')).toContain('中国的精准医学计划支持大型人群队列研究');
    // Every page after the cover: "n / total" and the running title.
    pdf.pages.slice(1).forEach((page, i) => {
      expect(page).toContain(`${i + 2} / ${pdf.pages.length}`);
      expect(page).toContain('个性化医疗立场文件');
    });
    expect(pdf.fonts.filter((f) => /NotoSansSC/i.test(f.name.replace(/\s/g, '')))).not.toEqual([]);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    // Byte-stable apart from the dates Chromium writes.
    const again = await renderer.render(renderHtml(source));
    const undated = (b: Buffer) => b.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');
    expect(undated(again)).toBe(undated(bytes));
  }, 120_000);
});
