import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 13 item 3: each group keeps one European and one Chinese co-chair. Every route that ends or lowers a
 * co-chair's membership is refused unless it names a successor from the same region or a coordinator records
 * a vacancy; a vacancy shows on the group and the balance report until a co-chair of that region is appointed.
 */
describe('the co-chair rule holds on every route (real PostgreSQL)', () => {
  let t: TestApp;
  let wg: Record<string, string>;
  let projectId: string;
  const clients: Record<string, HttpClient> = {};

  async function as(email: string): Promise<HttpClient> {
    clients[email] ??= await new HttpClient(t.baseUrl).login(email);
    return clients[email];
  }
  async function personId(email: string): Promise<string> {
    return (await t.dataSource.query('SELECT id FROM people WHERE email = $1', [email]))[0].id;
  }
  /** A current expert of the group based in the given region. */
  async function expertOf(code: string, region: 'europe' | 'china'): Promise<string> {
    const [row] = await t.dataSource.query(
      `SELECT m.person_id FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.working_group_id = $1 AND m.role = 'expert' AND m.left_on IS NULL
          AND (p.country = 'CN') = $2 AND p.country NOT IN ('CA', 'US')
        ORDER BY p.display_name LIMIT 1`,
      [wg[code], region === 'china'],
    );
    return row.person_id;
  }
  async function membership(code: string, person: string): Promise<{ role: string; left_on: string | null }[]> {
    return t.dataSource.query(
      'SELECT role, left_on FROM memberships WHERE working_group_id = $1 AND person_id = $2 ORDER BY joined_on',
      [wg[code], person],
    );
  }
  async function openVacancies(): Promise<number> {
    return (await t.dataSource.query('SELECT count(*)::int AS n FROM co_chair_vacancies WHERE filled_at IS NULL'))[0].n;
  }
  function expectRefused(response: { status: number; body: any }): void {
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CO_CHAIR_RULE');
    expect(response.body.message).toMatch(/successor based in Europe \(successorPersonId\).*vacancyReason/);
    expect(response.body.fields).toEqual([
      expect.objectContaining({
        field: 'successorPersonId',
        code: 'coChairSuccessorRequired',
        params: { region: 'europe' },
      }),
    ]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    const coordinator = await as('coordinator@example.org');
    const groups = (await coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>;
    wg = Object.fromEntries(groups.map((g) => [g.code, g.id]));
    projectId = (await coordinator.get('/api/projects')).body[0].id;
  });
  afterAll(() => t.close());

  it('refuses to demote, remove or end the membership of a co-chair without a successor or a vacancy', async () => {
    const coordinator = await as('coordinator@example.org');
    const coChair = await personId('wg1-eu-cochair@example.org');
    const path = `/api/working-groups/${wg.WG1}/members/${coChair}`;
    expectRefused(await coordinator.request('PATCH', path, { role: 'expert' }));
    expectRefused(await coordinator.request('PATCH', path, { role: 'observer' }));
    expectRefused(await coordinator.request('DELETE', path));
    expectRefused(await coordinator.request('DELETE', path, {}));
    expectRefused(await coordinator.request('PATCH', path, { leftOn: new Date().toISOString().slice(0, 10) }));
    // Adding a current co-chair again with a lower role is a role change too.
    expectRefused(
      await coordinator.post(`/api/working-groups/${wg.WG1}/members`, { personId: coChair, role: 'expert' }),
    );
    // A co-chair stepping down themselves is held to the same rule.
    expectRefused(await (await as('wg1-eu-cochair@example.org')).request('PATCH', path, { role: 'expert' }));
    expect(await membership('WG1', coChair)).toEqual([{ role: 'co-chair', left_on: null }]);
    expect(await openVacancies()).toBe(0);
  });

  it('refuses moving a co-chair to another region through their profile, naming the field', async () => {
    const client = await as('wg1-eu-cochair@example.org');
    const me = (await client.get('/api/people/me')).body;
    const moved = await client.request('PATCH', `/api/people/${me.id}`, { country: 'CN' });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toMatch(/^WG1: Co-chair rule/);
    expect(moved.body.fields).toEqual([expect.objectContaining({ field: 'country', code: 'coChairRegionChange' })]);
    expect((await client.get('/api/people/me')).body.country).toBe(me.country);
    // Within the same region the profile changes freely.
    const sameRegion = me.country === 'IT' ? 'FR' : 'IT';
    expect((await client.request('PATCH', `/api/people/${me.id}`, { country: sameRegion })).status).toBe(200);
  });

  it('refuses a successor from the other region, and hands over to one from the same region in one request', async () => {
    const coordinator = await as('coordinator@example.org');
    const outgoing = await personId('wg2-eu-cochair@example.org');
    const chinese = await expertOf('WG2', 'china');
    const european = await expertOf('WG2', 'europe');
    const path = `/api/working-groups/${wg.WG2}/members/${outgoing}`;
    const wrong = await coordinator.request('PATCH', path, { role: 'expert', successorPersonId: chinese });
    expect(wrong.status).toBe(409);
    expect(wrong.body.fields).toEqual([
      expect.objectContaining({ field: 'successorPersonId', code: 'coChairSuccessorRegion' }),
    ]);
    const self = await coordinator.request('PATCH', path, { role: 'expert', successorPersonId: outgoing });
    expect([self.status, self.body.fields[0].field]).toEqual([400, 'successorPersonId']);
    expect(await membership('WG2', outgoing)).toEqual([{ role: 'co-chair', left_on: null }]);

    // The co-chair steps down themselves, naming their successor.
    const handedOver = await (
      await as('wg2-eu-cochair@example.org')
    ).request('PATCH', path, { role: 'expert', successorPersonId: european });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ role: 'expert', region: 'europe' });
    expect(await membership('WG2', european)).toEqual([{ role: 'co-chair', left_on: null }]);
    const coChairs = (await coordinator.get(`/api/working-groups/${wg.WG2}`)).body.members.filter(
      (m: { role: string }) => m.role === 'co-chair',
    );
    expect(coChairs.map((m: { region: string }) => m.region).sort()).toEqual(['china', 'europe']);
    expect(await openVacancies()).toBe(0);
  });

  it('ends a co-chair membership on a date when the successor is named in the same request', async () => {
    const coordinator = await as('coordinator@example.org');
    const outgoing = await personId('wg3-cn-cochair@example.org');
    const successor = await expertOf('WG3', 'china');
    const path = `/api/working-groups/${wg.WG3}/members/${outgoing}`;
    const future = await coordinator.request('PATCH', path, { leftOn: '2999-01-01', successorPersonId: successor });
    expect([future.status, future.body.fields[0].field]).toEqual([400, 'leftOn']);
    const today = new Date().toISOString().slice(0, 10);
    const ended = await coordinator.request('PATCH', path, { leftOn: today, successorPersonId: successor });
    expect(ended.status).toBe(200);
    expect(ended.body.leftOn).toBe(today);
    expect(await membership('WG3', outgoing)).toEqual([{ role: 'co-chair', left_on: expect.anything() }]);
    expect(await membership('WG3', successor)).toEqual([{ role: 'co-chair', left_on: null }]);
  });

  it('lets only a coordinator confirm a vacancy, shows it on the group and the balance report, and fills it on appointment', async () => {
    const outgoing = await personId('wg1-eu-cochair@example.org');
    const path = `/api/working-groups/${wg.WG1}/members/${outgoing}`;
    const byCoChair = await (
      await as('wg1-cn-cochair@example.org')
    ).request('DELETE', path, { vacancyReason: 'Left the partner institution' });
    expect(byCoChair.status).toBe(403);
    expect(byCoChair.body.fields[0].field).toBe('vacancyReason');
    const empty = await (await as('coordinator@example.org')).request('DELETE', path, { vacancyReason: '   ' });
    expect([empty.status, empty.body.fields[0].field]).toEqual([400, 'vacancyReason']);
    expect(await membership('WG1', outgoing)).toEqual([{ role: 'co-chair', left_on: null }]);

    const coordinator = await as('coordinator@example.org');
    expect((await coordinator.request('DELETE', path, { vacancyReason: 'Left the partner institution' })).status).toBe(
      204,
    );
    expect((await membership('WG1', outgoing))[0].left_on).not.toBeNull();

    const group = (await (await as('wg1-expert@example.org')).get(`/api/working-groups/${wg.WG1}`)).body;
    expect(group.vacancies).toEqual([
      expect.objectContaining({
        workingGroupCode: 'WG1',
        region: 'europe',
        reason: 'Left the partner institution',
        previousDisplayName: expect.any(String),
      }),
    ]);
    const report = (await coordinator.get(`/api/projects/${projectId}/balance`)).body;
    expect(
      report.vacancies.map((v: { workingGroupCode: string; region: string }) => [v.workingGroupCode, v.region]),
    ).toEqual([['WG1', 'europe']]);

    // A Chinese appointment leaves the European seat vacant; a European one fills it.
    const european = await expertOf('WG1', 'europe');
    const promoted = await coordinator.request('PATCH', `/api/working-groups/${wg.WG1}/members/${european}`, {
      role: 'co-chair',
    });
    expect(promoted.status).toBe(200);
    expect((await coordinator.get(`/api/working-groups/${wg.WG1}`)).body.vacancies).toEqual([]);
    expect((await coordinator.get(`/api/projects/${projectId}/balance`)).body.vacancies).toEqual([]);
    const [filled] = await t.dataSource.query(
      'SELECT filled_by_person_id FROM co_chair_vacancies WHERE working_group_id = $1',
      [wg.WG1],
    );
    expect(filled.filled_by_person_id).toBe(european);
  });

  it('refuses a handover where no co-chair seat is left', async () => {
    const expert = await expertOf('WG1', 'china');
    const response = await (
      await as('coordinator@example.org')
    ).request('PATCH', `/api/working-groups/${wg.WG1}/members/${expert}`, { role: 'observer', vacancyReason: 'x' });
    expect([response.status, response.body.fields[0].field]).toEqual([400, 'vacancyReason']);
  });
});
