import { CollabCloseCode } from '@roundtable/contracts';
import { appendParagraph, connectCollab, fragmentText, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('working groups, membership and the co-chair rule (real PostgreSQL)', () => {
  let t: TestApp;
  let wg: Record<string, string>;
  const clients: Record<string, HttpClient> = {};

  async function as(email: string): Promise<HttpClient> {
    clients[email] ??= await new HttpClient(t.baseUrl).login(email);
    return clients[email];
  }

  async function personId(email: string): Promise<string> {
    return (await t.dataSource.query('SELECT id FROM people WHERE email = $1', [email]))[0].id;
  }

  async function memberRows(): Promise<number> {
    return (await t.dataSource.query('SELECT count(*)::int AS n FROM memberships'))[0].n;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const groups = (await (await as('coordinator@example.org')).get('/api/working-groups')).body as Array<{
      id: string;
      code: string;
    }>;
    wg = Object.fromEntries(groups.map((g) => [g.code, g.id]));
  });
  afterAll(() => t.close());

  it('shows each group with its dimensions, guiding partners and co-chairs from both regions', async () => {
    const detail = (await (await as('wg3-expert@example.org')).get(`/api/working-groups/${wg.WG1}`)).body;
    expect(detail.dimensions.map((d: { title: { en: string } }) => d.title.en)).toEqual([
      'Awareness and empowerment',
      'Education and curricula',
      'PM in sustainable healthcare',
    ]);
    expect(detail.dimensions[0].focus.zh).toContain('公民');
    const coChairs = detail.members.filter((m: { role: string }) => m.role === 'co-chair');
    expect(coChairs.map((m: { region: string }) => m.region).sort()).toEqual(['china', 'europe']);
  });

  it('seeds 35 placeholder experts split 75/20/5 between Europe, China and Canada', async () => {
    const rows = await t.dataSource.query(
      "SELECT country, count(*)::int AS n FROM people WHERE email LIKE 'expert__@example.org' GROUP BY 1",
    );
    const byRegion = { europe: 0, china: 0, other: 0 };
    for (const row of rows)
      byRegion[row.country === 'CN' ? 'china' : row.country === 'CA' ? 'other' : 'europe'] += row.n;
    expect(byRegion).toEqual({ europe: 26, china: 7, other: 2 });
  });

  it('refuses a second European co-chair with a 409 naming the rule, and changes nothing', async () => {
    const expert = await personId('wg1-expert@example.org'); // based in DE
    const before = await memberRows();
    const response = await (
      await as('coordinator@example.org')
    ).request('PATCH', `/api/working-groups/${wg.WG1}/members/${expert}`, { role: 'co-chair' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CO_CHAIR_RULE');
    expect(response.body.message).toMatch(/Co-chair rule: .*already has a co-chair based in Europe/);
    expect(await memberRows()).toBe(before);
    const [row] = await t.dataSource.query('SELECT role FROM memberships WHERE person_id = $1 AND left_on IS NULL', [
      expert,
    ]);
    expect(row.role).toBe('expert');
  });

  it('refuses a co-chair based outside Europe and China', async () => {
    const canadian = (
      await t.dataSource.query(
        "SELECT m.person_id, wg.code FROM memberships m JOIN people p ON p.id = m.person_id JOIN working_groups wg ON wg.id = m.working_group_id WHERE p.country = 'CA' LIMIT 1",
      )
    )[0];
    const response = await (
      await as('coordinator@example.org')
    ).request('PATCH', `/api/working-groups/${wg[canadian.code]}/members/${canadian.person_id}`, { role: 'co-chair' });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/based elsewhere/);
  });

  it('hands over: the EU co-chair steps down naming a European successor, and no longer manages the group', async () => {
    const coChair = await as('wg2-eu-cochair@example.org');
    const [successor, other] = (
      await t.dataSource.query(
        "SELECT m.person_id FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.working_group_id = $1 AND m.role = 'expert' AND p.country = 'IT' ORDER BY p.display_name LIMIT 2",
        [wg.WG2],
      )
    ).map((r: { person_id: string }) => r.person_id);
    const self = await personId('wg2-eu-cochair@example.org');
    const alone = await coChair.request('PATCH', `/api/working-groups/${wg.WG2}/members/${self}`, { role: 'expert' });
    expect([alone.status, alone.body.code]).toEqual([409, 'CO_CHAIR_RULE']);
    expect(
      (
        await coChair.request('PATCH', `/api/working-groups/${wg.WG2}/members/${self}`, {
          role: 'expert',
          successorPersonId: successor,
        })
      ).status,
    ).toBe(200);
    // Having stepped down, the former co-chair no longer manages the group.
    expect(
      (await coChair.request('PATCH', `/api/working-groups/${wg.WG2}/members/${other}`, { role: 'observer' })).status,
    ).toBe(403);
    const members = (await (await as('coordinator@example.org')).get(`/api/working-groups/${wg.WG2}/members`)).body;
    expect(members.find((m: { personId: string }) => m.personId === successor)).toMatchObject({
      role: 'co-chair',
      region: 'europe',
      workingGroupCode: 'WG2',
    });
  });

  it('lets only coordinators and that group’s co-chairs manage members', async () => {
    const target = await personId('wg1-observer@example.org');
    for (const email of ['wg1-expert@example.org', 'wg1-observer@example.org', 'wg3-cn-cochair@example.org']) {
      const response = await (
        await as(email)
      ).request('PATCH', `/api/working-groups/${wg.WG1}/members/${target}`, { role: 'expert' });
      expect([email, response.status]).toEqual([email, 403]);
    }
  });

  it('keeps history when a member leaves, and lets them rejoin', async () => {
    const coChair = await as('wg3-eu-cochair@example.org');
    const observer = await personId('wg3-observer@example.org');
    expect((await coChair.request('DELETE', `/api/working-groups/${wg.WG3}/members/${observer}`)).status).toBe(204);
    const current = (await coChair.get(`/api/working-groups/${wg.WG3}/members`)).body;
    expect(current.some((m: { personId: string }) => m.personId === observer)).toBe(false);
    const history = (await coChair.get(`/api/working-groups/${wg.WG3}/members?includePast=true`)).body;
    const past = history.find((m: { personId: string }) => m.personId === observer);
    expect(past.leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await coChair.request('DELETE', `/api/working-groups/${wg.WG3}/members/${observer}`)).status).toBe(404);
    const back = await coChair.post(`/api/working-groups/${wg.WG3}/members`, { personId: observer, role: 'observer' });
    expect(back.status).toBe(201);
    const rows = await t.dataSource.query(
      'SELECT left_on FROM memberships WHERE person_id = $1 AND working_group_id = $2 ORDER BY joined_on, left_on NULLS LAST',
      [observer, wg.WG3],
    );
    expect(rows).toHaveLength(2);
  });

  it('rejects bad member input with 400 naming the field', async () => {
    const coordinator = await as('coordinator@example.org');
    const badRole = await coordinator.post(`/api/working-groups/${wg.WG1}/members`, {
      personId: await personId('wg2-expert@example.org'),
      role: 'chief',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.fields[0].field).toBe('role');
    const unknownPerson = await coordinator.post(`/api/working-groups/${wg.WG1}/members`, {
      personId: '00000000-0000-4000-8000-000000000000',
      role: 'expert',
    });
    expect(unknownPerson.status).toBe(400);
    expect(unknownPerson.body.fields[0].field).toBe('personId');
  });

  describe('people directory and profiles', () => {
    it('filters by working group, region, sector and expertise, and searches names', async () => {
      const client = await as('wg1-expert@example.org');
      const chinese = (await client.get(`/api/people?region=china&workingGroupId=${wg.WG2}`)).body;
      expect(chinese.length).toBeGreaterThan(0);
      expect(
        chinese.every(
          (p: { region: string; memberships: Array<{ workingGroupCode: string; leftOn: string | null }> }) =>
            p.region === 'china' && p.memberships.some((m) => m.workingGroupCode === 'WG2' && m.leftOn === null),
        ),
      ).toBe(true);
      const genomics = (await client.get('/api/people?expertise=Genomics')).body;
      expect(genomics.length).toBeGreaterThan(0);
      expect(genomics.every((p: { expertise: string[] }) => p.expertise.includes('genomics'))).toBe(true);
      const funders = (await client.get('/api/people?sector=funding-agency')).body;
      expect(funders.every((p: { sector: string }) => p.sector === 'funding-agency')).toBe(true);
      const found = (await client.get('/api/people?q=China%20co-chair')).body;
      expect(found.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
        'WG1 China co-chair',
        'WG2 China co-chair',
        'WG3 China co-chair',
      ]);
      expect((await client.get('/api/people?region=mars')).status).toBe(400);
    });

    it('hides contact details and gender from other members but shows them to coordinators and the person', async () => {
      const someone = await personId('expert05@example.org');
      const byExpert = (await (await as('wg1-expert@example.org')).get(`/api/people/${someone}`)).body;
      expect(byExpert.email).toBeNull();
      expect(byExpert.gender).toBeNull();
      const byCoordinator = (await (await as('coordinator@example.org')).get(`/api/people/${someone}`)).body;
      expect(byCoordinator.email).toBe('expert05@example.org');
      const me = (await (await as('wg1-expert@example.org')).get('/api/people/me')).body;
      expect(me).toMatchObject({ email: 'wg1-expert@example.org', editable: true });
    });

    it('lets people edit their own profile only, validating every field', async () => {
      const client = await as('wg2-expert@example.org');
      const me = (await client.get('/api/people/me')).body;
      const updated = await client.request('PATCH', `/api/people/${me.id}`, {
        country: 'FR',
        timeZone: 'Europe/Paris',
        sector: 'industry',
        expertise: ['regulation', 'HTA'],
        locale: 'zh-CN',
        gender: 'female',
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        country: 'FR',
        region: 'europe',
        timeZone: 'Europe/Paris',
        sector: 'industry',
        expertise: ['regulation', 'HTA'],
        locale: 'zh-CN',
      });
      expect((await client.get('/api/auth/me')).body.locale).toBe('zh-CN');

      const bad = await client.request('PATCH', `/api/people/${me.id}`, {
        country: 'XX',
        timeZone: 'Mars/Olympus',
        displayName: 'x'.repeat(500),
        sector: 'magic',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'country',
        'displayName',
        'sector',
        'timeZone',
      ]);
      expect((await client.get('/api/people/me')).body.country).toBe('FR');

      const other = await personId('wg2-observer@example.org');
      const forbidden = await client.request('PATCH', `/api/people/${other}`, { displayName: 'Hijacked' });
      expect(forbidden.status).toBe(403);
    });

    it('refuses a profile change that would break the co-chair rule', async () => {
      const client = await as('wg1-cn-cochair@example.org');
      const me = (await client.get('/api/people/me')).body;
      const moved = await client.request('PATCH', `/api/people/${me.id}`, { country: 'IT' });
      expect(moved.status).toBe(409);
      expect(moved.body.message).toMatch(/^WG1: Co-chair rule/);
      expect((await client.get('/api/people/me')).body.country).toBe('CN');
    });
  });

  describe('balance report', () => {
    it('counts members per group and overall against the target, with gaps, and exports CSV', async () => {
      const client = await as('wg3-observer@example.org');
      const projectId = (await client.get('/api/projects')).body[0].id;
      const report = (await client.get(`/api/projects/${projectId}/balance`)).body;
      expect(report.target).toEqual({ europe: 0.5, china: 0.5, other: 0 });
      const all = report.groups.find((g: { code: string }) => g.code === 'ALL');
      const [{ n }] = await t.dataSource.query(
        'SELECT count(DISTINCT m.person_id)::int AS n FROM memberships m WHERE m.left_on IS NULL',
      );
      expect(all.total).toBe(n);
      const europe = all.regionGap.find((g: { region: string }) => g.region === 'europe');
      expect(europe.gap).toBeCloseTo(europe.actual - 0.5, 3);
      expect(europe.actual).toBeGreaterThan(0.5);
      const regionCount = all.byRegion.reduce((sum: number, s: { count: number }) => sum + s.count, 0);
      expect(regionCount).toBe(all.total);

      const csv = await fetch(`${t.baseUrl}/api/projects/${projectId}/balance.csv`, {
        headers: { cookie: client.cookie! },
      });
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toBe('group,dimension,value,count,share,target,gap,note');
      expect(lines).toContain(
        `ALL,region,europe,${europe.actual === 0 ? 0 : all.byRegion.find((s: { key: string }) => s.key === 'europe').count},${europe.actual.toFixed(3)},0.500,${europe.gap.toFixed(3)},`,
      );
    });

    it('lets only coordinators set the target, which must add up to 1', async () => {
      const projectId = (await (await as('coordinator@example.org')).get('/api/projects')).body[0].id;
      const byExpert = await (
        await as('wg1-expert@example.org')
      ).request('PUT', `/api/projects/${projectId}/balance-target`, { europe: 0.4, china: 0.4, other: 0.2 });
      expect(byExpert.status).toBe(403);
      const wrongSum = await (
        await as('coordinator@example.org')
      ).request('PUT', `/api/projects/${projectId}/balance-target`, { europe: 0.6, china: 0.6, other: 0 });
      expect(wrongSum.status).toBe(400);
      const ok = await (
        await as('coordinator@example.org')
      ).request('PUT', `/api/projects/${projectId}/balance-target`, { europe: 0.4, china: 0.4, other: 0.2 });
      expect(ok.status).toBe(200);
      expect(
        (await (await as('coordinator@example.org')).get(`/api/projects/${projectId}/balance`)).body.target,
      ).toEqual({ europe: 0.4, china: 0.4, other: 0.2 });
    });
  });

  describe('open sockets follow membership changes at once', () => {
    it('closes a removed member’s socket with 4409 and makes a demoted member read-only', async () => {
      const paper = (await (await as('coordinator@example.org')).get(`/api/documents?workingGroupId=${wg.WG1}`)).body[0]
        .id;
      const removedEmail = 'expert01@example.org';
      await t.dataSource.query(
        "INSERT INTO users (email, password_hash, display_name, platform_role, person_id) SELECT email, (SELECT password_hash FROM users WHERE email = 'coordinator@example.org'), display_name, 'member', id FROM people WHERE email IN ('expert01@example.org', 'expert04@example.org')",
      );
      const removed = connectCollab(t.baseUrl, paper, (await as(removedEmail)).cookie);
      const demoted = connectCollab(t.baseUrl, paper, (await as('expert04@example.org')).cookie);
      const watcher = connectCollab(t.baseUrl, paper, (await as('coordinator@example.org')).cookie);
      try {
        await Promise.all([
          waitForSync(removed.provider),
          waitForSync(demoted.provider),
          waitForSync(watcher.provider),
        ]);
        let closeCode: number | null = null;
        removed.provider.on('connection-close', (event) => (closeCode = event?.code ?? null));
        const coordinator = await as('coordinator@example.org');
        expect(
          (await coordinator.request('DELETE', `/api/working-groups/${wg.WG1}/members/${await personId(removedEmail)}`))
            .status,
        ).toBe(204);
        await waitFor(() => closeCode !== null, 1000, 'close of the removed member');
        expect(closeCode).toBe(CollabCloseCode.AccessRevoked);

        expect(
          (
            await coordinator.request(
              'PATCH',
              `/api/working-groups/${wg.WG1}/members/${await personId('expert04@example.org')}`,
              { role: 'observer' },
            )
          ).status,
        ).toBe(200);
        await new Promise((r) => setTimeout(r, 300));
        appendParagraph(demoted.doc, 'written after demotion');
        appendParagraph(watcher.doc, 'coordinator still writes');
        await waitFor(() => fragmentText(demoted.doc).includes('coordinator still writes'), 5000, 'relay');
        await new Promise((r) => setTimeout(r, 200));
        expect(fragmentText(watcher.doc)).not.toContain('written after demotion');
      } finally {
        removed.provider.destroy();
        demoted.provider.destroy();
        watcher.provider.destroy();
      }
    });
  });
});
