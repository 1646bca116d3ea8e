import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 13 item 3 (ADR 028): a group without a current European or Chinese co-chair is missing that co-chair
 * whether or not a vacancy was ever recorded — a group just created through the structure routes shows both
 * seats missing on the group, the coordinator's start page risks and the balance report, until appointed.
 */
describe('missing co-chairs without a recorded vacancy (real PostgreSQL)', () => {
  let t: TestApp;
  let projectId: string;
  let coordinator: HttpClient;
  const bilingual = (en: string) => ({ en, zh: `${en}（中文）` });
  type Seat = { workingGroupId: string; workingGroupCode: string; region: string; reason?: string | null };
  const seatsOf = (seats: Seat[], groupId: string) =>
    seats
      .filter((s) => s.workingGroupId === groupId)
      .map((s) => [s.workingGroupCode, s.region, s.reason ?? null])
      .sort();

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    projectId = (await coordinator.get('/api/projects')).body[0].id;
  });
  afterAll(() => t.close());

  it('flags a new group as missing both co-chairs, then only the Chinese seat once a European co-chair is appointed', async () => {
    const before = (await coordinator.get('/api/me/start')).body.risks.coChairVacancies.items as Seat[];
    expect(before).toEqual([]);

    const created = await coordinator.post(`/api/projects/${projectId}/working-groups`, {
      code: 'WG7',
      title: bilingual('Ethics'),
      aim: bilingual('Shared ethics review'),
      dimensions: [],
      guidingPartnerIds: [],
    });
    expect(created.status).toBe(201);
    const groupId: string = created.body.id;

    const group = (await coordinator.get(`/api/working-groups/${groupId}`)).body;
    expect(seatsOf(group.vacancies, groupId)).toEqual([
      ['WG7', 'china', null],
      ['WG7', 'europe', null],
    ]);
    const risks = (await coordinator.get('/api/me/start')).body.risks.coChairVacancies.items as Seat[];
    expect(seatsOf(risks, groupId)).toEqual([
      ['WG7', 'china', null],
      ['WG7', 'europe', null],
    ]);
    const balance = await coordinator.get(`/api/projects/${projectId}/balance`);
    expect(seatsOf(balance.body.vacancies, groupId)).toEqual([
      ['WG7', 'china', null],
      ['WG7', 'europe', null],
    ]);
    const csv = (await coordinator.get(`/api/projects/${projectId}/balance.csv`)).body as string;
    expect(csv).toMatch(/^WG7,co-chair-vacancy,europe,/m);
    expect(csv).toMatch(/^WG7,co-chair-vacancy,china,/m);

    const [european] = await t.dataSource.query(
      `SELECT id FROM people WHERE country IN ('DE', 'IT', 'FR', 'NL', 'ES', 'GB', 'SE', 'BE') ORDER BY display_name LIMIT 1`,
    );
    const appointed = await coordinator.post(`/api/working-groups/${groupId}/members`, {
      personId: european.id,
      role: 'co-chair',
    });
    expect(appointed.status).toBe(201);

    const after = (await coordinator.get('/api/me/start')).body.risks.coChairVacancies.items as Seat[];
    expect(seatsOf(after, groupId)).toEqual([['WG7', 'china', null]]);
    expect(seatsOf((await coordinator.get(`/api/working-groups/${groupId}`)).body.vacancies, groupId)).toEqual([
      ['WG7', 'china', null],
    ]);
  });
});
