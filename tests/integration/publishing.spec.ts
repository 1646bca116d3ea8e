import { HttpClient } from '../support/http-client';
import { readDocx } from '../support/export-readers';
import { startTestApp, type TestApp } from '../support/test-app';

/** Publishing on public pages (ADR 031) over HTTP on real PostgreSQL: policy, 410, and that nothing else leaks. */

const PUBLISHED_TEXT = 'Published finding: cohorts share one consent form.';
const PUBLISHED_CHINESE = '已发布的结论：队列使用统一的知情同意书。';
const DRAFT_TEXT = 'Draft sentence typed after the version was taken: never public.';
const SECRET_COMMENT = 'Private reviewer remark, never public';
const OTHER_TEXT = 'Text of another, unpublished document.';

async function fetchRaw(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual' });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('publishing documents on public pages', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let cochair: HttpClient;
  let expert: HttpClient;
  let documentId: string;
  let otherDocumentId: string;
  let versionId: string;
  let otherVersionId: string;
  let authorIds: string[];
  let slug: string;
  const get = (path: string) => fetchRaw(t.baseUrl, path);
  const text = async (path: string) => {
    const response = await get(path);
    return { ...response, html: response.bytes.toString('utf8') };
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
    expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const docs: Array<{ id: string }> = await t.dataSource.query(
      `SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id
        WHERE g.code = 'WG1' AND d.type = 'position-paper' ORDER BY d.created_at, d.id LIMIT 2`,
    );
    [{ id: documentId }, { id: otherDocumentId }] = docs;
    expect(
      (
        await expert.post(`/api/documents/${documentId}/paragraphs`, {
          paragraphs: [PUBLISHED_TEXT, PUBLISHED_CHINESE],
        })
      ).status,
    ).toBe(200);
    const named = await expert.post(`/api/documents/${documentId}/versions`, { name: 'Submitted to the funders' });
    expect(named.status).toBe(201);
    versionId = named.body.id;
    // After the version: a draft sentence and a comment thread, neither of which may ever be public.
    expect((await expert.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: [DRAFT_TEXT] })).status).toBe(
      200,
    );
    const [{ id: thread }] = await t.dataSource.query(
      `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, status, created_by_user_id)
       VALUES ($1, '{}', '{}', 'Published finding', 'open', (SELECT id FROM users WHERE email = 'wg1-expert@example.org')) RETURNING id`,
      [documentId],
    );
    await t.dataSource.query(
      "INSERT INTO comments (thread_id, author_user_id, body) VALUES ($1, (SELECT id FROM users WHERE email = 'wg1-expert@example.org'), $2)",
      [thread, SECRET_COMMENT],
    );
    expect(
      (await expert.post(`/api/documents/${otherDocumentId}/paragraphs`, { paragraphs: [OTHER_TEXT] })).status,
    ).toBe(200);
    const other = await expert.post(`/api/documents/${otherDocumentId}/versions`, { name: 'Other named' });
    otherVersionId = other.body.id;
    const publication = await coordinator.get(`/api/documents/${documentId}/publication`);
    expect(publication.status).toBe(200);
    expect(publication.body).toMatchObject({ published: false, slug: null, canPublish: true, versions: [] });
    authorIds = publication.body.authorCandidates.slice(0, 2).map((c: { personId: string }) => c.personId);
    expect(authorIds).toHaveLength(2);
  }, 120_000);
  afterAll(() => t.close());

  it('lets only coordinators publish and unpublish', async () => {
    for (const client of [cochair, expert]) {
      const refused = await client.post(`/api/documents/${documentId}/publish`, { versionId, authorPersonIds: [] });
      expect(refused.status).toBe(403);
      expect((await client.post(`/api/documents/${documentId}/unpublish`)).status).toBe(403);
      expect((await client.get(`/api/documents/${documentId}/publication`)).body.canPublish).toBe(false);
    }
    const anonymous = new HttpClient(t.baseUrl);
    expect(
      (await anonymous.post(`/api/documents/${documentId}/publish`, { versionId, authorPersonIds: [] })).status,
    ).toBe(401);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ authorPersonIds: [] }, 'versionId'], // not final, no version named
      [{ versionId: otherVersionId, authorPersonIds: [] }, 'versionId'], // another document's version
      [{ versionId: 'not-a-uuid', authorPersonIds: [] }, 'versionId'],
      [{ versionId }, 'authorPersonIds'],
      [{ versionId, authorPersonIds: ['nope'] }, 'authorPersonIds'],
      [{ versionId, authorPersonIds: ['00000000-0000-4000-8000-000000000000'] }, 'authorPersonIds'],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post(`/api/documents/${documentId}/publish`, body);
      const fields = new Set(response.body.fields?.map((f: { field: string }) => f.field));
      expect([response.status, [...fields]]).toEqual([400, [field]]);
    }
    // A member of another group is not an author of a WG1 paper.
    const [{ id: wg2Person }] = await t.dataSource.query(
      `SELECT m.person_id AS id FROM memberships m JOIN working_groups g ON g.id = m.working_group_id
        WHERE g.code = 'WG2' AND m.left_on IS NULL
          AND m.person_id NOT IN (SELECT person_id FROM memberships m1 JOIN working_groups g1 ON g1.id = m1.working_group_id WHERE g1.code = 'WG1')
        LIMIT 1`,
    );
    const outsider = await coordinator.post(`/api/documents/${documentId}/publish`, {
      versionId,
      authorPersonIds: [wg2Person],
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.fields[0].field).toBe('authorPersonIds');
    expect((await get('/p/x/v/zero')).status).toBe(400);
    expect((await get('/p/x/v/1/download/exe')).status).toBe(400);
    expect((await get('/p?lang=fr')).status).toBe(400);
    expect((await text('/p?lang=fr')).html).toContain('lang');
    expect((await coordinator.post(`/api/documents/${documentId}/unpublish`)).status).toBe(409);
  });

  it('publishes the frozen version at /p/{slug} without login, in both languages, with downloads', async () => {
    const published = await coordinator.post(`/api/documents/${documentId}/publish`, {
      versionId,
      authorPersonIds: authorIds,
    });
    expect(published.status).toBe(200);
    slug = published.body.slug;
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(published.body).toMatchObject({ published: true, versions: [{ number: 1, versionId }] });
    expect(published.body.versions[0].authors.map((a: { personId: string }) => a.personId)).toEqual(authorIds);

    const en = await text(`/p/${slug}`);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain(PUBLISHED_TEXT);
    expect(en.html).toContain(PUBLISHED_CHINESE);
    expect(en.html).toContain('D2.2 · M24');
    expect(en.html).toContain('How to cite');
    expect(en.html).toContain(`/p/${slug}/v/1`);
    for (const name of published.body.versions[0].authors.map((a: { name: string }) => a.name))
      expect(en.html).toContain(name);
    const zh = await text(`/p/${slug}?lang=zh-CN`);
    expect(zh.status).toBe(200);
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('引用格式');
    expect(zh.html).toContain(PUBLISHED_TEXT);
    // Nothing from other hosts: no script, every link and resource on this site.
    for (const html of [en.html, zh.html]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
      expect(html).not.toMatch(/url\((https?:)?\/\//i);
    }
    const font = /url\((\/p\/_fonts\/[^)]+)\)/.exec(zh.html)?.[1];
    expect(font).toBeDefined();
    const fontFile = await get(font as string);
    expect([fontFile.status, fontFile.headers.get('content-type')]).toEqual([200, 'font/woff2']);
    expect((await get('/p/_fonts/..%2F..%2Fpackage.json')).status).toBe(404);

    const docx = await get(`/p/${slug}/v/1/download/docx`);
    expect(docx.status).toBe(200);
    const read = readDocx(docx.bytes);
    const paragraphs = read.paragraphs.map((p) => p.text);
    expect(paragraphs).toEqual(expect.arrayContaining([PUBLISHED_TEXT, PUBLISHED_CHINESE]));
    expect(paragraphs).not.toContain(DRAFT_TEXT);
    expect(read.comments).toEqual([]);
    const again = await get(`/p/${slug}/v/1/download/docx`);
    expect(again.bytes.equals(docx.bytes)).toBe(true);

    const index = await text('/p');
    expect(index.status).toBe(200);
    expect(index.html).toContain(`href="/p/${slug}"`);
    const listed = await coordinator.get(
      `/api/projects/${(await t.dataSource.query('SELECT project_id FROM documents WHERE id = $1', [documentId]))[0].project_id}/publications`,
    );
    expect(listed.body).toEqual([expect.objectContaining({ documentId, slug, latestNumber: 1 })]);
  });

  it('never shows drafts, comments or other documents, by any document id, version id or slug', async () => {
    const pages = [`/p/${slug}`, `/p/${slug}?lang=zh-CN`, `/p/${slug}/v/1`, '/p'];
    for (const path of pages) {
      const { html } = await text(path);
      expect(html).not.toContain(DRAFT_TEXT);
      expect(html).not.toContain(SECRET_COMMENT);
      expect(html).not.toContain(OTHER_TEXT);
    }
    const [{ slug: guessable }] = await t.dataSource.query(
      "SELECT lower(regexp_replace(title_en, '[^a-zA-Z0-9]+', '-', 'g')) AS slug FROM documents WHERE id = $1",
      [otherDocumentId],
    );
    const probes = [
      `/p/${otherDocumentId}`,
      `/p/${documentId}`,
      `/p/${versionId}`,
      `/p/${otherVersionId}`,
      `/p/${guessable.replace(/^-|-$/g, '')}`,
      `/p/${slug}/v/2`,
      `/p/${slug}/v/2/download/docx`,
      `/p/${slug}-2`,
      `/p/${slug}/v/1/download/${documentId}`,
      `/api/public/p/${otherDocumentId}`,
      `/p/${slug}/${versionId}`,
      `/p/${slug}/v/${versionId}`,
    ];
    for (const path of probes) {
      const response = await text(path);
      expect([path, response.status < 500 && response.status >= 400]).toEqual([path, true]);
      expect(response.html).not.toContain(DRAFT_TEXT);
      expect(response.html).not.toContain(OTHER_TEXT);
      expect(response.html).not.toContain(PUBLISHED_TEXT);
    }
  });

  it('keeps the slug when publishing a newer version; older versions stay citable and link to the latest', async () => {
    const newer = await expert.post(`/api/documents/${documentId}/versions`, { name: 'Revised' });
    const republished = await coordinator.post(`/api/documents/${documentId}/publish`, {
      versionId: newer.body.id,
      authorPersonIds: authorIds.slice(0, 1),
    });
    expect(republished.status).toBe(200);
    expect(republished.body.slug).toBe(slug);
    expect(republished.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const latest = await text(`/p/${slug}`);
    expect(latest.html).toContain(`/p/${slug}/v/2`);
    expect(latest.html).toContain(DRAFT_TEXT); // the newer version was taken after the draft sentence
    const older = await text(`/p/${slug}/v/1`);
    expect(older.status).toBe(200);
    expect(older.html).not.toContain(DRAFT_TEXT);
    expect(older.html).toContain('This is an older version');
    expect(older.html).toContain(`href="/p/${slug}"`);
  });

  it('unpublishing takes every page and file down with 410; publishing again brings it back under the same slug', async () => {
    const withdrawn = await coordinator.post(`/api/documents/${documentId}/unpublish`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ published: false, slug });
    for (const path of [
      `/p/${slug}`,
      `/p/${slug}?lang=zh-CN`,
      `/p/${slug}/v/1`,
      `/p/${slug}/v/2`,
      `/p/${slug}/v/1/download/docx`,
    ]) {
      const response = await text(path);
      expect([path, response.status]).toEqual([path, 410]);
      expect(response.html).not.toContain(PUBLISHED_TEXT);
    }
    expect((await text('/p')).html).not.toContain(`/p/${slug}`);
    expect(
      (
        await coordinator.get(
          `/api/projects/${(await t.dataSource.query('SELECT project_id FROM documents WHERE id = $1', [documentId]))[0].project_id}/publications`,
        )
      ).body,
    ).toEqual([]);

    // A final document is published from its current content, frozen now as a named version.
    await t.dataSource.query("UPDATE documents SET status = 'final' WHERE id = $1", [documentId]);
    const again = await coordinator.post(`/api/documents/${documentId}/publish`, { authorPersonIds: [] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ slug, published: true });
    expect(again.body.versions[0]).toMatchObject({ number: 3, versionName: 'Published · 已发布' });
    expect((await get(`/p/${slug}`)).status).toBe(200);
  });
});
