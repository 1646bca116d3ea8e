import { appendParagraph, connectCollab, upgradeStatus, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { addOutsider, EMAIL, openCall, ROLES, type Role } from '../support/matrix-roles';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The permission matrix: every role × every endpoint, and every role × document on the collaboration
 * socket. A wrong cell fails with its name. Roles are demo accounts plus an outsider and an anonymous caller.
 * Every route × role under the declared policy alone: permission-matrix-routes.spec.ts.
 */

type SocketAccess = 'write' | 'read' | 'refused';

describe('permission matrix', () => {
  let t: TestApp;
  const clients = {} as Record<Role, HttpClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await addOutsider(t);
    for (const role of ROLES) {
      clients[role] =
        role === 'anonymous' ? new HttpClient(t.baseUrl) : await new HttpClient(t.baseUrl).login(EMAIL[role]);
    }
    const coordinator = clients.coordinator;
    ids.project = (await coordinator.get('/api/projects')).body[0].id;
    const groups = (await coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>;
    ids.wg1 = groups.find((g) => g.code === 'WG1')!.id;
    const documents = (await coordinator.get('/api/documents')).body as Array<{
      id: string;
      workingGroupCode: string | null;
      type: string;
      status: string;
    }>;
    ids.wg1Paper = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
    ids.wg2Paper = documents.find((d) => d.workingGroupCode === 'WG2')!.id;
    ids.roadmap = documents.find((d) => d.type === 'roadmap')!.id;
    ids.wg1PaperStatus = documents.find((d) => d.id === ids.wg1Paper)!.status;
    ids.roadmapStatus = documents.find((d) => d.id === ids.roadmap)!.status;
    const plan = (await coordinator.get(`/api/projects/${ids.project}/plan`)).body as {
      items: Array<{ id: string; number: string }>;
    };
    ids.d23 = plan.items.find((i) => i.number === 'D2.3')!.id;
    ids.wg1ObserverPerson = (
      await t.dataSource.query("SELECT id FROM people WHERE email = 'wg1-observer@example.org'")
    )[0].id;
    ids.wg1ExpertPerson = (
      await t.dataSource.query("SELECT id FROM people WHERE email = 'wg1-expert@example.org'")
    )[0].id;
    ids.wg1Meeting = (await t.dataSource.query("SELECT id FROM meetings WHERE seed_key = 'meeting:wg1-monthly'"))[0].id;
    const wg1Minutes = async (status: string) =>
      (
        await t.dataSource.query(
          'SELECT id FROM meeting_minutes WHERE meeting_id = $1 AND status = $2 ORDER BY occurrence_start LIMIT 1',
          [ids.wg1Meeting, status],
        )
      )[0].id;
    ids.wg1ApprovedMinutes = await wg1Minutes('approved');
    ids.wg1DraftMinutes = await wg1Minutes('draft');
    const library = (await coordinator.get(`/api/projects/${ids.project}/library`)).body as {
      files: Array<{ id: string; name: string }>;
    };
    ids.wg1File = library.files.find((f) => f.name === 'WG1 kick-off notes.md')!.id;
    ids.call = await openCall(coordinator, ids.project, ids.wg1);
  });
  afterAll(() => t.close());

  /** A multipart upload of a small text file, as the library's upload form sends it. */
  async function upload(role: Role, path: string): Promise<{ status: number }> {
    const form = new FormData();
    form.append('file', new Blob([`uploaded by ${role}`]), `${role}.txt`);
    const cookie = clients[role].cookie;
    const response = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      body: form,
      headers: cookie ? { cookie } : {},
    });
    await response.arrayBuffer();
    return { status: response.status };
  }

  //                                       coord  cochair expert obs   wg2exp outsider anon
  const REST: Array<[string, (role: Role) => Promise<{ status: number }>, number[]]> = [
    [
      'GET /api/projects/:id',
      (r) => clients[r].get(`/api/projects/${ids.project}`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/working-groups/:wg1',
      (r) => clients[r].get(`/api/working-groups/${ids.wg1}`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/working-groups/:wg1/members',
      (r) => clients[r].get(`/api/working-groups/${ids.wg1}/members`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/documents/:wg1Paper',
      (r) => clients[r].get(`/api/documents/${ids.wg1Paper}`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/documents/:wg1Paper/content',
      (r) => clients[r].get(`/api/documents/${ids.wg1Paper}/content`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/documents/:wg1Paper/suggestions',
      (r) => clients[r].get(`/api/documents/${ids.wg1Paper}/suggestions`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      // Suggestion mode (ADR 040): only those who edit decide (nothing selected is in the text: no change).
      'POST /api/documents/:wg1Paper/suggestions/decisions (unknown id)',
      (r) =>
        clients[r].post(`/api/documents/${ids.wg1Paper}/suggestions/decisions`, {
          decision: 'reject',
          ids: ['00000000-0000-4000-8000-000000000000'],
        }),
      [200, 200, 200, 403, 403, 404, 401],
    ],
    [
      'PATCH /api/working-groups/:wg1/members/:observer (same role)',
      (r) =>
        clients[r].request('PATCH', `/api/working-groups/${ids.wg1}/members/${ids.wg1ObserverPerson}`, {
          role: 'observer',
        }),
      [200, 200, 403, 403, 403, 404, 401],
    ],
    [
      'DELETE /api/working-groups/:wg1/members/:nobody',
      (r) =>
        clients[r].request('DELETE', `/api/working-groups/${ids.wg1}/members/00000000-0000-4000-8000-000000000000`),
      [404, 404, 403, 403, 403, 404, 401],
    ],
    ['GET /api/people', (r) => clients[r].get('/api/people'), [200, 200, 200, 200, 200, 200, 401]],
    [
      'PATCH /api/people/:wg1Expert (no change)',
      (r) => clients[r].request('PATCH', `/api/people/${ids.wg1ExpertPerson}`, {}),
      [403, 403, 200, 403, 403, 404, 401],
    ],
    [
      'GET /api/projects/:id/balance',
      (r) => clients[r].get(`/api/projects/${ids.project}/balance`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'PUT /api/projects/:id/balance-target',
      (r) =>
        clients[r].request('PUT', `/api/projects/${ids.project}/balance-target`, { europe: 0.5, china: 0.5, other: 0 }),
      [200, 403, 403, 403, 403, 404, 401],
    ],
    [
      'POST /api/working-groups/:wg1/invitations',
      (r) =>
        clients[r].post(`/api/working-groups/${ids.wg1}/invitations`, {
          email: `invitee-${r}@example.org`,
          role: 'expert',
        }),
      [201, 201, 403, 403, 403, 404, 401],
    ],
    [
      'GET /api/working-groups/:wg1/invitations',
      (r) => clients[r].get(`/api/working-groups/${ids.wg1}/invitations`),
      [200, 200, 403, 403, 403, 404, 401],
    ],
    ['GET /api/admin/outbox', (r) => clients[r].get('/api/admin/outbox'), [200, 403, 403, 403, 403, 403, 401]],
    [
      'POST /api/calls',
      (r) =>
        clients[r].post('/api/calls', {
          projectId: ids.project,
          title: { en: `Call by ${r}`, zh: '专家征集' },
          description: { en: 'Experts wanted', zh: '征集专家' },
          eligibility: { en: 'Anyone qualified', zh: '合格人员' },
          workingGroupIds: [ids.wg1],
          closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        }),
      [201, 403, 403, 403, 403, 400, 401],
    ],
    [
      'GET /api/projects/:id/plan',
      (r) => clients[r].get(`/api/projects/${ids.project}/plan`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/projects/:id/plan/export.csv',
      (r) => clients[r].get(`/api/projects/${ids.project}/plan/export.csv`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/plan-items/:d23',
      (r) => clients[r].get(`/api/plan-items/${ids.d23}`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'POST /api/plan-items/:d23/rebaseline',
      (r) =>
        clients[r].post(`/api/plan-items/${ids.d23}/rebaseline`, {
          dueMonth: 31 + ROLES.indexOf(r),
          reason: `Moved by ${r}`,
        }),
      [200, 403, 403, 403, 403, 404, 401],
    ],
    [
      'PUT /api/documents/:wg1Paper/status (same status)',
      (r) => clients[r].request('PUT', `/api/documents/${ids.wg1Paper}/status`, { status: ids.wg1PaperStatus }),
      [200, 200, 403, 403, 403, 404, 401],
    ],
    [
      'PUT /api/documents/:roadmap/status (same status)',
      (r) => clients[r].request('PUT', `/api/documents/${ids.roadmap}/status`, { status: ids.roadmapStatus }),
      [200, 403, 403, 403, 403, 404, 401],
    ],
    [
      'GET /api/meetings/:wg1Meeting',
      (r) => clients[r].get(`/api/meetings/${ids.wg1Meeting}`),
      [200, 200, 200, 200, 404, 404, 401],
    ],
    [
      'GET /api/meetings/:wg1Meeting/meeting.ics',
      (r) => clients[r].get(`/api/meetings/${ids.wg1Meeting}/meeting.ics`),
      [200, 200, 200, 200, 404, 404, 401],
    ],
    [
      'PUT /api/meetings/:wg1Meeting/rsvp',
      (r) => clients[r].request('PUT', `/api/meetings/${ids.wg1Meeting}/rsvp`, { response: 'maybe' }),
      [403, 200, 200, 200, 404, 404, 401],
    ],
    [
      'PUT /api/meetings/:wg1Meeting/attendance (nobody)',
      (r) =>
        clients[r].request('PUT', `/api/meetings/${ids.wg1Meeting}/attendance`, {
          occurrenceStart: '2021-04-13T08:00:00.000Z',
          personIds: [],
        }),
      [200, 200, 403, 403, 404, 404, 401],
    ],
    [
      'POST /api/projects/:id/meetings/find-a-time (WG1)',
      (r) =>
        clients[r].post(`/api/projects/${ids.project}/meetings/find-a-time`, {
          workingGroupId: ids.wg1,
          durationMinutes: 60,
          from: '2026-03-09',
          days: 2,
        }),
      [200, 200, 403, 403, 403, 404, 401],
    ],
    ['GET /api/me/calendar-feed', (r) => clients[r].get('/api/me/calendar-feed'), [200, 200, 200, 200, 200, 200, 401]],
    [
      'GET /api/minutes/:wg1Approved (shared with every group)',
      (r) => clients[r].get(`/api/minutes/${ids.wg1ApprovedMinutes}`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/minutes/:wg1Draft (the group only)',
      (r) => clients[r].get(`/api/minutes/${ids.wg1DraftMinutes}`),
      [200, 200, 200, 200, 404, 404, 401],
    ],
    [
      'POST /api/minutes/:wg1Draft/approvals (not circulated)',
      (r) => clients[r].post(`/api/minutes/${ids.wg1DraftMinutes}/approvals`),
      [403, 409, 403, 403, 404, 404, 401],
    ],
    [
      'GET /api/projects/:id/minutes (archive)',
      (r) => clients[r].get(`/api/projects/${ids.project}/minutes`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    ['GET /api/me/actions', (r) => clients[r].get('/api/me/actions'), [200, 200, 200, 200, 200, 200, 401]],
    [
      'GET /api/projects/:id/library',
      (r) => clients[r].get(`/api/projects/${ids.project}/library`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/library/:wg1File',
      (r) => clients[r].get(`/api/library/${ids.wg1File}`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'GET /api/library/:wg1File/download',
      (r) => clients[r].get(`/api/library/${ids.wg1File}/download`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
    [
      'POST /api/working-groups/:wg1/library',
      (r) => upload(r, `/api/working-groups/${ids.wg1}/library`),
      [201, 201, 201, 403, 403, 404, 401],
    ],
    [
      'POST /api/projects/:id/library (project level)',
      (r) => upload(r, `/api/projects/${ids.project}/library`),
      [201, 403, 403, 403, 403, 404, 401],
    ],
    [
      'POST /api/library/:wg1File/versions',
      (r) => upload(r, `/api/library/${ids.wg1File}/versions`),
      [201, 201, 201, 403, 403, 404, 401],
    ],
    [
      'PATCH /api/library/:wg1File (same tags)',
      (r) => clients[r].request('PATCH', `/api/library/${ids.wg1File}`, { tags: ['kick-off', 'notes'] }),
      [200, 200, 403, 403, 403, 404, 401],
    ],
    [
      'GET /api/calls/:call/applications',
      (r) => clients[r].get(`/api/calls/${ids.call}/applications`),
      [200, 200, 200, 200, 200, 404, 401],
    ],
  ];

  describe.each(REST)('%s', (_name, call, expected) => {
    it.each(ROLES.map((role, i) => [role, expected[i]] as const))('as %s → %i', async (role, status) => {
      expect((await call(role)).status).toBe(status);
    });
  });

  it('the outsider’s directory is empty: people are visible only to those who share a project', async () => {
    expect((await clients.outsider.get('/api/people')).body).toEqual([]);
  });

  //                                       coord    cochair  expert   obs     wg2exp   outsider   anon
  const SOCKET: Array<[string, SocketAccess[]]> = [
    ['wg1Paper', ['write', 'write', 'write', 'read', 'read', 'refused', 'refused']],
    ['wg2Paper', ['write', 'read', 'read', 'read', 'write', 'refused', 'refused']],
    ['roadmap', ['write', 'write', 'write', 'read', 'write', 'refused', 'refused']],
  ];

  async function socketAccess(role: Role, documentId: string): Promise<SocketAccess> {
    const cookie = clients[role].cookie;
    const status = await upgradeStatus(t.baseUrl, documentId, cookie);
    if (status !== 101) return 'refused';
    const { doc, provider } = connectCollab(t.baseUrl, documentId, cookie);
    const probe = `probe by ${role} ${Math.random().toString(36).slice(2)}`;
    try {
      await waitForSync(provider);
      appendParagraph(doc, probe);
      await waitFor(() => false, 400).catch(() => undefined);
      // What the server has stored and applied, as any reader would see it.
      const content = await clients.coordinator.get(`/api/documents/${documentId}/content`);
      return content.body.text.includes(probe) ? 'write' : 'read';
    } finally {
      provider.destroy();
    }
  }

  describe.each(SOCKET)('socket on %s', (document, expected) => {
    it.each(ROLES.map((role, i) => [role, expected[i]] as const))('as %s → %s', async (role, access) => {
      expect(await socketAccess(role, ids[document])).toBe(access);
    });
  });
});
