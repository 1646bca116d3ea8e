import { Clock } from '@roundtable/api-platform';
import { PlanService } from '@roundtable/api-deliverables';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

interface Item {
  id: string;
  kind: 'milestone' | 'deliverable';
  number: string;
  dueMonth: number;
  dueDate: string;
  status: string | null;
  risk: string;
  readiness: { share: number; readyCount: number; total: number; ready: boolean };
  leadPartner: { shortName: string } | null;
  taskCode: string | null;
  workPackageCode: string | null;
  title: { en: string; zh: string };
}

/** RFC 4180 parser (quoted cells, doubled quotes, CRLF), enough to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('milestones and deliverables', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let wg1CoChair: HttpClient;
  let wg2CoChair: HttpClient;
  let wg1Expert: HttpClient;
  let advisory: HttpClient;
  let projectId: string;
  const item = {} as Record<'MS1' | 'D2.2' | 'D2.3', Item>;
  const docs = {} as Record<string, { id: string; status: string; workingGroupCode: string | null; type: string }>;

  const dashboard = async (client = coordinator) => (await client.get(`/api/projects/${projectId}/plan`)).body;
  const itemRow = async (id: string) =>
    (await t.dataSource.query('SELECT status, due_month FROM plan_items WHERE id = $1', [id]))[0];
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM plan_items)::int AS items, (SELECT count(*) FROM plan_item_status_changes)::int AS changes,
              (SELECT count(*) FROM plan_item_rebaselines)::int AS rebaselines, (SELECT count(*) FROM document_status_changes)::int AS doc_changes`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    wg1CoChair = await new HttpClient(t.baseUrl).login('wg1-cn-cochair@example.org');
    wg2CoChair = await new HttpClient(t.baseUrl).login('wg2-eu-cochair@example.org');
    wg1Expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    advisory = await new HttpClient(t.baseUrl).login('advisory-eu@example.org');
    projectId = (await coordinator.get('/api/projects')).body[0].id;
    for (const i of (await dashboard()).items as Item[]) item[i.number as keyof typeof item] = i;
    const documents = (await coordinator.get('/api/documents')).body as Array<{
      id: string;
      status: string;
      workingGroupCode: string | null;
      type: string;
      title: { en: string };
    }>;
    for (const d of documents) docs[d.title.en] = d;
  });
  afterAll(() => t.close());

  it('seeds WP2 as planned: the outlines milestone at M18, D2.2 at M24 (T2.2), D2.3 at M30 (T2.3), documents linked', async () => {
    const plan = await dashboard();
    expect(plan.project).toMatchObject({ startDate: '2020-01-01', durationMonths: 48 });
    expect(plan.workPackages.map((w: { code: string }) => w.code)).toEqual(['WP2']);
    expect(plan.tasks.map((x: { code: string; startMonth: number; endMonth: number }) => [x.code, x.endMonth])).toEqual(
      [
        ['T2.2', 24],
        ['T2.3', 30],
      ],
    );
    expect(plan.items.map((i: Item) => [i.kind, i.number, i.dueMonth, i.dueDate])).toEqual([
      ['milestone', 'MS1', 18, '2021-06-30'],
      ['deliverable', 'D2.2', 24, '2021-12-31'],
      ['deliverable', 'D2.3', 30, '2022-06-30'],
    ]);
    expect(item['D2.2']).toMatchObject({
      status: 'in-progress',
      taskCode: 'T2.2',
      workPackageCode: 'WP2',
      leadPartner: { shortName: 'UCSC' },
    });
    expect(item['D2.3']).toMatchObject({ status: 'planned', taskCode: 'T2.3' });
    expect(item['MS1'].readiness.total).toBe(6);
    expect(item['D2.2'].readiness.total).toBe(7);
    expect(item['D2.3'].readiness.total).toBe(1);
    const detail = (await coordinator.get(`/api/plan-items/${item['D2.2'].id}`)).body;
    expect(detail.documents.map((d: { type: string }) => d.type).sort()).toEqual([
      ...Array(6).fill('position-paper'),
      'strategic-workplan',
    ]);
    expect(detail.statusHistory.map((h: { to: string }) => h.to)).toEqual(['planned', 'in-progress']);
    expect(plan.reminderOffsets).toEqual([30, 7, 1]);
  });

  it('colours items by the server clock: at risk within 30 days when not ready, overdue after the due date', async () => {
    const clock = t.app.get(Clock);
    try {
      clock.set(new Date('2021-12-20T10:00:00Z'));
      let plan = await dashboard();
      expect(plan.today).toBe('2021-12-20');
      expect(plan.currentMonth).toBe(24);
      const risk = (p: { items: Item[] }) => Object.fromEntries(p.items.map((i) => [i.number, i.risk]));
      expect(risk(plan)).toEqual({ MS1: 'overdue', 'D2.2': 'at-risk', 'D2.3': 'on-track' });
      clock.set(new Date('2022-01-01T00:30:00Z'));
      plan = await dashboard();
      expect(risk(plan)).toMatchObject({ 'D2.2': 'overdue', 'D2.3': 'on-track' });
      expect(plan.items.find((i: Item) => i.number === 'D2.2').daysLeft).toBe(-1);
    } finally {
      clock.set(new Date());
    }
  });

  it('derives readiness from the documents: a co-chair moving a paper from draft to final raises it, recorded with who and when', async () => {
    const paper = Object.values(docs).find((d) => d.workingGroupCode === 'WG1' && d.status === 'draft')!;
    const before = (await coordinator.get(`/api/plan-items/${item['D2.2'].id}`)).body;
    const result = await wg1CoChair.request('PUT', `/api/documents/${paper.id}/status`, { status: 'final' });
    expect(result.status).toBe(200);
    const after = (await coordinator.get(`/api/plan-items/${item['D2.2'].id}`)).body;
    expect(after.readiness.share).toBeGreaterThan(before.readiness.share);
    expect(after.readiness.readyCount).toBe(before.readiness.readyCount + 1);
    const doc = after.documents.find((d: { id: string }) => d.id === paper.id);
    expect(doc).toMatchObject({ status: 'final', progress: 1, statusChangedBy: 'WG1 China co-chair' });
    expect(Date.parse(doc.statusChangedAt)).not.toBeNaN();
    // The per-WG readiness follows too.
    const wg1 = (await dashboard()).workingGroups.find((g: { code: string }) => g.code === 'WG1');
    expect(wg1.readyCount).toBeGreaterThanOrEqual(1);
    // Setting the same status again changes nothing.
    const { doc_changes } = await counts();
    expect((await wg1CoChair.request('PUT', `/api/documents/${paper.id}/status`, { status: 'final' })).status).toBe(
      200,
    );
    expect((await counts()).doc_changes).toBe(doc_changes);
  });

  it("lets co-chairs set only their own group's documents; project-level documents are the coordinators'", async () => {
    const wg2Paper = Object.values(docs).find((d) => d.workingGroupCode === 'WG2')!;
    const roadmap = Object.values(docs).find((d) => d.type === 'roadmap')!;
    const wg1Paper = Object.values(docs).find((d) => d.workingGroupCode === 'WG1')!;
    const before = await counts();
    const refused = await wg1CoChair.request('PUT', `/api/documents/${wg2Paper.id}/status`, { status: 'in-review' });
    expect(refused.status).toBe(403);
    expect((await wg1CoChair.request('PUT', `/api/documents/${roadmap.id}/status`, { status: 'draft' })).status).toBe(
      403,
    );
    expect(
      (await wg1Expert.request('PUT', `/api/documents/${wg1Paper.id}/status`, { status: 'in-review' })).status,
    ).toBe(403);
    expect(
      (await advisory.request('PUT', `/api/documents/${wg1Paper.id}/status`, { status: 'in-review' })).status,
    ).toBe(403);
    const bad = await wg2CoChair.request('PUT', `/api/documents/${wg2Paper.id}/status`, { status: 'published' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['status']);
    expect(await counts()).toEqual(before);
    const [row] = await t.dataSource.query('SELECT status FROM documents WHERE id = $1', [wg2Paper.id]);
    expect(row.status).toBe(wg2Paper.status);
    expect(
      (await wg2CoChair.request('PUT', `/api/documents/${wg2Paper.id}/status`, { status: 'in-review' })).status,
    ).toBe(200);
    expect((await coordinator.request('PUT', `/api/documents/${roadmap.id}/status`, { status: 'draft' })).status).toBe(
      200,
    );
  });

  it('only coordinators change a deliverable status or re-baseline; others get 403 and nothing changes', async () => {
    const before = await counts();
    for (const client of [wg1CoChair, wg1Expert, advisory]) {
      expect((await client.post(`/api/plan-items/${item['D2.3'].id}/status`, { status: 'in-progress' })).status).toBe(
        403,
      );
      expect(
        (
          await client.post(`/api/plan-items/${item['D2.3'].id}/rebaseline`, {
            dueMonth: 'M32',
            reason: 'Later workshop',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await client.post(`/api/projects/${projectId}/plan/items`, {
            kind: 'milestone',
            number: 'MS9',
            titleEn: 'x',
            titleZh: 'x',
            dueMonth: 20,
          })
        ).status,
      ).toBe(403);
    }
    expect(await counts()).toEqual(before);
    expect(await itemRow(item['D2.3'].id)).toEqual({ status: 'planned', due_month: 30 });
  });

  it('walks the status machine over REST, records who and when, and refuses illegal jumps with 409 naming the field', async () => {
    const id = item['D2.3'].id;
    const jump = async (status: string, expected: number) => {
      const before = await counts();
      const response = await coordinator.post(`/api/plan-items/${id}/status`, { status });
      expect(response.status).toBe(expected);
      if (expected !== 200) {
        expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['status']);
        expect(await counts()).toEqual(before);
      }
      return response.body;
    };
    expect((await jump('submitted', 409)).code).toBe('ILLEGAL_TRANSITION');
    expect((await jump('accepted', 409)).message).toMatch(/from planned to accepted/);
    expect((await jump('done', 400)).code).toBe('VALIDATION_FAILED');
    for (const status of [
      'in-progress',
      'internal-review',
      'submitted',
      'rejected',
      'in-progress',
      'internal-review',
      'submitted',
    ])
      await jump(status, 200);
    const accepted = await jump('accepted', 200);
    expect(accepted.status).toBe('accepted');
    expect(accepted.risk).toBe('done');
    expect(accepted.nextStatuses).toEqual([]);
    expect(accepted.statusHistory.map((h: { to: string }) => h.to)).toEqual([
      'planned',
      'in-progress',
      'internal-review',
      'submitted',
      'rejected',
      'in-progress',
      'internal-review',
      'submitted',
      'accepted',
    ]);
    expect(accepted.statusHistory.at(-1)).toMatchObject({ from: 'submitted', by: 'Project coordinator' });
    await jump('in-progress', 409);
    const milestone = await coordinator.post(`/api/plan-items/${item['MS1'].id}/status`, { status: 'in-progress' });
    expect(milestone.status).toBe(400);
    expect(milestone.body.fields[0].field).toBe('status');
  });

  it('re-baselines with a reason, keeps the history, and shows it in the "changed since my last visit" strip', async () => {
    await coordinator.post(`/api/projects/${projectId}/plan/visit`);
    expect((await dashboard()).changes).toEqual([]);
    const id = item['D2.2'].id;
    const response = await coordinator.post(`/api/plan-items/${id}/rebaseline`, {
      dueMonth: 'M26',
      reason: 'Harmonisation workshop moved after the funders’ feedback',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dueMonth: 26, dueDate: '2022-02-28' });
    await coordinator.post(`/api/plan-items/${id}/rebaseline`, { dueMonth: 24, reason: 'Back on the original plan' });
    const detail = (await coordinator.get(`/api/plan-items/${id}`)).body;
    expect(
      detail.rebaselines.map((r: { fromMonth: number; toMonth: number; by: string }) => [r.fromMonth, r.toMonth, r.by]),
    ).toEqual([
      [24, 26, 'Project coordinator'],
      [26, 24, 'Project coordinator'],
    ]);
    const changes = (await dashboard()).changes;
    expect(
      changes.map((c: { number: string; kind: string; detail: string; from: string }) => [
        c.number,
        c.kind,
        c.detail,
        c.from,
      ]),
    ).toEqual([
      ['D2.2', 'rebaseline', 'M24', 'M26'],
      ['D2.2', 'rebaseline', 'M26', 'M24'],
    ]);
    // Another person who never visited sees the latest changes too; after a visit the strip is empty.
    expect((await dashboard(wg1CoChair)).changes.length).toBeGreaterThanOrEqual(2);
    await coordinator.post(`/api/projects/${projectId}/plan/visit`);
    expect((await dashboard()).changes).toEqual([]);
  });

  it('refuses bad input with 400 naming the field and changes nothing', async () => {
    const id = item['D2.2'].id;
    const cases: Array<[string, string, unknown, string]> = [
      ['rebaseline without a reason', `/api/plan-items/${id}/rebaseline`, { dueMonth: 25 }, 'reason'],
      ['rebaseline with a blank reason', `/api/plan-items/${id}/rebaseline`, { dueMonth: 25, reason: '   ' }, 'reason'],
      [
        'rebaseline beyond the project',
        `/api/plan-items/${id}/rebaseline`,
        { dueMonth: 'M49', reason: 'Extension' },
        'dueMonth',
      ],
      [
        'rebaseline to an unknown month',
        `/api/plan-items/${id}/rebaseline`,
        { dueMonth: 'soon', reason: 'Later' },
        'dueMonth',
      ],
      ['rebaseline to M0', `/api/plan-items/${id}/rebaseline`, { dueMonth: 'M0', reason: 'Earlier' }, 'dueMonth'],
      [
        'rebaseline to the same month',
        `/api/plan-items/${id}/rebaseline`,
        { dueMonth: 24, reason: 'Same' },
        'dueMonth',
      ],
      [
        'deliverable due beyond the project',
        `/api/projects/${projectId}/plan/items`,
        { kind: 'deliverable', number: 'D9.9', titleEn: 'Late', titleZh: '迟', dueMonth: 60 },
        'dueMonth',
      ],
      [
        'deliverable due at an unknown month',
        `/api/projects/${projectId}/plan/items`,
        { kind: 'deliverable', number: 'D9.9', titleEn: 'Late', titleZh: '迟', dueMonth: 'M2.5' },
        'dueMonth',
      ],
      [
        'deliverable without a due month',
        `/api/projects/${projectId}/plan/items`,
        { kind: 'deliverable', number: 'D9.9', titleEn: 'Late', titleZh: '迟' },
        'dueMonth',
      ],
      [
        'unknown dissemination level',
        `/api/projects/${projectId}/plan/items`,
        { kind: 'deliverable', number: 'D9.9', titleEn: 'X', titleZh: 'X', dueMonth: 40, dissemination: 'CO' },
        'dissemination',
      ],
      [
        'a lead partner on a milestone',
        `/api/projects/${projectId}/plan/items`,
        { kind: 'milestone', number: 'MS9', titleEn: 'X', titleZh: 'X', dueMonth: 40, type: 'report' },
        'type',
      ],
      [
        'a task ending before it starts',
        `/api/projects/${projectId}/plan/tasks`,
        {
          workPackageId: '00000000-0000-4000-8000-000000000000',
          code: 'T9.1',
          titleEn: 'X',
          titleZh: 'X',
          startMonth: 10,
          endMonth: 5,
        },
        'endMonth',
      ],
      [
        'reminder offsets that are not days',
        `/api/projects/${projectId}/plan/reminder-offsets`,
        { offsets: [30, -2] },
        'offsets',
      ],
    ];
    for (const [name, path, body, field] of cases) {
      const before = await counts();
      const dueBefore = await itemRow(id);
      const response = await coordinator.request(path.endsWith('reminder-offsets') ? 'PUT' : 'POST', path, body);
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect({ name, fields: [...new Set(response.body.fields.map((f: { field: string }) => f.field))] }).toEqual({
        name,
        fields: [field],
      });
      expect(await counts()).toEqual(before);
      expect(await itemRow(id)).toEqual(dueBefore);
    }
    expect(
      (
        await coordinator.post(`/api/projects/${projectId}/plan/items`, {
          kind: 'deliverable',
          number: 'D2.2',
          titleEn: 'Again',
          titleZh: '再',
          dueMonth: 20,
        })
      ).status,
    ).toBe(409);
  });

  it('creates milestones and deliverables, links documents, configures reminder offsets', async () => {
    const created = await coordinator.post(`/api/projects/${projectId}/plan/items`, {
      kind: 'deliverable',
      number: 'D2.4',
      titleEn: 'Workshop report, "validation", EU–China',
      titleZh: '路线图验证研讨会报告',
      dueMonth: 'M36',
      dissemination: 'SEN',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'D2.4',
      dueMonth: 36,
      dueDate: '2022-12-31',
      status: 'planned',
      type: 'report',
      dissemination: 'SEN',
    });
    const roadmap = Object.values(docs).find((d) => d.type === 'roadmap')!;
    const linked = await coordinator.post(`/api/plan-items/${created.body.id}/documents`, {
      documentId: roadmap.id,
      requiredStatus: 'in-review',
    });
    expect(linked.body.documents).toEqual([expect.objectContaining({ id: roadmap.id, requiredStatus: 'in-review' })]);
    const unlinked = await coordinator.request('DELETE', `/api/plan-items/${created.body.id}/documents/${roadmap.id}`);
    expect(unlinked.body.documents).toEqual([]);
    const offsets = await coordinator.request('PUT', `/api/projects/${projectId}/plan/reminder-offsets`, {
      offsets: [1, 14, 14],
    });
    expect(offsets.body).toEqual({ offsets: [14, 1] });
    expect((await dashboard()).reminderOffsets).toEqual([14, 1]);
    await coordinator.request('PUT', `/api/projects/${projectId}/plan/reminder-offsets`, { offsets: [30, 7, 1] });
  });

  it('exports the table as CSV that parses back to the dashboard values, 中文 and quotes included', async () => {
    const response = await advisory.get(`/api/projects/${projectId}/plan/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const text = response.body as string;
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(header).toEqual([
      'kind',
      'number',
      'title_en',
      'title_zh',
      'work_package',
      'task',
      'lead_partner',
      'type',
      'dissemination',
      'due_month',
      'due_date',
      'status',
      'readiness_percent',
      'documents_ready',
      'documents_total',
      'risk',
    ]);
    const plan = await dashboard(advisory);
    expect(rows).toHaveLength(plan.items.length);
    for (const i of plan.items as Item[]) {
      const row = Object.fromEntries(header.map((h, index) => [h, rows.find((r) => r[1] === i.number)![index]]));
      expect(row).toMatchObject({
        kind: i.kind,
        title_en: i.title.en,
        title_zh: i.title.zh,
        due_month: `M${i.dueMonth}`,
        due_date: i.dueDate,
        status: i.status ?? '',
        documents_total: String(i.readiness.total),
        risk: i.risk,
        readiness_percent: String(Math.round(i.readiness.share * 100)),
      });
    }
    expect(rows.find((r) => r[1] === 'D2.4')![2]).toBe('Workshop report, "validation", EU–China');
  });

  it('hides the plan from outsiders (404) and anonymous callers (401)', async () => {
    const { AuthService } = await import('@roundtable/api-auth');
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('outsider-plan@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword('roundtable-demo')],
    );
    const outsider = await new HttpClient(t.baseUrl).login('outsider-plan@example.org');
    expect((await outsider.get(`/api/projects/${projectId}/plan`)).status).toBe(404);
    expect((await outsider.get(`/api/plan-items/${item['D2.2'].id}`)).status).toBe(404);
    expect((await outsider.get(`/api/projects/${projectId}/plan/export.csv`)).status).toBe(404);
    expect(
      (await outsider.post(`/api/plan-items/${item['D2.2'].id}/status`, { status: 'internal-review' })).status,
    ).toBe(404);
    expect((await new HttpClient(t.baseUrl).get(`/api/projects/${projectId}/plan`)).status).toBe(401);
  });

  it("lists a person's open deadlines for the calendar feed", async () => {
    const [person] = await t.dataSource.query("SELECT id FROM people WHERE email = 'wg3-cn-cochair@example.org'");
    const deadlines = await t.app.get(PlanService).deadlinesForPerson(person.id);
    // D2.3 was accepted above: delivered items leave the calendar.
    expect(deadlines.map((d) => [d.number, d.dueDate])).toEqual([
      ['MS1', '2021-06-30'],
      ['D2.2', '2021-12-31'],
      ['D2.4', '2022-12-31'],
    ]);
    // A placeholder expert without an account sees the same project deadlines; a person in no project none.
    const [expert] = await t.dataSource.query("SELECT id FROM people WHERE email = 'expert01@example.org'");
    expect((await t.app.get(PlanService).deadlinesForPerson(expert.id)).length).toBe(3);
    const [loner] = await t.dataSource.query(
      "INSERT INTO people (display_name, email, country) VALUES ('Unaffiliated reader', 'loner@example.org', 'IT') RETURNING id",
    );
    expect(await t.app.get(PlanService).deadlinesForPerson(loner.id)).toEqual([]);
  });
});
