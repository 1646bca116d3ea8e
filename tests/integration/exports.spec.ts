import { PdfRenderer } from '@roundtable/api-exports';
import { HttpClient } from '../support/http-client';
import { addOutsider } from '../support/matrix-roles';
import { readDocx, readPdf } from '../support/export-readers';
import { startTestApp, type TestApp } from '../support/test-app';

/** GET /api/documents/:id/export over HTTP on real PostgreSQL, every file read back with a real parser. */
async function download(client: HttpClient, baseUrl: string, path: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const ENGLISH = 'Shared standards make cohort data reusable across the EU.';
const CHINESE = '中欧双方应共同制定队列数据共享标准。';

describe('document exports', () => {
  let t: TestApp;
  let expert: HttpClient;
  let observer: HttpClient;
  let documentId: string;
  let get: (client: HttpClient, query: string) => ReturnType<typeof download>;

  beforeAll(async () => {
    t = await startTestApp();
    await addOutsider(t);
    expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    observer = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    [{ id: documentId }] = await t.dataSource.query(
      `SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id
        WHERE g.code = 'WG1' AND d.type <> 'minutes' ORDER BY d.created_at LIMIT 1`,
    );
    expect(
      (await expert.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: [ENGLISH, CHINESE] })).status,
    ).toBe(200);
    // An open thread on the English sentence, a resolved one that must not be exported.
    for (const [status, body] of [
      ['open', 'Which standards? 哪些标准？'],
      ['resolved', 'Settled long ago'],
    ]) {
      const [{ id: thread }] = await t.dataSource.query(
        `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, status, created_by_user_id)
         VALUES ($1, '{}', '{}', 'Shared standards', $2, (SELECT id FROM users WHERE email = 'wg1-expert@example.org')) RETURNING id`,
        [documentId, status],
      );
      await t.dataSource.query(
        "INSERT INTO comments (thread_id, author_user_id, body) VALUES ($1, (SELECT id FROM users WHERE email = 'wg1-expert@example.org'), $2)",
        [thread, body],
      );
    }
    get = (client, query) => download(client, t.baseUrl, `/api/documents/${documentId}/export?${query}`);
  }, 120_000);
  afterAll(() => t.close());

  it('exports DOCX to a reader: title, numbered headings, the text in both languages, open comments only', async () => {
    const response = await get(observer, 'format=docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"/);
    const docx = readDocx(response.bytes);
    expect(docx.paragraphs.filter((p) => p.style === 'Title')).toHaveLength(1);
    const headings = docx.paragraphs.filter((p) => p.style === 'Heading1');
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.every((p) => p.numbered)).toBe(true);
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining([ENGLISH, CHINESE, 'Deliverable · 交付成果: D2.2 · M24']));
    expect(texts.filter((x) => x.startsWith('Working group · 工作组: WG1 · '))).toHaveLength(1);
    const chineseRuns = docx.paragraphs.find((p) => p.text === CHINESE)?.runs ?? [];
    expect(chineseRuns.map((r) => [r.eastAsiaFont, r.eastAsiaLang])).toEqual([['Microsoft YaHei', 'zh-CN']]);
    expect(docx.comments.map((c) => c.text)).toEqual(['Which standards? 哪些标准？']);
    expect(docx.paragraphs.find((p) => p.text === ENGLISH)?.commentStarts).toEqual([docx.comments[0].id]);
  });

  it('serves the same export of the same inputs from the cache, keeping one file per export', async () => {
    const first = await get(observer, 'format=md');
    const second = await get(observer, 'format=md');
    expect([first.headers.get('x-export-cache'), second.headers.get('x-export-cache')]).toEqual(['miss', 'hit']);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const [{ n }] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM document_exports WHERE document_id = $1 AND format = 'md'",
      [documentId],
    );
    expect(n).toBe(1);
  });

  it('exports a named version as it was, while the document moves on', async () => {
    const named = await expert.post(`/api/documents/${documentId}/versions`, { name: 'Sent to funders' });
    expect(named.status).toBe(201);
    await expert.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['Added after the version.'] });
    const version = await get(observer, `format=md&version=${named.body.id}`);
    expect(version.status).toBe(200);
    const md = version.bytes.toString('utf8');
    expect(md).toContain('Version · 版本: Sent to funders');
    expect(md).toContain(CHINESE);
    expect(md).not.toContain('Added after the version.');
    expect((await get(observer, 'format=md')).bytes.toString('utf8')).toContain('Added after the version.');
    // Cached per version too.
    expect((await get(observer, `format=md&version=${named.body.id}`)).headers.get('x-export-cache')).toBe('hit');
  });

  it('exports standalone HTML with its fonts inside and nothing from any host', async () => {
    const response = await get(observer, 'format=html');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    const html = response.bytes.toString('utf8');
    expect(html).toContain(CHINESE);
    const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1].slice(0, 24));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('data:font/woff2;base64,'))).toEqual([]);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
  });

  it('exports PDF with both languages and the CJK font embedded, cached on the second request', async () => {
    const response = await get(observer, 'format=pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(response.bytes);
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Shared standards make cohort data reusable');
    expect(text.replace(/\s+/g, '')).toContain(CHINESE);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(pdf.fonts.some((f) => /NotoSansSC/.test(f.name))).toBe(true);
    const again = await get(observer, 'format=pdf');
    expect(again.headers.get('x-export-cache')).toBe('hit');
    expect(again.bytes.equals(response.bytes)).toBe(true);
  }, 120_000);

  it('refuses a bad format or version with a 400 naming the field, and hides what the caller may not read', async () => {
    for (const [query, field] of [
      ['', 'format'],
      ['format=odt', 'format'],
      ['format=docx&format=pdf', 'format'],
      ['format=docx&version=not-a-version', 'version'],
    ]) {
      const response = await get(observer, query);
      expect([
        query,
        response.status,
        JSON.parse(response.bytes.toString()).fields.map((f: { field: string }) => f.field),
      ]).toEqual([query, 400, [field]]);
    }
    expect((await get(observer, 'format=docx&version=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const [other] = await t.dataSource.query(`SELECT v.id FROM document_versions v WHERE v.document_id <> $1 LIMIT 1`, [
      documentId,
    ]);
    if (other) expect((await get(observer, `format=md&version=${other.id}`)).status).toBe(404);
    const outsider = await new HttpClient(t.baseUrl).login('outsider@example.org');
    expect((await get(outsider, 'format=md')).status).toBe(404);
    expect((await get(new HttpClient(t.baseUrl), 'format=md')).status).toBe(401);
  });
});

describe('document exports without a Chromium', () => {
  let t: TestApp;
  const saved = process.env.CHROMIUM_PATH;

  beforeAll(async () => {
    // CHROMIUM_PATH, when set, is the only browser findChromium tries.
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await t.close();
  });

  it('answers PDF with a 503 the web app translates, and still exports the other formats', async () => {
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const [{ id }] = await t.dataSource.query("SELECT id FROM documents WHERE type <> 'minutes' LIMIT 1");
    const pdf = await coordinator.get(`/api/documents/${id}/export?format=pdf`);
    expect([pdf.status, pdf.body.code]).toEqual([503, 'PDF_RENDERER_UNAVAILABLE']);
    await expect(t.app.get(PdfRenderer).chromium()).rejects.toThrow(
      /CHROMIUM_PATH=\/nonexistent\/chromium cannot start/,
    );
    expect((await download(coordinator, t.baseUrl, `/api/documents/${id}/export?format=docx`)).status).toBe(200);
  });
});
