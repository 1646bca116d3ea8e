import { PAGE_LIMITS } from '@roundtable/contracts';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The paging contract of every list endpoint (ADR 029): `limit` and an opaque `cursor`, the list body as it
 * was, the next cursor in `X-Next-Cursor`. Pages follow one another without duplicates or gaps, also across
 * rows whose sort values tie, and paging never shows what the policy hides.
 */
describe('paged lists', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let projectId: string;
  let wg1: string;
  let wg2: string;
  let pagedDocument: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    [{ id: projectId }] = await t.dataSource.query('SELECT id FROM projects LIMIT 1');
    [{ id: wg1 }, { id: wg2 }] = await t.dataSource.query('SELECT id FROM working_groups ORDER BY position');
    const [{ id: userId }] = await t.dataSource.query("SELECT id FROM users WHERE email = 'coordinator@example.org'");
    // Placeholder people: 230 more than a default page, half of them with the same name (ties broken by id).
    await t.dataSource.query(
      `WITH made AS (
         INSERT INTO people (display_name, email, country)
         SELECT CASE WHEN g % 2 = 0 THEN 'Paging expert' ELSE 'Paging expert ' || g END,
                'paging-expert-' || g || '@example.org', 'IT'
           FROM generate_series(1, 230) g RETURNING id)
       INSERT INTO memberships (working_group_id, person_id, role) SELECT $1, id, 'expert' FROM made`,
      [wg1],
    );
    // Meetings of WG1 and WG2, many starting at the same instant.
    await t.dataSource.query(
      `INSERT INTO meetings (project_id, working_group_id, type, title, starts_at, time_zone, duration_minutes, ical_uid)
       SELECT $1, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'wg-meeting', 'Paging meeting ' || g,
              timestamptz '2030-03-02 09:00+00' + (g % 5) * interval '1 day', 'Europe/Rome', 60,
              'paging-' || g || '@roundtable'
         FROM generate_series(1, 120) g`,
      [projectId, wg1, wg2],
    );
    [{ id: pagedDocument }] = await t.dataSource.query(
      `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh)
       VALUES ($1, $2, 'working-document', 'Paging comments', 'Paging comments') RETURNING id`,
      [projectId, wg1],
    );
    await t.dataSource.query(
      `WITH made AS (
         INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by_user_id, created_at)
         SELECT $1, '{}', '{}', 'Passage ' || g, $2, timestamptz '2026-01-01' + (g % 3) * interval '1 microsecond'
           FROM generate_series(1, 45) g RETURNING id)
       INSERT INTO comments (thread_id, author_user_id, body) SELECT id, $2, 'A comment.' FROM made`,
      [pagedDocument, userId],
    );
    await t.dataSource.query(
      `WITH made AS (
         INSERT INTO library_files (project_id, working_group_id, name, tags, updated_at)
         SELECT $1, $2, 'Paging file ' || g || '.pdf', ARRAY['paging'], timestamptz '2026-02-01' + (g % 4) * interval '1 second'
           FROM generate_series(1, 40) g RETURNING id, name)
       INSERT INTO library_file_versions (file_id, number, file_name, kind, content_type, size_bytes, sha256)
       SELECT id, 1, name, 'pdf', 'application/pdf', 10, repeat('0', 64) FROM made`,
      [projectId, wg1],
    );
  }, 120_000);
  afterAll(() => t.close());

  /** Every page of a list at `limit`, following X-Next-Cursor; the rows of each page. */
  async function allPages(client: HttpClient, path: string, limit: number, rowsOf = (body: any) => body as any[]) {
    const pages: any[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await client.get(url);
      expect(response.status).toBe(200);
      const rows = rowsOf(response.body);
      expect(rows.length).toBeLessThanOrEqual(limit);
      pages.push(rows);
      cursor = response.headers.get('x-next-cursor');
      if (cursor) expect(rows).toHaveLength(limit);
      expect(pages.length).toBeLessThan(200);
    } while (cursor);
    return pages;
  }

  /** Paging at a small limit gives exactly the rows of one big page, in the same order. */
  async function expectContinuity(path: string, limit: number, rowsOf?: (body: any) => any[]) {
    const [whole] = await allPages(coordinator, path, PAGE_LIMITS.max, rowsOf);
    const paged = (await allPages(coordinator, path, limit, rowsOf)).flat();
    const ids = paged.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(whole.map((row) => row.id));
    return paged;
  }

  it('pages the people directory by name with no duplicates or gaps, ties broken by id', async () => {
    const people = await expectContinuity('/api/people', 17);
    expect(people.length).toBeGreaterThan(230);
    const names = people.map((p) => p.displayName as string);
    expect(names.filter((n) => n === 'Paging expert')).toHaveLength(115);
  });

  it('answers a default page of 200 with a cursor when more rows follow, and the last page without one', async () => {
    const first = await coordinator.get('/api/people');
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(PAGE_LIMITS.default);
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const rest = await coordinator.get(`/api/people?cursor=${cursor}`);
    expect(rest.status).toBe(200);
    expect(rest.headers.get('x-next-cursor')).toBeNull();
    expect(rest.body.length).toBeGreaterThan(0);
  });

  it('pages meetings, comments, library files, documents and the outbox without duplicates or gaps', async () => {
    const meetings = await expectContinuity(`/api/projects/${projectId}/meetings`, 11);
    expect(meetings.filter((m) => m.title.startsWith('Paging meeting'))).toHaveLength(120);
    const threads = await expectContinuity(`/api/documents/${pagedDocument}/comments`, 4);
    expect(threads).toHaveLength(45);
    const files = await expectContinuity(`/api/projects/${projectId}/library?tag=paging`, 6, (body) => body.files);
    expect(files).toHaveLength(40);
    await expectContinuity('/api/documents', 3);
    await expectContinuity('/api/admin/outbox', 5);
  });

  it('pages the lists that are small by nature too (offset cursor)', async () => {
    const groups = await allPages(coordinator, '/api/working-groups', 1);
    expect(groups.map((page) => page.map((g) => g.code))).toEqual([['WG1'], ['WG2'], ['WG3']]);
    const members = await expectContinuity(`/api/working-groups/${wg1}/members`, 50);
    expect(members.length).toBeGreaterThan(230);
  });

  it('refuses bad paging parameters with 400 naming the field', async () => {
    const paths = ['/api/people', `/api/projects/${projectId}/meetings`, `/api/projects/${projectId}/library`];
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: Array<[string, string]> = [
      ['limit=0', 'limit'],
      ['limit=-1', 'limit'],
      [`limit=${PAGE_LIMITS.max + 1}`, 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=twelve', 'limit'],
      ['cursor=not%20a%20cursor', 'cursor'],
      [`cursor=${'A'.repeat(2000)}`, 'cursor'],
      [`cursor=${forged({ not: 'a key' })}`, 'cursor'],
      [`cursor=${forged(['Paging\u0000expert', '00000000-0000-4000-8000-000000000000'])}`, 'cursor'],
      [`cursor=${forged(['yesterday', 'not-a-uuid'])}`, 'cursor'],
      [`cursor=${forged([5])}`, 'cursor'],
    ];
    for (const path of paths) {
      for (const [query, field] of cases) {
        const response = await coordinator.get(`${path}?${query}`);
        expect({ path, query, status: response.status }).toEqual({ path, query, status: 400 });
        expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
    }
    // A cursor of one list is no cursor of another.
    const people = await coordinator.get('/api/people?limit=1');
    const other = await coordinator.get(
      `/api/projects/${projectId}/meetings?cursor=${people.headers.get('x-next-cursor')}`,
    );
    expect(other.status).toBe(400);
    expect(other.body.fields.map((f: { field: string }) => f.field)).toEqual(['cursor']);
  });

  it('keeps the policy: a WG1 member paging the meetings never reaches a WG2 meeting', async () => {
    const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const meetings = (await allPages(expert, `/api/projects/${projectId}/meetings`, 7)).flat();
    const ids = meetings.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(meetings.filter((m) => m.workingGroupId === wg2)).toEqual([]);
    expect(meetings.filter((m) => m.title.startsWith('Paging meeting'))).toHaveLength(60);
    // Asking for WG2's meetings by filter gives nothing either, however it pages.
    const filtered = (await allPages(expert, `/api/projects/${projectId}/meetings?workingGroupId=${wg2}`, 7)).flat();
    expect(filtered.filter((m) => m.title.startsWith('Paging meeting'))).toEqual([]);
  });
});
