import { evictExportCacheForTests } from '../support/export-cache';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

/** Exports as background jobs with progress, and the bounds of the export cache (ADR 031), on real PostgreSQL. */
describe('export jobs and the export cache', () => {
  let t: TestApp;
  let expert: HttpClient;
  let observer: HttpClient;
  let documentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    observer = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    [{ id: documentId }] = await t.dataSource.query(
      `SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id
        WHERE g.code = 'WG1' AND d.type = 'position-paper' ORDER BY d.created_at, d.id LIMIT 1`,
    );
    await expert.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: ['Job text 作业文本'] });
  }, 120_000);
  afterAll(() => t.close());

  it('runs an export as a job a reader polls until done, then downloads it from the cache', async () => {
    const started = await observer.post(`/api/documents/${documentId}/export-jobs`, { format: 'docx' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ documentId, format: 'docx', versionId: null, downloadUrl: null });
    const seen = new Set<number>();
    const done = await poll(
      async () => (await observer.get(`/api/documents/${documentId}/export-jobs/${started.body.id}`)).body,
      (job) => {
        seen.add(job.progress);
        return job.state === 'done' || job.state === 'failed';
      },
      'the export job to finish',
    );
    expect(done).toMatchObject({ state: 'done', progress: 100, error: null });
    expect([...seen].every((p) => p >= 0 && p <= 100)).toBe(true);
    const file = await fetch(`${t.baseUrl}${done.downloadUrl}`, { headers: { cookie: observer.cookie as string } });
    expect(file.status).toBe(200);
    expect(file.headers.get('x-export-cache')).toBe('hit');
    // Another person cannot see the job.
    expect((await expert.get(`/api/documents/${documentId}/export-jobs/${started.body.id}`)).status).toBe(404);
  });

  it('refuses bad input naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ format: 'exe' }, 'format'],
      [{}, 'format'],
      [{ format: 'pdf', versionId: 'x' }, 'versionId'],
      [{ format: 'pdf', versionId: '00000000-0000-4000-8000-000000000000' }, 'versionId'],
    ];
    for (const [body, field] of cases) {
      const response = await observer.post(`/api/documents/${documentId}/export-jobs`, body);
      expect([response.status, response.body.fields?.[0]?.field]).toEqual([400, field]);
    }
  });

  it('evicts cached files over the age bound and the oldest beyond the size bound', async () => {
    await observer.get(`/api/documents/${documentId}/export?format=md`);
    await observer.get(`/api/documents/${documentId}/export?format=html`);
    const rows = async () =>
      (await t.dataSource.query('SELECT format FROM document_exports ORDER BY created_at DESC')).map(
        (r: { format: string }) => r.format,
      );
    expect(await rows()).toEqual(expect.arrayContaining(['md', 'html', 'docx']));
    await t.dataSource.query(
      "UPDATE document_exports SET created_at = now() - interval '40 days' WHERE format = 'docx'",
    );
    await t.dataSource.query("UPDATE document_exports SET created_at = now() - interval '1 hour' WHERE format = 'md'");
    await evictExportCacheForTests(t, { maxAgeDays: 30, maxBytes: 1024 ** 3, jobMaxAgeHours: 24 });
    expect((await rows()).sort()).toEqual(['html', 'md']);
    const [{ html }] = await t.dataSource.query(
      "SELECT octet_length(bytes) AS html FROM document_exports WHERE format = 'html'",
    );
    await evictExportCacheForTests(t, { maxAgeDays: 30, maxBytes: Number(html), jobMaxAgeHours: 24 });
    expect(await rows()).toEqual(['html']);
    // An evicted export is rendered again when asked for.
    const again = await fetch(`${t.baseUrl}/api/documents/${documentId}/export?format=docx`, {
      headers: { cookie: observer.cookie as string },
    });
    expect([again.status, again.headers.get('x-export-cache')]).toEqual([200, 'miss']);
  });
});
