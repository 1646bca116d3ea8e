import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('projects, working groups and documents respect access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function documentsOf(email: string) {
    const client = await new HttpClient(t.baseUrl).login(email);
    const response = await client.get('/api/documents');
    expect(response.status).toBe(200);
    return response.body as Array<{
      id: string;
      title: { en: string };
      workingGroupCode: string | null;
      type: string;
      access: string;
    }>;
  }

  it('seeds the IC2PerMed demo: 48-month project from 2020-01-01, six partners, three WGs with guiding partners', async () => {
    const client = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const projects = (await client.get('/api/projects')).body;
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ startDate: '2020-01-01', durationMonths: 48 });
    expect(projects[0].partners.map((p: { shortName: string }) => p.shortName).sort()).toEqual([
      'BGI',
      'FTELE',
      'NCC',
      'S2i',
      'Tsinghua',
      'UCSC',
    ]);
    const groups = (await client.get('/api/working-groups')).body;
    expect(
      groups.map((g: { code: string; guidingPartners: Array<{ shortName: string }> }) => [
        g.code,
        g.guidingPartners.map((p) => p.shortName).sort(),
      ]),
    ).toEqual([
      ['WG1', ['Tsinghua', 'UCSC']],
      ['WG2', ['BGI', 'S2i']],
      ['WG3', ['FTELE', 'NCC']],
    ]);
    expect(groups[0].title).toEqual({ en: 'Shaping sustainable healthcare', zh: '塑造可持续的医疗' });
  });

  it('gives the coordinator six position papers (two per WG), the strategic workplan and the roadmap, all writable', async () => {
    const documents = await documentsOf('coordinator@example.org');
    const papers = documents.filter((d) => d.type === 'position-paper');
    expect(papers).toHaveLength(6);
    for (const wg of ['WG1', 'WG2', 'WG3']) expect(papers.filter((d) => d.workingGroupCode === wg)).toHaveLength(2);
    expect(documents.filter((d) => d.type === 'strategic-workplan')).toHaveLength(1);
    expect(documents.filter((d) => d.type === 'roadmap')).toHaveLength(1);
    expect(documents.every((d) => d.access === 'write')).toBe(true);
  });

  it('lets an expert read every WG document but write only their own WG', async () => {
    const documents = await documentsOf('wg2-expert@example.org');
    expect(documents).toHaveLength(8);
    const writable = documents.filter((d) => d.access === 'write');
    expect(writable.filter((d) => d.type === 'position-paper').every((d) => d.workingGroupCode === 'WG2')).toBe(true);
    expect(documents.filter((d) => d.workingGroupCode === 'WG1').every((d) => d.access === 'read')).toBe(true);
  });

  it('gives observers read-only access to everything', async () => {
    const documents = await documentsOf('wg1-observer@example.org');
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((d) => d.access === 'read')).toBe(true);
  });

  it('shows nothing to an account that belongs to no working group, and 404s its direct reads', async () => {
    const { AuthService } = await import('@roundtable/api-auth');
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('outsider@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword('outsider-password')],
    );
    const outsider = await new HttpClient(t.baseUrl).login('outsider@example.org', 'outsider-password');
    expect((await outsider.get('/api/documents')).body).toEqual([]);
    expect((await outsider.get('/api/projects')).body).toEqual([]);
    const [paper] = await documentsOf('coordinator@example.org');
    const direct = await outsider.get(`/api/documents/${paper.id}`);
    expect(direct.status).toBe(404);
    expect((await outsider.get(`/api/documents/${paper.id}/content`)).status).toBe(404);
  });

  it('returns a working group with its members by role and region, and its documents', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
    const [wg1] = (await client.get('/api/working-groups')).body;
    const detail = await client.get(`/api/working-groups/${wg1.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.myRole).toBe('co-chair');
    expect(
      detail.body.members
        .slice(0, 2)
        .map((m: { role: string; region: string }) => [m.role, m.region])
        .sort(),
    ).toEqual([
      ['co-chair', 'china'],
      ['co-chair', 'europe'],
    ]);
    expect(detail.body.documents).toHaveLength(2);
  });

  it('rejects malformed ids with a 400 naming the field, and unknown ids with 404', async () => {
    const client = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const bad = await client.get('/api/documents/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([{ field: 'id', code: 'isUuid', message: 'id must be a UUID' }]);
    const badQuery = await client.get('/api/documents?workingGroupId=x');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.fields[0].field).toBe('workingGroupId');
    const unknown = await client.get('/api/working-groups/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });

  it('seeding again changes nothing (idempotent)', async () => {
    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM partners) + (SELECT count(*) FROM documents)
            + (SELECT count(*) FROM users) + (SELECT count(*) FROM memberships) AS n`,
        )
      )[0].n;
    const before = await count();
    const { seedDemo } = await import('@roundtable/api-demo');
    await Promise.all([seedDemo(t.dataSource), seedDemo(t.dataSource)]);
    expect(await count()).toBe(before);
  });
});
