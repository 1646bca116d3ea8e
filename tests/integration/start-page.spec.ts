import { Clock } from '@roundtable/api-platform';
import type { StartPageDto } from '@roundtable/contracts';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 13 item 1: GET /api/me/start per role, over the seeded demo project plus a meeting tomorrow, circulated
 * minutes with an overdue action, a mention and a co-chair vacancy made here (real PostgreSQL).
 */
describe('start page: what waits for each person (real PostgreSQL)', () => {
  let t: TestApp;
  let projectId: string;
  let meetingTomorrow: { id: string };
  let minutesId: string;
  let actionId: string;
  let paperId: string;
  const groups: Record<string, string> = {};
  const people: Record<string, string> = {};
  const c: Record<string, HttpClient> = {};

  const start = async (who: string): Promise<StartPageDto> => {
    const response = await c[who].get('/api/me/start');
    expect(response.status).toBe(200);
    return response.body;
  };
  const ids = <T>(items: T[], key: keyof T) => items.map((i) => i[key]);

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set(new Date('2026-03-20T09:00:00Z'));
    for (const name of ['coordinator', 'wg1-eu-cochair', 'wg1-cn-cochair', 'wg1-expert', 'wg2-expert']) {
      c[name] = await new HttpClient(t.baseUrl).login(`${name}@example.org`);
    }
    projectId = (await c.coordinator.get('/api/projects')).body[0].id;
    for (const g of (await c.coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>)
      groups[g.code] = g.id;
    for (const row of await t.dataSource.query("SELECT id, email FROM people WHERE email LIKE 'wg%'"))
      people[row.email.replace('@example.org', '')] = row.id;
    const invitees = [people['wg1-eu-cochair'], people['wg1-cn-cochair'], people['wg1-expert']];
    const schedule = (title: string, startAt: string) =>
      c['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings`, {
        workingGroupId: groups.WG1,
        type: 'wg-meeting',
        title,
        timeZone: 'Europe/Rome',
        start: startAt,
        durationMinutes: 60,
        agenda: [{ title: 'Paper outline' }],
        inviteePersonIds: invitees,
      });
    const tomorrow = await schedule('Start page drafting sprint', '2026-03-21T10:00');
    expect(tomorrow.status).toBe(201);
    meetingTomorrow = tomorrow.body;
    const past = await schedule('Start page review', '2026-03-10T10:00');
    expect(past.status).toBe(201);
    const minutes = await c['wg1-eu-cochair'].post(`/api/meetings/${past.body.id}/minutes`, {
      occurrenceStart: past.body.occurrences[0].originalStart,
    });
    expect(minutes.status).toBe(201);
    minutesId = minutes.body.id;
    const action = await c['wg1-eu-cochair'].post(`/api/minutes/${minutesId}/actions`, {
      text: 'Send the survey draft to the group',
      ownerPersonId: people['wg1-expert'],
      dueOn: '2026-03-15',
    });
    expect(action.status).toBe(201);
    actionId = action.body.id;
    expect((await c['wg1-eu-cochair'].post(`/api/minutes/${minutesId}/circulate`, {})).status).toBe(200);
    paperId = (
      (await c['wg1-expert'].get(`/api/documents?workingGroupId=${groups.WG1}`)).body as Array<{
        id: string;
        access: string;
      }>
    ).find((d) => d.access === 'write')!.id;
    const thread = await c['wg1-cn-cochair'].post(`/api/documents/${paperId}/comments`, {
      anchorStart: { item: { client: 1, clock: 0 }, assoc: 0 },
      anchorEnd: { item: { client: 1, clock: 1 }, assoc: -1 },
      quote: 'x',
      body: `@[WG1 expert](${people['wg1-expert']}) could you check this section?`,
    });
    expect(thread.status).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows an expert their meeting tomorrow, their overdue action, their documents and a mention', async () => {
    const page = await start('wg1-expert');
    const meeting = page.meetings.items.find((m) => m.meetingId === meetingTomorrow.id);
    expect(meeting).toMatchObject({
      title: 'Start page drafting sprint',
      workingGroupCode: 'WG1',
      start: '2026-03-21T09:00:00.000Z',
      timeZone: 'Europe/Rome',
    });
    expect(page.meetings.items.length).toBeLessThanOrEqual(5);
    expect(page.meetings.total).toBeGreaterThanOrEqual(page.meetings.items.length);
    // Soonest first: nothing before tomorrow's meeting is still to come in this test's project.
    expect(page.meetings.items.map((m) => m.start)).toEqual([...page.meetings.items.map((m) => m.start)].sort());
    expect(page.actions.items.find((a) => a.id === actionId)).toMatchObject({ overdue: true, status: 'open' });
    expect(page.documents.items.length).toBeGreaterThan(0);
    expect(page.documents.items.every((d) => typeof d.status === 'string')).toBe(true);
    expect(page.mentions.items[0]).toMatchObject({
      kind: 'mention',
      documentId: paperId,
      excerpt: '@WG1 expert could you check this section?',
    });
    expect(page.requests.items.filter((r) => r.kind === 'minutes-approval')).toEqual([]);
    expect(page.risks).toBeNull();
  });

  it('asks a co-chair to approve the circulated minutes, and stops asking once they approved', async () => {
    const before = await start('wg1-cn-cochair');
    expect(before.requests.items).toContainEqual(
      expect.objectContaining({ kind: 'minutes-approval', minutesId, workingGroupCode: 'WG1' }),
    );
    expect((await c['wg1-cn-cochair'].post(`/api/minutes/${minutesId}/approvals`, {})).status).toBe(200);
    const after = await start('wg1-cn-cochair');
    expect(JSON.stringify(after.requests)).not.toContain(minutesId);
    expect(after.risks).toBeNull();
  });

  it('shows the coordinator the project’s risks: overdue items and actions, minutes awaiting approval, a group missing a co-chair', async () => {
    const page = await start('coordinator');
    expect(page.risks).not.toBeNull();
    const risks = page.risks!;
    expect(risks.overdueActions.items.map((a) => a.id)).toContain(actionId);
    expect(risks.minutesAwaitingApproval.items).toContainEqual(
      expect.objectContaining({ minutesId, approvals: 1, approvalsNeeded: 2 }),
    );
    expect(risks.coChairVacancies.items).toEqual([]);
    expect(risks.overdueItems.total).toBeGreaterThanOrEqual(risks.overdueItems.items.length);

    const outgoing = people['wg1-eu-cochair'];
    expect(
      (
        await c.coordinator.request('DELETE', `/api/working-groups/${groups.WG1}/members/${outgoing}`, {
          vacancyReason: 'Left the partner institution',
        })
      ).status,
    ).toBe(204);
    const after = (await start('coordinator')).risks!;
    expect(after.coChairVacancies.items).toEqual([
      expect.objectContaining({ workingGroupId: groups.WG1, workingGroupCode: 'WG1', region: 'europe' }),
    ]);
  });

  it('shows someone outside the group nothing of it', async () => {
    const page = await start('wg2-expert');
    expect(ids(page.meetings.items, 'meetingId')).not.toContain(meetingTomorrow.id);
    expect(ids(page.actions.items, 'id')).not.toContain(actionId);
    expect(page.mentions.items.map((m) => m.documentId)).not.toContain(paperId);
    expect(JSON.stringify(page.requests)).not.toContain(minutesId);
    expect(page.risks).toBeNull();
  });
});
