import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Editing a milestone or deliverable after creation (issue 13 item 4, ADR 035) over HTTP on real PostgreSQL:
 * coordinators only (declared route policy), bad input names the field, the number stays unique per project,
 * and a new due month is kept in the history as a re-baseline with its reason.
 */
describe('editing a plan item', () => {
  let t: TestApp;
  let projectId: string;
  let coordinator: HttpClient;
  let coChair: HttpClient;
  let deliverableId: string;
  let milestoneId: string;
  const as = (email: string) => new HttpClient(t.baseUrl).login(email);
  const edit = (client: HttpClient, id: string, body: unknown) => client.request('PUT', `/api/plan-items/${id}`, body);
  const valid = { number: 'D8.1', titleEn: 'Survey report', titleZh: '调查报告', dueMonth: 'M20' };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await as('coordinator@example.org');
    coChair = await as('wg1-eu-cochair@example.org');
    projectId = (await coordinator.get('/api/projects')).body[0].id;
    const create = async (body: Record<string, unknown>) => {
      const response = await coordinator.post(`/api/projects/${projectId}/plan/items`, body);
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    deliverableId = await create({
      kind: 'deliverable',
      number: 'D8.1',
      titleEn: 'Survey',
      titleZh: '调查',
      dueMonth: 18,
    });
    milestoneId = await create({ kind: 'milestone', number: 'MS8', titleEn: 'Kick-off', titleZh: '启动', dueMonth: 6 });
  });
  afterAll(() => t.close());

  it('lets a coordinator change number, titles, due month and type, recording the new month with its reason', async () => {
    const edited = await edit(coordinator, deliverableId, {
      ...valid,
      number: 'D8.2',
      type: 'other',
      reason: 'Fieldwork takes longer',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: deliverableId,
      number: 'D8.2',
      title: { en: 'Survey report', zh: '调查报告' },
      dueMonth: 20,
      type: 'other',
      rebaselines: [expect.objectContaining({ fromMonth: 18, toMonth: 20, reason: 'Fieldwork takes longer' })],
    });
    const [row] = await t.dataSource.query('SELECT number, title_en, due_month, type FROM plan_items WHERE id = $1', [
      deliverableId,
    ]);
    expect(row).toEqual({ number: 'D8.2', title_en: 'Survey report', due_month: 20, type: 'other' });

    const renamed = await edit(coordinator, milestoneId, {
      number: 'MS8',
      titleEn: 'Launch',
      titleZh: '启动会',
      dueMonth: 6,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      number: 'MS8',
      title: { en: 'Launch' },
      dueMonth: 6,
      type: null,
      rebaselines: [],
    });
  });

  it('refuses everyone but coordinators', async () => {
    const response = await edit(coChair, deliverableId, { ...valid, number: 'D8.9', dueMonth: 20 });
    expect(response.status).toBe(403);
    const [row] = await t.dataSource.query('SELECT number FROM plan_items WHERE id = $1', [deliverableId]);
    expect(row.number).toBe('D8.2');
  });

  it.each([
    ['a number with spaces', { ...valid, number: 'D 8' }, 'number'],
    ['a blank English title', { ...valid, titleEn: '  ' }, 'titleEn'],
    ['no Chinese title', { number: 'D8.2', titleEn: 'X', dueMonth: 20 }, 'titleZh'],
    ['a month beyond the project', { ...valid, dueMonth: 99, reason: 'Later' }, 'dueMonth'],
    ['an unknown type', { ...valid, dueMonth: 20, type: 'film' }, 'type'],
    ['a new month without a reason', { ...valid, number: 'D8.2', dueMonth: 22 }, 'reason'],
  ])('answers 400 naming the field for %s', async (_label, body, field) => {
    const response = await edit(coordinator, deliverableId, body);
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('answers 400 naming type for a milestone', async () => {
    const response = await edit(coordinator, milestoneId, {
      number: 'MS8',
      titleEn: 'X',
      titleZh: 'X',
      dueMonth: 6,
      type: 'report',
    });
    expect([response.status, response.body.fields[0].field]).toEqual([400, 'type']);
  });

  it('answers 409 with a code when the number is taken in the project, and changes nothing', async () => {
    const response = await edit(coordinator, deliverableId, {
      ...valid,
      number: 'MS8',
      dueMonth: 20,
      titleEn: 'Taken',
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(response.body.fields[0].field).toBe('number');
    const [row] = await t.dataSource.query('SELECT number, title_en FROM plan_items WHERE id = $1', [deliverableId]);
    expect(row).toEqual({ number: 'D8.2', title_en: 'Survey report' });
  });
});
