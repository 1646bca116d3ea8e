import type { RoadmapActionDto, RoadmapDto, RoadmapMatrixDto } from '@roundtable/contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

const demoRec = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const demoAction = (n: number) => `5eed0000-0000-4000-9000-${String(n).padStart(12, '0')}`;

describe('roadmap actions, their dependency graph and the traceability matrix (issue 16 item 5)', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let expert: HttpClient;
  let observer: HttpClient;
  let projectId: string;

  const roadmap = async (client = coordinator): Promise<RoadmapDto> => {
    const response = await client.get(`/api/projects/${projectId}/roadmap`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const matrix = async (): Promise<RoadmapMatrixDto> => {
    const response = await coordinator.get(`/api/projects/${projectId}/roadmap/matrix`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const create = async (body: Record<string, unknown>, client = coordinator): Promise<RoadmapActionDto> => {
    const response = await client.post(`/api/projects/${projectId}/roadmap/actions`, body);
    expect(response.status).toBe(201);
    return response.body;
  };
  const action = (title: string, extra: Record<string, unknown> = {}) => ({
    titleEn: title,
    titleZh: `${title}（中文）`,
    horizon: 'short',
    noRecommendationReason: 'A test action',
    ...extra,
  });
  const dependsOn = async (id: string): Promise<string[]> =>
    ((await coordinator.get(`/api/roadmap-actions/${id}`)).body as RoadmapActionDto).dependsOn;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    expert = await new HttpClient(t.baseUrl).login('wg2-expert@example.org');
    observer = await new HttpClient(t.baseUrl).login('wg1-observer@example.org');
    projectId = (await t.dataSource.query('SELECT id FROM projects'))[0].id;
    // The registry reads the demo papers after the seed commits: wait for every demo recommendation.
    await poll(
      () => matrix(),
      (m) => m.total >= 15,
      'the demo recommendations in the matrix',
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the demo roadmap draft has actions with dependencies and links, readable by every reader of the project', async () => {
    const draft = await roadmap();
    expect(draft.canEdit).toBe(true);
    expect(draft.actions.map((a) => a.id).slice(0, 5)).toEqual([1, 2, 3, 4, 5].map(demoAction));
    const monitoring = draft.actions.find((a) => a.id === demoAction(5));
    expect(monitoring?.dependsOn.sort()).toEqual([demoAction(2), demoAction(3)].sort());
    expect(monitoring?.noRecommendationReason).toMatch(/no paper recommends it/);
    expect(draft.actions.find((a) => a.id === demoAction(2))?.recommendationIds).toContain(demoRec(121));
    const asObserver = await roadmap(observer);
    expect(asObserver.canEdit).toBe(false);
    expect(asObserver.actions.length).toBe(draft.actions.length);
    expect((await observer.post(`/api/projects/${projectId}/roadmap/actions`, action('Observer'))).status).toBe(403);
  });

  it('the matrix lists every uncovered recommendation and updates after linking', async () => {
    const before = await matrix();
    expect(before.uncovered).toBe(before.rows.filter((r) => !r.covered).length);
    expect(before.uncovered).toBeGreaterThan(0);
    expect(before.rows.find((r) => r.recommendation.id === demoRec(121))?.actions.map((a) => a.id)).toEqual([
      demoAction(2),
    ]);
    expect(before.actionsWithoutRecommendation.map((a) => a.id)).toContain(demoAction(5));
    const uncovered = before.rows.find((r) => !r.covered)!.recommendation.id;

    // An expert (a roadmap editor) links it in a new action: it is covered, and one fewer is uncovered.
    const created = await create(
      { titleEn: 'Cover it', titleZh: '覆盖', startYear: 2026, endYear: 2027, recommendationIds: [uncovered] },
      expert,
    );
    expect(created).toMatchObject({ startYear: 2026, endYear: 2027, horizon: null, noRecommendationReason: null });
    const after = await matrix();
    expect(after.uncovered).toBe(before.uncovered - 1);
    const row = after.rows.find((r) => r.recommendation.id === uncovered)!;
    expect(row.covered).toBe(true);
    expect(row.actions.map((a) => a.id)).toEqual([created.id]);

    // Unlinking (with a reason instead) uncovers it again.
    const unlinked = await coordinator.patch(`/api/roadmap-actions/${created.id}`, {
      recommendationIds: [],
      noRecommendationReason: 'Moved elsewhere',
    });
    expect(unlinked.status).toBe(200);
    expect((await matrix()).uncovered).toBe(before.uncovered);
  });

  it('refuses a self-dependency with 409 naming it', async () => {
    const a = await create(action('Self A'));
    const response = await coordinator.patch(`/api/roadmap-actions/${a.id}`, { dependsOn: [a.id] });
    expect(response.status).toBe(409);
    expect(response.body.message).toContain('Self A → Self A');
    expect(response.body.fields).toEqual([
      expect.objectContaining({ field: 'dependsOn', message: `cycle: ${a.id} → ${a.id}` }),
    ]);
    expect(await dependsOn(a.id)).toEqual([]);
  });

  it('refuses a direct cycle with 409 naming its actions in order', async () => {
    const a = await create(action('Direct A'));
    const b = await create(action('Direct B', { dependsOn: [a.id] }));
    const response = await coordinator.patch(`/api/roadmap-actions/${a.id}`, { dependsOn: [b.id] });
    expect(response.status).toBe(409);
    expect(response.body.message).toContain('Direct A → Direct B → Direct A');
    expect(response.body.fields[0]).toMatchObject({
      field: 'dependsOn',
      message: `cycle: ${a.id} → ${b.id} → ${a.id}`,
    });
    expect(await dependsOn(a.id)).toEqual([]);
  });

  it('refuses an indirect cycle with 409 naming its actions in order, and accepts a diamond', async () => {
    const a = await create(action('Indirect A'));
    const b = await create(action('Indirect B', { dependsOn: [a.id] }));
    const c = await create(action('Indirect C', { dependsOn: [b.id] }));
    const response = await coordinator.patch(`/api/roadmap-actions/${a.id}`, { dependsOn: [c.id] });
    expect(response.status).toBe(409);
    expect(response.body.message).toContain('Indirect A → Indirect C → Indirect B → Indirect A');
    expect(response.body.fields[0].message).toBe(`cycle: ${a.id} → ${c.id} → ${b.id} → ${a.id}`);
    expect(await dependsOn(a.id)).toEqual([]);
    // Depending on both b and c (c already depends on b) is no cycle.
    const d = await create(action('Indirect D', { dependsOn: [b.id, c.id] }));
    expect(d.dependsOn.sort()).toEqual([b.id, c.id].sort());
  });

  it('concurrent edits cannot close a cycle between them', async () => {
    const a = await create(action('Race A'));
    const b = await create(action('Race B'));
    const results = await Promise.all([
      coordinator.patch(`/api/roadmap-actions/${a.id}`, { dependsOn: [b.id] }),
      coordinator.patch(`/api/roadmap-actions/${b.id}`, { dependsOn: [a.id] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await dependsOn(a.id)).length + (await dependsOn(b.id)).length).toBe(1);
  });

  it.each([
    [{ titleZh: '无标题', horizon: 'short', noRecommendationReason: 'x' }, 400, 'titleEn'],
    [{ titleEn: '', titleZh: '空', horizon: 'short', noRecommendationReason: 'x' }, 400, 'titleEn'],
    [{ titleEn: 'T', titleZh: 'T', noRecommendationReason: 'x' }, 400, 'horizon'],
    [{ titleEn: 'T', titleZh: 'T', horizon: 'short', startYear: 2026, noRecommendationReason: 'x' }, 400, 'horizon'],
    [{ titleEn: 'T', titleZh: 'T', horizon: 'soon', noRecommendationReason: 'x' }, 400, 'horizon'],
    [{ titleEn: 'T', titleZh: 'T', startYear: 2027, endYear: 2026, noRecommendationReason: 'x' }, 400, 'endYear'],
    [{ titleEn: 'T', titleZh: 'T', startYear: 'next', noRecommendationReason: 'x' }, 400, 'startYear'],
    [{ titleEn: 'T', titleZh: 'T', endYear: 2030, noRecommendationReason: 'x' }, 400, 'startYear'],
    [{ titleEn: 'T', titleZh: 'T', horizon: 'short' }, 400, 'noRecommendationReason'],
    [{ titleEn: 'T', titleZh: 'T', horizon: 'short', noRecommendationReason: '  ' }, 400, 'noRecommendationReason'],
    [{ titleEn: 'T', titleZh: 'T', horizon: 'short', recommendationIds: ['x'] }, 400, 'recommendationIds'],
    [
      { titleEn: 'T', titleZh: 'T', horizon: 'short', recommendationIds: ['00000000-0000-4000-8000-000000000000'] },
      400,
      'recommendationIds',
    ],
    [
      { titleEn: 'T', titleZh: 'T', horizon: 'short', noRecommendationReason: 'x', dependsOn: [demoRec(121)] },
      400,
      'dependsOn',
    ],
    [{ titleEn: 'T', titleZh: 'T', horizon: 'short', noRecommendationReason: 'x', actors: ['aliens'] }, 400, 'actors'],
  ])('refuses bad input %j with %i naming %s', async (body, status, field) => {
    const response = await coordinator.post(`/api/projects/${projectId}/roadmap/actions`, body);
    expect(response.status).toBe(status);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('switches an action from years to a horizon without clearing the years explicitly', async () => {
    const a = await create(action('Switch', { horizon: undefined, startYear: 2025, endYear: 2026 }));
    const response = await coordinator.patch(`/api/roadmap-actions/${a.id}`, { horizon: 'long' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ horizon: 'long', startYear: null, endYear: null });
  });

  it('deletes an action; the actions that depended on it no longer do', async () => {
    const a = await create(action('Gone'));
    const b = await create(action('Stays', { dependsOn: [a.id] }));
    expect((await coordinator.delete(`/api/roadmap-actions/${a.id}`)).status).toBe(204);
    expect((await coordinator.get(`/api/roadmap-actions/${a.id}`)).status).toBe(404);
    expect(await dependsOn(b.id)).toEqual([]);
  });

  it('exports the matrix as CSV through the one CSV writer, parsed back to the same rows', async () => {
    const json = await matrix();
    const response = await coordinator.get(`/api/projects/${projectId}/roadmap/matrix.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = String(response.body);
    // (fetch's text() drops the BOM the writer puts first for Excel.)
    const [header, ...rows]: string[][] = parseCsv(text, { bom: true });
    expect(header[0]).toBe('id');
    expect(rows.map((r) => r[0])).toEqual(json.rows.map((r) => r.recommendation.id));
    const covered = rows.find((r) => r[0] === demoRec(121))!;
    expect(covered[6]).toBe('yes · 是');
    expect(covered[7]).toContain('Fund interoperable data infrastructures for clinical research');
    expect(rows.filter((r) => r[6] === 'no · 否').length).toBe(json.uncovered);
    expect(text).toContain('建立国家级精准医学数据共享平台');
  });
});
