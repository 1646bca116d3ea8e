import { Clock } from '@roundtable/api-platform';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * One clock everywhere (issue #13): with the server clock moved to 2021-12-20 (as ROUNDTABLE_CLOCK does), the
 * meetings list, minutes approvals, comments and the open call all take "now" from it, not from real time.
 */
describe('one business clock (real PostgreSQL, clock at 2021-12-20)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let clock: Clock;
  let projectId: string;
  const groups: Record<string, string> = {};
  const clients: Record<string, HttpClient> = {};
  const savedSmtpUrl = process.env.SMTP_URL;
  const at = new Date('2021-12-20T10:00:00Z');

  const callRequest = (closesAt: string) => ({
    projectId,
    title: { en: 'Call for experts', zh: '专家征集' },
    description: { en: 'Join a working group.', zh: '加入工作组。' },
    eligibility: { en: 'Researchers.', zh: '研究人员。' },
    workingGroupIds: [groups.WG1],
    closesAt,
  });
  const application = (email: string) => ({
    name: 'Applicant',
    email,
    country: 'FR',
    affiliation: 'Institut Exemple',
    sector: 'academia',
    expertise: ['genomics'],
    preferredWorkingGroupIds: [groups.WG1],
    motivation: 'I would like to contribute to sustainable personalised medicine.',
    conflictOfInterest: 'none',
    consentGdpr: true,
    consentPipl: true,
  });

  /** Day (UTC) of a timestamp or date column of the one row `sql` selects. */
  async function dayOf(sql: string, params: unknown[]): Promise<string> {
    const rows = await t.dataSource.query(`SELECT to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day`, params);
    return rows[0].day;
  }

  async function as(name: string): Promise<HttpClient> {
    clients[name] ??= await new HttpClient(t.baseUrl).login(`${name}@example.org`);
    return clients[name];
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set(at);
    const coordinator = await as('coordinator');
    projectId = (await coordinator.get('/api/projects')).body[0].id;
    for (const g of (await coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>)
      groups[g.code] = g.id;
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  it('lists the next occurrence of a monthly series from 2021 after the clock, not after real time', async () => {
    const list = (await (await as('wg1-eu-cochair')).get(`/api/projects/${projectId}/meetings`)).body as Array<{
      rrule: string | null;
      workingGroupCode: string | null;
      next: { start: string } | null;
    }>;
    const series = list.find((m) => m.workingGroupCode === 'WG1' && m.rrule?.startsWith('FREQ=MONTHLY'));
    expect(series).toBeDefined();
    expect(series!.next).not.toBeNull();
    const next = Date.parse(series!.next!.start);
    expect(next).toBeGreaterThan(at.getTime() - 24 * 60 * 60 * 1000);
    expect(next).toBeLessThan(Date.parse('2022-02-01T00:00:00Z'));
  });

  it('stamps a minutes approval with the clock’s date', async () => {
    const cochair = await as('wg1-eu-cochair');
    const meeting = await cochair.post(`/api/projects/${projectId}/meetings`, {
      workingGroupId: groups.WG1,
      type: 'wg-meeting',
      title: 'December meeting',
      timeZone: 'Europe/Rome',
      start: '2021-12-16T10:00',
      durationMinutes: 60,
      agenda: [{ title: 'Cohorts' }],
    });
    expect(meeting.status).toBe(201);
    const started = await cochair.post(`/api/meetings/${meeting.body.id}/minutes`, {
      occurrenceStart: meeting.body.occurrences[0].originalStart,
    });
    expect(started.status).toBe(201);
    expect((await cochair.post(`/api/minutes/${started.body.id}/circulate`, {})).status).toBe(200);
    expect((await cochair.post(`/api/minutes/${started.body.id}/approvals`)).status).toBe(200);
    const rows = await t.dataSource.query(
      "SELECT to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM minutes_approvals WHERE minutes_id = $1",
      [started.body.id],
    );
    expect(rows).toEqual([{ day: '2021-12-20' }]);
  });

  it('stamps comments, replies and edits with the clock’s date', async () => {
    const cochair = await as('wg1-eu-cochair');
    const documents = (await (await as('coordinator')).get('/api/documents')).body as Array<{
      id: string;
      workingGroupCode: string | null;
    }>;
    const paperId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
    const created = await cochair.post(`/api/documents/${paperId}/comments`, {
      anchorStart: { item: { client: 1, clock: 0 }, assoc: 0 },
      anchorEnd: { item: { client: 1, clock: 3 }, assoc: -1 },
      quote: 'text',
      body: 'Stamped by the clock?',
    });
    expect(created.status).toBe(201);
    expect(created.body.createdAt.slice(0, 10)).toBe('2021-12-20');
    const first = created.body.comments[0];
    expect(first.createdAt.slice(0, 10)).toBe('2021-12-20');
    const reply = await cochair.post(`/api/comment-threads/${created.body.id}/replies`, { body: 'A reply' });
    expect(reply.status).toBe(201);
    expect(reply.body.comments.map((c: { createdAt: string }) => c.createdAt.slice(0, 10))).toEqual([
      '2021-12-20',
      '2021-12-20',
    ]);
    const edited = await cochair.patch(`/api/comments/${first.id}`, { body: 'Edited by the clock' });
    expect(edited.status).toBe(200);
    expect(edited.body.comments[0].editedAt.slice(0, 10)).toBe('2021-12-20');
  });

  it('opens a call closing 2022-01-31 that takes applications, and refuses them once a call closed on 2021-12-01', async () => {
    const coordinator = await as('coordinator');
    const anonymous = new HttpClient(t.baseUrl);

    const open = await coordinator.post('/api/calls', callRequest('2022-01-31T23:59:00Z'));
    expect(open.status).toBe(201);
    expect(open.body.open).toBe(true);
    expect(
      (await anonymous.post(`/api/public/calls/${open.body.id}/applications`, application('open@example.net'))).status,
    ).toBe(202);

    // A closing date before the clock is refused, naming the field.
    const past = await coordinator.post('/api/calls', callRequest('2021-12-01T23:59:00Z'));
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('closesAt');

    clock.set(new Date('2021-11-15T10:00:00Z'));
    const earlier = await coordinator.post('/api/calls', callRequest('2021-12-01T23:59:00Z'));
    clock.set(at);
    expect(earlier.status).toBe(201);
    const refused = await anonymous.post(
      `/api/public/calls/${earlier.body.id}/applications`,
      application('late@example.net'),
    );
    expect(refused.status).toBe(410);
    expect(refused.body.code).toBe('CALL_CLOSED');
  });

  it('dates an invitation’s expiry from the clock and shows it pending, not expired', async () => {
    const invited = await (
      await as('wg1-eu-cochair')
    ).post(`/api/working-groups/${groups.WG1}/invitations`, { email: 'clock-invitee@example.net', role: 'expert' });
    expect(invited.status).toBe(201);
    expect(invited.body.status).toBe('pending');
    const expires = Date.parse(invited.body.expiresAt);
    expect(expires).toBeGreaterThan(at.getTime());
    expect(expires).toBeLessThan(Date.parse('2022-12-31T00:00:00Z'));
  });

  it('accepts an application’s confirmation link until its expiry by the clock, and stamps the application, its confirmation and the decision with the clock’s date', async () => {
    const coordinator = await as('coordinator');
    const call = await coordinator.post('/api/calls', callRequest('2022-01-31T23:59:00Z'));
    expect(call.status).toBe(201);
    const anonymous = new HttpClient(t.baseUrl);
    const email = 'clocked-applicant@example.net';
    expect((await anonymous.post(`/api/public/calls/${call.body.id}/applications`, application(email))).status).toBe(
      202,
    );
    const mail = await sink.waitForMessage((m) => m.to.includes(email) && /\/apply\/confirm\//.test(m.text));
    const token = /\/apply\/confirm\/([\w-]+)/.exec(mail.text)![1];
    // The link lives 48 hours from the clock's 2021-12-20: by real time it expired long ago.
    const confirmed = await anonymous.post(`/api/public/application-confirmations/${token}`);
    expect(confirmed.status).toBe(200);
    const [{ id }] = await t.dataSource.query('SELECT id FROM applications WHERE email = $1', [email]);
    const stamps = {
      submitted: await dayOf('(SELECT submitted_at FROM applications WHERE id = $1)', [id]),
      updated: await dayOf('(SELECT updated_at FROM applications WHERE id = $1)', [id]),
      confirmed: await dayOf('(SELECT confirmed_at FROM application_submissions WHERE application_id = $1)', [id]),
    };
    expect(stamps).toEqual({ submitted: '2021-12-20', updated: '2021-12-20', confirmed: '2021-12-20' });
    const decided = await coordinator.post(`/api/applications/${id}/decision`, { decision: 'decline' });
    expect(decided.status).toBe(200);
    expect(await dayOf('(SELECT decided_at FROM applications WHERE id = $1)', [id])).toBe('2021-12-20');
    expect(await dayOf('(SELECT updated_at FROM applications WHERE id = $1)', [id])).toBe('2021-12-20');

    // An earlier unconfirmed link for the same address is revoked on the clock's date when a later one is confirmed.
    const again = 'clocked-twice@example.net';
    for (let i = 0; i < 2; i++)
      expect((await anonymous.post(`/api/public/calls/${call.body.id}/applications`, application(again))).status).toBe(
        202,
      );
    const mails = await poll(
      () => sink.messages.filter((m) => m.to.includes(again)),
      (found) => found.length === 2,
      'two confirmation mails',
    );
    const last = mails.at(-1)!;
    const lastToken = /\/apply\/confirm\/([\w-]+)/.exec(last.text)![1];
    expect((await anonymous.post(`/api/public/application-confirmations/${lastToken}`)).status).toBe(200);
    expect(
      await dayOf('(SELECT revoked_at FROM application_submissions WHERE email = $1 AND revoked_at IS NOT NULL)', [
        again,
      ]),
    ).toBe('2021-12-20');
  });

  it('dates a membership’s start and end, and a project role’s grant and revocation, from the clock', async () => {
    const coordinator = await as('coordinator');
    const [{ id: personId }] = await t.dataSource.query(
      `SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM memberships WHERE working_group_id = $1)
         AND id NOT IN (SELECT person_id FROM project_roles) ORDER BY id LIMIT 1`,
      [groups.WG2],
    );
    const added = await coordinator.post(`/api/working-groups/${groups.WG2}/members`, { personId, role: 'expert' });
    expect(added.status).toBe(201);
    expect((await coordinator.delete(`/api/working-groups/${groups.WG2}/members/${personId}`)).status).toBe(204);
    const [membership] = await t.dataSource.query(
      `SELECT to_char(joined_on, 'YYYY-MM-DD') AS joined, to_char(left_on, 'YYYY-MM-DD') AS left
         FROM memberships WHERE working_group_id = $1 AND person_id = $2`,
      [groups.WG2, personId],
    );
    expect(membership).toEqual({ joined: '2021-12-20', left: '2021-12-20' });

    const granted = await coordinator.post(`/api/projects/${projectId}/roles`, { personId, role: 'advisory-board' });
    expect(granted.status).toBe(201);
    expect((await coordinator.delete(`/api/projects/${projectId}/roles/${personId}/advisory-board`)).status).toBe(204);
    const where = '(SELECT %s FROM project_roles WHERE project_id = $1 AND person_id = $2)';
    expect(await dayOf(where.replace('%s', 'granted_at'), [projectId, personId])).toBe('2021-12-20');
    expect(await dayOf(where.replace('%s', 'revoked_at'), [projectId, personId])).toBe('2021-12-20');
  });

  it('dates a document’s status change, and the document’s updatedAt it moves, from the clock', async () => {
    const coordinator = await as('coordinator');
    const documents = (await coordinator.get('/api/documents')).body as Array<{
      id: string;
      status: string;
      workingGroupCode: string | null;
    }>;
    const paper = documents.find((d) => d.workingGroupCode === 'WG2' && d.status !== 'final')!;
    const status = paper.status === 'in-review' ? 'draft' : 'in-review';
    const changed = await coordinator.request('PUT', `/api/documents/${paper.id}/status`, { status });
    expect(changed.status).toBe(200);
    const after = (await coordinator.get(`/api/documents/${paper.id}`)).body as { status: string; updatedAt: string };
    expect(after.status).toBe(status);
    expect(after.updatedAt.slice(0, 10)).toBe('2021-12-20');
    expect(
      await dayOf(
        '(SELECT changed_at FROM document_status_changes WHERE document_id = $1 ORDER BY changed_at DESC LIMIT 1)',
        [paper.id],
      ),
    ).toBe('2021-12-20');
  });
});
