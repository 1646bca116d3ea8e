import { Clock } from '@roundtable/api-platform';
import { ActionRemindersService } from '@roundtable/api-minutes';
import { HttpClient } from '../support/http-client';
import { appendParagraph, connectCollab, waitForSync } from '../support/collab-client';
import { until } from '../support/poll';
import { RawWriter } from '../support/raw-writer';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

describe('minutes: approval, locking, cross-group sharing, archive, decisions and action items (real PostgreSQL, real SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let projectId: string;
  let meeting: {
    id: string;
    occurrences: Array<{ originalStart: string }>;
    agenda: Array<{ id: string; title: string }>;
  };
  let otherMeeting: { id: string; agenda: Array<{ id: string }> };
  let minutes: { id: string; documentId: string };
  let actionId: string;
  let integrityMinutes: { id: string; documentId: string };
  const groups: Record<string, string> = {};
  const people: Record<string, string> = {};
  const c: Record<string, HttpClient> = {};
  const writers: RawWriter[] = [];
  const savedSmtpUrl = process.env.SMTP_URL;

  const count = async (table: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    t = await startTestApp();
    t.app.get(Clock).set(new Date('2026-03-20T09:00:00Z'));
    for (const name of [
      'coordinator',
      'wg1-eu-cochair',
      'wg1-cn-cochair',
      'wg1-expert',
      'wg1-observer',
      'wg2-expert',
      'wg3-eu-cochair',
    ]) {
      c[name] = await new HttpClient(t.baseUrl).login(`${name}@example.org`);
    }
    projectId = (await c.coordinator.get('/api/projects')).body[0].id;
    for (const g of (await c.coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>)
      groups[g.code] = g.id;
    for (const row of await t.dataSource.query("SELECT id, email FROM people WHERE email LIKE 'wg%'"))
      people[row.email.replace('@example.org', '')] = row.id;
    const created = await c['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings`, {
      workingGroupId: groups.WG1,
      type: 'wg-meeting',
      title: 'Minutes test meeting',
      timeZone: 'Europe/Rome',
      start: '2026-02-10T10:00',
      durationMinutes: 90,
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
      agenda: [{ title: 'Paper outline' }, { title: 'Survey of hospitals' }],
      // wg2-expert is invited from another group; wg3-eu-cochair is not invited.
      inviteePersonIds: [
        people['wg1-eu-cochair'],
        people['wg1-cn-cochair'],
        people['wg1-expert'],
        people['wg1-observer'],
        people['wg2-expert'],
      ],
    });
    expect(created.status).toBe(201);
    meeting = created.body;
    otherMeeting = (
      await c['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings`, {
        workingGroupId: groups.WG1,
        type: 'wg-meeting',
        title: 'Other',
        timeZone: 'Europe/Rome',
        start: '2026-05-05T10:00',
        durationMinutes: 60,
        agenda: [{ title: 'Elsewhere' }],
      })
    ).body;
  });

  afterEach(() => {
    for (const writer of writers.splice(0)) writer.close();
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  it('starts minutes once per occurrence, by co-chairs and coordinators only, from a template with the time in both zones and the agenda', async () => {
    const first = meeting.occurrences[0].originalStart;
    expect((await c['wg1-expert'].post(`/api/meetings/${meeting.id}/minutes`, { occurrenceStart: first })).status).toBe(
      403,
    );
    for (const body of [{}, { occurrenceStart: 'yesterday' }, { occurrenceStart: '2026-02-11T09:00:00.000Z' }]) {
      const bad = await c['wg1-eu-cochair'].post(`/api/meetings/${meeting.id}/minutes`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['occurrenceStart']);
    }
    const seeded = await count('meeting_minutes');
    const started = await c['wg1-eu-cochair'].post(`/api/meetings/${meeting.id}/minutes`, { occurrenceStart: first });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: 'draft',
      occurrenceStart: first,
      workingGroupCode: 'WG1',
      approvals: [],
      approvalsNeeded: 2,
      canManage: true,
      canApprove: false,
    });
    minutes = started.body;
    const again = await c['wg1-cn-cochair'].post(`/api/meetings/${meeting.id}/minutes`, { occurrenceStart: first });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(minutes.id);
    expect(await count('meeting_minutes')).toBe(seeded + 1);

    const content = (await c['wg1-expert'].get(`/api/documents/${minutes.documentId}/content`)).body;
    expect(content.text).toContain('Minutes · 会议纪要: WG1 Minutes test meeting');
    // 10:00 in Rome is 17:00 in Shanghai in February.
    expect(content.text).toMatch(/10:00 \(Rome, GMT\+1\) \/ .*17:00 \(Shanghai, GMT\+8\)/);
    expect(content.text).toContain('WG1 China co-chair');
    expect(content.text).toContain('Paper outline');
    expect(content.text).toContain('Survey of hospitals');
    expect(
      (await c['wg1-expert'].get(`/api/meetings/${meeting.id}/minutes`)).body.map((m: { id: string }) => m.id),
    ).toEqual([minutes.id]);
  });

  it('shows draft minutes to the meeting’s group and invitees only: 404 to other groups, on REST and on the socket', async () => {
    expect((await c['wg3-eu-cochair'].get(`/api/minutes/${minutes.id}`)).status).toBe(404);
    expect((await c['wg3-eu-cochair'].get(`/api/documents/${minutes.documentId}`)).status).toBe(404);
    expect((await c['wg3-eu-cochair'].get('/api/documents')).body.map((d: { id: string }) => d.id)).not.toContain(
      minutes.documentId,
    );
    const outsider = new RawWriter(t.baseUrl, minutes.documentId, c['wg3-eu-cochair'].cookie!, 'minutes-test');
    writers.push(outsider);
    await outsider.opened;
    expect(outsider.upgradeStatus).toBe(404);
    // Invited from another group: reads, does not edit.
    const invited = await c['wg2-expert'].get(`/api/documents/${minutes.documentId}`);
    expect(invited.status).toBe(200);
    expect(invited.body.access).toBe('read');
    // The document page shows the minutes' status and links back to them.
    expect(invited.body.owner).toEqual({ kind: 'minutes', id: minutes.id, status: 'draft' });
    expect((await c['wg2-expert'].get(`/api/minutes/${minutes.id}`)).body).toMatchObject({
      canEditItems: false,
      canManage: false,
    });
    expect((await c['wg1-observer'].get(`/api/documents/${minutes.documentId}`)).body.access).toBe('read');
    expect((await c['wg1-expert'].get(`/api/documents/${minutes.documentId}`)).body.access).toBe('write');
  });

  it('records decisions and action items with permissions, refusing bad input by field and changing nothing', async () => {
    const [outline, survey] = meeting.agenda;
    const decision = await c['wg1-expert'].post(`/api/minutes/${minutes.id}/decisions`, {
      text: '  Adopt the outline with five chapters  ',
      agendaItemId: outline.id,
    });
    expect(decision.status).toBe(201);
    expect(decision.body).toMatchObject({
      text: 'Adopt the outline with five chapters',
      agendaItemTitle: 'Paper outline',
    });
    const action = await c['wg1-expert'].post(`/api/minutes/${minutes.id}/actions`, {
      text: 'Send the hospital survey',
      ownerPersonId: people['wg1-cn-cochair'],
      dueOn: '2026-03-01',
      agendaItemId: survey.id,
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({
      status: 'open',
      ownerName: 'WG1 China co-chair',
      dueOn: '2026-03-01',
      agendaItemTitle: 'Survey of hospitals',
      overdue: true,
    });
    actionId = action.body.id;
    const later = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/actions`, {
      text: 'Draft chapter 2',
      ownerPersonId: people['wg1-expert'],
      dueOn: '2026-06-30',
    });
    expect(later.body.overdue).toBe(false);

    const before = [await count('meeting_decisions'), await count('action_items')];
    const bad: Array<[Record<string, unknown>, string[]]> = [
      [{ text: 'x', ownerPersonId: '00000000-0000-4000-8000-000000000000' }, ['ownerPersonId']],
      [{ text: 'x', ownerPersonId: people['wg1-expert'], dueOn: '2026-02-30' }, ['dueOn']],
      [{ text: 'x', ownerPersonId: people['wg1-expert'], dueOn: '30/04/2026' }, ['dueOn']],
      [{ text: '   ', ownerPersonId: people['wg1-expert'] }, ['text']],
      [{ text: 'x', ownerPersonId: people['wg1-expert'], agendaItemId: otherMeeting.agenda[0].id }, ['agendaItemId']],
      [{ text: 'x', ownerPersonId: people['wg1-expert'], status: 'done' }, ['status']],
    ];
    for (const [body, fields] of bad) {
      const response = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/actions`, body);
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    }
    expect(
      (await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/decisions`, { text: 'y'.repeat(2001) })).body
        .fields[0].field,
    ).toBe('text');
    // Readers do not write; outsiders do not even see.
    expect(
      (
        await c['wg1-observer'].post(`/api/minutes/${minutes.id}/actions`, {
          text: 'x',
          ownerPersonId: people['wg1-expert'],
        })
      ).status,
    ).toBe(403);
    expect((await c['wg2-expert'].post(`/api/minutes/${minutes.id}/decisions`, { text: 'x' })).status).toBe(403);
    expect((await c['wg3-eu-cochair'].post(`/api/minutes/${minutes.id}/decisions`, { text: 'x' })).status).toBe(404);
    expect((await c['wg1-observer'].patch(`/api/actions/${actionId}`, { status: 'done' })).status).toBe(403);
    expect((await c['wg3-eu-cochair'].patch(`/api/actions/${actionId}`, { status: 'done' })).status).toBe(404);
    expect(
      (await c['wg1-cn-cochair'].patch(`/api/actions/${actionId}`, { status: 'finished' })).body.fields[0].field,
    ).toBe('status');
    expect(
      (await c['wg1-cn-cochair'].patch(`/api/actions/${actionId}`, { dueOn: '2026-13-01' })).body.fields[0].field,
    ).toBe('dueOn');
    expect([await count('meeting_decisions'), await count('action_items')]).toEqual(before);
    const [row] = await t.dataSource.query('SELECT status, due_on::text FROM action_items WHERE id = $1', [actionId]);
    expect(row).toEqual({ status: 'open', due_on: '2026-03-01' });

    // Edit and delete while a draft.
    const edited = await c['wg1-expert'].patch(`/api/actions/${later.body.id}`, {
      text: 'Draft chapter 2 and 3',
      dueOn: null,
    });
    expect(edited.body).toMatchObject({ text: 'Draft chapter 2 and 3', dueOn: null });
    const extra = await c['wg1-expert'].post(`/api/minutes/${minutes.id}/decisions`, { text: 'Temporary' });
    expect((await c['wg1-expert'].delete(`/api/minutes/${minutes.id}/decisions/${extra.body.id}`)).status).toBe(204);
    expect(
      (await c['wg1-expert'].get(`/api/minutes/${minutes.id}`)).body.decisions.map((d: { text: string }) => d.text),
    ).toEqual(['Adopt the outline with five chapters']);
  });

  it('lists my actions across groups with the overdue flag, and carries open actions into the next meeting until they are done', async () => {
    type Action = { text: string; overdue: boolean; workingGroupCode: string; minutesId: string; status: string };
    const ours = (list: Action[]) => list.filter((a) => a.minutesId === minutes.id);
    const mine = (await c['wg1-cn-cochair'].get('/api/me/actions')).body as Action[];
    expect(ours(mine).map((a) => [a.text, a.overdue, a.workingGroupCode])).toEqual([
      ['Send the hospital survey', true, 'WG1'],
    ]);
    expect(mine.every((a) => a.text !== 'Draft chapter 2 and 3')).toBe(true);
    // Across groups and meetings: the demo's open WG1 action from 2021 is the expert's, overdue, listed before done ones.
    const expert = (await c['wg1-expert'].get('/api/me/actions')).body as Action[];
    expect(expert[0]).toMatchObject({ text: 'Draft the chapter on data-sharing rules', overdue: true, status: 'open' });
    expect(ours(expert).map((a) => a.text)).toEqual(['Draft chapter 2 and 3']);

    const second = meeting.occurrences[1].originalStart;
    const carriedInto = async (id: string, before?: string) =>
      (
        await c['wg1-observer'].get(
          `/api/meetings/${id}/open-actions${before ? `?before=${encodeURIComponent(before)}` : ''}`,
        )
      ).body as Action[];
    const carried = await carriedInto(meeting.id, second);
    expect(
      ours(carried)
        .map((a) => a.text)
        .sort(),
    ).toEqual(['Draft chapter 2 and 3', 'Send the hospital survey']);
    // Open actions of the group's earlier meetings come along too (the demo's 2021 minutes).
    expect(carried.map((a) => a.text)).toContain('Draft the chapter on data-sharing rules');
    // Not carried into the occurrence it was recorded at.
    expect(ours(await carriedInto(meeting.id, meeting.occurrences[0].originalStart))).toEqual([]);
    // By default: the next occurrence to come (the clock is on 20 March 2026: the April meeting).
    expect(ours(await carriedInto(meeting.id))).toHaveLength(2);
    // Another meeting of the same group carries them too; a bad "before" is named.
    expect(ours(await carriedInto(otherMeeting.id))).toHaveLength(2);
    expect(
      (await c['wg1-observer'].get(`/api/meetings/${meeting.id}/open-actions?before=soon`)).body.fields[0].field,
    ).toBe('before');

    // The next minutes' template lists them.
    const next = await c['wg1-cn-cochair'].post(`/api/meetings/${meeting.id}/minutes`, { occurrenceStart: second });
    const text = (await c['wg1-expert'].get(`/api/documents/${next.body.documentId}/content`)).body.text;
    expect(text).toMatch(/Open actions carried over[\s\S]*Send the hospital survey — WG1 China co-chair, 2026-03-01/);

    // The owner closes one: it leaves the agenda at once (computed, not copied).
    const done = await c['wg1-cn-cochair'].patch(`/api/actions/${actionId}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(ours(await carriedInto(meeting.id, second)).map((a) => a.text)).toEqual(['Draft chapter 2 and 3']);
    expect((await c['wg1-cn-cochair'].patch(`/api/actions/${actionId}`, { status: 'open' })).status).toBe(200);
  });

  it('approves only circulated minutes, only by both co-chairs, once each; then locks them with a frozen snapshot', async () => {
    const editor = new RawWriter(t.baseUrl, minutes.documentId, c['wg1-expert'].cookie!, 'minutes-test');
    writers.push(editor);
    await editor.opened;
    editor.type('live edit');
    await until(() => editor.saved === 1, 'the live edit saved');
    editor.close();
    expect(
      (
        await c['wg1-expert'].post(`/api/documents/${minutes.documentId}/paragraphs`, {
          paragraphs: ['Zebrafish consensus reached.'],
        })
      ).status,
    ).toBe(200);

    const draftApproval = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/approvals`);
    expect(draftApproval.status).toBe(409);
    expect(draftApproval.body.code).toBe('ILLEGAL_TRANSITION');
    const approvalsBefore = await count('minutes_approvals');

    expect((await c['wg1-expert'].post(`/api/minutes/${minutes.id}/circulate`, {})).status).toBe(403);
    for (const commentDays of [0, 31, 2.5, '7']) {
      const bad = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/circulate`, { commentDays });
      expect(bad.status).toBe(400);
      expect(new Set(bad.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set(['commentDays']));
    }
    expect((await c['wg1-eu-cochair'].get(`/api/minutes/${minutes.id}`)).body.status).toBe('draft');
    const circulated = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/circulate`, {});
    expect(circulated.status).toBe(200);
    expect(circulated.body.status).toBe('circulated');
    expect(Date.parse(circulated.body.commentsUntil) - Date.parse(circulated.body.circulatedAt)).toBe(7 * 86_400_000);
    const chinese = await sink.waitForMessage(
      (m) => m.to.includes('wg1-cn-cochair@example.org') && m.subject.startsWith('会议纪要征求意见'),
    );
    expect(chinese.text).toContain(`/minutes/${minutes.id}`);
    expect(chinese.text).toMatch(/意见截止：.*\(Shanghai, GMT\+8\)/);
    await sink.waitForMessage(
      (m) => m.to.includes('wg2-expert@example.org') && m.subject === 'Minutes for comments: WG1 Minutes test meeting',
    );
    expect((await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/circulate`, {})).status).toBe(409);

    // Neither members nor coordinators approve a group's minutes.
    for (const who of ['wg1-expert', 'coordinator', 'wg3-eu-cochair']) {
      const refused = await c[who].post(`/api/minutes/${minutes.id}/approvals`);
      expect(refused.status).toBe(who === 'wg3-eu-cochair' ? 404 : 403);
    }
    const first = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/approvals`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'circulated',
      canApprove: false,
      approvals: [{ displayName: 'WG1 EU co-chair' }],
    });
    const twice = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/approvals`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONFLICT');
    expect(await count('minutes_approvals')).toBe(approvalsBefore + 1);
    // One approval is not enough: still editable while circulated. The edit withdraws it (it approved other text).
    expect(
      (
        await c['wg1-expert'].post(`/api/documents/${minutes.documentId}/paragraphs`, {
          paragraphs: ['Comment taken in.'],
        })
      ).status,
    ).toBe(200);
    await until(
      async () => (await c['wg1-eu-cochair'].get(`/api/minutes/${minutes.id}`)).body.approvals.length === 0,
      'the stale approval withdrawn',
    );
    expect((await c['wg1-eu-cochair'].get(`/api/minutes/${minutes.id}`)).body).toMatchObject({
      status: 'circulated',
      canApprove: true,
    });

    expect((await c['wg1-cn-cochair'].get(`/api/minutes/${minutes.id}`)).body.canApprove).toBe(true);
    const onlyOne = await c['wg1-cn-cochair'].post(`/api/minutes/${minutes.id}/approvals`);
    expect(onlyOne.body).toMatchObject({ status: 'circulated', approvals: [{ displayName: 'WG1 China co-chair' }] });
    const second = await c['wg1-eu-cochair'].post(`/api/minutes/${minutes.id}/approvals`);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'approved', canManage: false, canEditItems: false, canApprove: false });
    expect(second.body.approvals.map((a: { displayName: string }) => a.displayName)).toEqual([
      'WG1 China co-chair',
      'WG1 EU co-chair',
    ]);
    expect((await c['wg1-cn-cochair'].post(`/api/minutes/${minutes.id}/approvals`)).status).toBe(409);

    // Locked: read only for everyone, the REST path refused, the socket neither stores nor acknowledges.
    const document = (await c.coordinator.get(`/api/documents/${minutes.documentId}`)).body;
    expect(document).toMatchObject({ access: 'read', locked: { reason: 'Approved minutes' } });
    const rest = await c['wg1-eu-cochair'].post(`/api/documents/${minutes.documentId}/paragraphs`, {
      paragraphs: ['after approval'],
    });
    expect(rest.status).toBe(409);
    expect(rest.body.code).toBe('DOCUMENT_LOCKED');
    const rows = await count('document_updates');
    const late = new RawWriter(t.baseUrl, minutes.documentId, c['wg1-expert'].cookie!, 'minutes-test');
    writers.push(late);
    await late.opened;
    late.type('sneaked in');
    await new Promise((r) => setTimeout(r, 300));
    expect(late.saved).toBe(0);
    expect(await count('document_updates')).toBeLessThanOrEqual(rows);

    // The frozen snapshot is a version of kind 'approved' with the final text.
    const versions = (await c['wg1-observer'].get(`/api/documents/${minutes.documentId}/versions`)).body;
    const frozen = versions.find((v: { kind: string }) => v.kind === 'approved');
    expect(frozen.id).toBe(second.body.approvedVersionId);
    const snapshot = (await c['wg1-observer'].get(`/api/documents/${minutes.documentId}/versions/${frozen.id}`)).body;
    expect(snapshot.text).toContain('Comment taken in.');

    // Decisions and action content are frozen with it; the follow-up status is not.
    expect((await c['wg1-expert'].post(`/api/minutes/${minutes.id}/decisions`, { text: 'late' })).status).toBe(409);
    expect((await c['wg1-cn-cochair'].patch(`/api/actions/${actionId}`, { text: 'rewritten' })).status).toBe(409);
    expect((await c['wg1-cn-cochair'].patch(`/api/actions/${actionId}`, { status: 'dropped' })).body.status).toBe(
      'dropped',
    );
  });

  it('names the approved minutes as the owner of their document (not the document’s own draft status); other documents have none', async () => {
    const document = await c['wg1-observer'].get(`/api/documents/${minutes.documentId}`);
    expect(document.status).toBe(200);
    expect(document.body.owner).toEqual({ kind: 'minutes', id: minutes.id, status: 'approved' });
    const others = (await c['wg1-observer'].get('/api/documents')).body as Array<{ id: string; type: string }>;
    const paper = others.find((d) => d.type !== 'minutes')!;
    expect((await c['wg1-observer'].get(`/api/documents/${paper.id}`)).body.owner).toBeNull();
  });

  it('shares approved minutes with every group and finds them in the archive by text, group and date', async () => {
    const other = await c['wg3-eu-cochair'].get(`/api/minutes/${minutes.id}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ status: 'approved', canApprove: false, canEditItems: false });
    expect((await c['wg3-eu-cochair'].get(`/api/documents/${minutes.documentId}/content`)).body.text).toContain(
      'Zebrafish consensus',
    );
    // The second occurrence's minutes are still a draft: not shared, not archived.
    const listed = await c['wg3-eu-cochair'].get(`/api/meetings/${meeting.id}/minutes`);
    expect(listed.status).toBe(404); // the WG1 meeting itself is not theirs
    expect(
      (await c['wg1-expert'].get(`/api/meetings/${meeting.id}/minutes`)).body.map((m: { status: string }) => m.status),
    ).toEqual(['approved', 'draft']);

    const search = (query: string) => c['wg3-eu-cochair'].get(`/api/projects/${projectId}/minutes${query}`);
    const all = (await search('')).body;
    expect(all.map((m: { id: string }) => m.id)).toContain(minutes.id);
    expect(all.every((m: { status: string }) => m.status === 'approved')).toBe(true);
    const found = (await search('?q=zebrafish')).body;
    expect(found.map((m: { id: string }) => m.id)).toEqual([minutes.id]);
    expect(found[0].excerpt).toContain('Zebrafish consensus');
    expect((await search('?q=platypus')).body).toEqual([]);
    expect((await search('?q=100%25')).body).toEqual([]);
    expect((await search(`?q=zebrafish&workingGroupId=${groups.WG1}`)).body).toHaveLength(1);
    expect((await search(`?q=zebrafish&workingGroupId=${groups.WG2}`)).body).toEqual([]);
    expect((await search('?q=zebrafish&from=2026-02-10&to=2026-02-10')).body).toHaveLength(1);
    expect((await search('?q=zebrafish&from=2026-02-11')).body).toEqual([]);
    for (const [query, field] of [
      ['?from=2026-02-31', 'from'],
      ['?workingGroupId=WG1', 'workingGroupId'],
      ['?from=2026-03-01&to=2026-02-01', 'to'],
    ]) {
      const bad = await search(query);
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
  });

  it('approves project-event minutes by a coordinator alone', async () => {
    const event = (
      await c.coordinator.post(`/api/projects/${projectId}/meetings`, {
        type: 'harmonisation-workshop',
        title: 'Alignment workshop',
        timeZone: 'Asia/Shanghai',
        start: '2026-03-03T15:00',
        durationMinutes: 120,
        inviteePersonIds: [people['wg1-eu-cochair'], people['wg2-expert']],
      })
    ).body;
    const started = await c.coordinator.post(`/api/meetings/${event.id}/minutes`, {
      occurrenceStart: event.occurrences[0].originalStart,
    });
    expect(started.body.approvalsNeeded).toBe(1);
    expect((await c['wg3-eu-cochair'].get(`/api/minutes/${started.body.id}`)).status).toBe(404);
    await c.coordinator.post(`/api/minutes/${started.body.id}/circulate`, { commentDays: 3 });
    expect((await c['wg1-eu-cochair'].post(`/api/minutes/${started.body.id}/approvals`)).status).toBe(403);
    const approved = await c.coordinator.post(`/api/minutes/${started.body.id}/approvals`);
    expect(approved.body.status).toBe('approved');
    expect((await c['wg3-eu-cochair'].get(`/api/minutes/${started.body.id}`)).status).toBe(200);
  });

  it('binds approvals to the text approved: a live edit, a decision or a stale fingerprint withdraws them, and the approver is told', async () => {
    const started = await c['wg1-eu-cochair'].post(`/api/meetings/${meeting.id}/minutes`, {
      occurrenceStart: meeting.occurrences[2].originalStart,
    });
    expect(started.status).toBe(201);
    integrityMinutes = started.body;
    const m = integrityMinutes;
    expect((await c['wg1-eu-cochair'].post(`/api/minutes/${m.id}/circulate`, {})).status).toBe(200);
    const approvals = async (): Promise<string[]> =>
      (await c['wg1-expert'].get(`/api/minutes/${m.id}`)).body.approvals.map(
        (a: { displayName: string }) => a.displayName,
      );
    const withdrawnMail = (to: string, pattern: RegExp) =>
      sink.waitForMessage(
        (msg) =>
          msg.to.includes(to) && msg.text.includes(`/minutes/${m.id}`) && pattern.test(msg.text) && !seen.has(msg),
      );
    const seen = new Set<unknown>();

    // 1. The China co-chair approves; an expert then types in the live document: the approval no longer counts.
    expect((await c['wg1-cn-cochair'].post(`/api/minutes/${m.id}/approvals`)).body.approvals).toHaveLength(1);
    const [stored] = await t.dataSource.query('SELECT content_sha256 FROM minutes_approvals WHERE minutes_id = $1', [
      m.id,
    ]);
    expect(stored.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    const editor = connectCollab(t.baseUrl, m.documentId, c['wg1-expert'].cookie);
    try {
      await waitForSync(editor.provider);
      appendParagraph(editor.doc, 'Changed after the first approval.');
      await until(async () => (await approvals()).length === 0, 'the approval withdrawn after the live edit', 10_000);
    } finally {
      editor.provider.destroy();
    }
    const chinese = await withdrawnMail('wg1-cn-cochair@example.org', /正文、决定或行动项已被修改/);
    seen.add(chinese);
    expect(chinese.subject).toBe('您的批准已撤回：WG1 Minutes test meeting 的会议纪要');

    // 2. Approved again on the new text; a decision recorded afterwards withdraws it at once (in English for the EU co-chair).
    expect((await c['wg1-eu-cochair'].post(`/api/minutes/${m.id}/approvals`)).body.approvals).toHaveLength(1);
    expect(
      (await c['wg1-expert'].post(`/api/minutes/${m.id}/decisions`, { text: 'Decided after the approval' })).status,
    ).toBe(201);
    expect(await approvals()).toEqual([]);
    const english = await withdrawnMail(
      'wg1-eu-cochair@example.org',
      /the text, a decision or an action item was changed/,
    );
    seen.add(english);
    expect(english.subject).toBe('Your approval was withdrawn: minutes of WG1 Minutes test meeting');

    // 3. An action's follow-up status is not what was approved: changing it keeps the approval.
    const action = await c['wg1-expert'].post(`/api/minutes/${m.id}/actions`, {
      text: 'Send the survey',
      ownerPersonId: people['wg1-expert'],
    });
    expect(action.status).toBe(201);
    expect((await c['wg1-eu-cochair'].post(`/api/minutes/${m.id}/approvals`)).status).toBe(200);
    expect((await c['wg1-expert'].patch(`/api/actions/${action.body.id}`, { status: 'done' })).status).toBe(200);
    expect(await approvals()).toEqual(['WG1 EU co-chair']);

    // 4. The last approval re-checks the others: one whose text changed unnoticed (here: recorded on other text)
    //    is withdrawn instead of being locked in with text its author never saw.
    await t.dataSource.query("UPDATE minutes_approvals SET content_sha256 = repeat('0', 64) WHERE minutes_id = $1", [
      m.id,
    ]);
    const notLast = await c['wg1-cn-cochair'].post(`/api/minutes/${m.id}/approvals`);
    expect(notLast.status).toBe(200);
    expect(notLast.body).toMatchObject({ status: 'circulated', approvals: [{ displayName: 'WG1 China co-chair' }] });
    seen.add(await withdrawnMail('wg1-eu-cochair@example.org', /the text, a decision or an action item was changed/));
    const last = await c['wg1-eu-cochair'].post(`/api/minutes/${m.id}/approvals`);
    expect(last.body.status).toBe('approved');
    const frozen = (await c['wg1-expert'].get(`/api/documents/${m.documentId}/versions/${last.body.approvedVersionId}`))
      .body;
    expect(frozen.text).toContain('Changed after the first approval.');
  });

  it('returns approved minutes to draft when a coordinator unlocks them: editable, shown as not approved, approvers told', async () => {
    const m = integrityMinutes;
    expect(
      (await c['wg1-expert'].post(`/api/documents/${m.documentId}/paragraphs`, { paragraphs: ['too late'] })).status,
    ).toBe(409);
    expect((await c['wg1-eu-cochair'].post(`/api/documents/${m.documentId}/unlock`)).status).toBe(403);
    expect((await c['wg1-expert'].get(`/api/minutes/${m.id}`)).body.status).toBe('approved');
    expect((await c['wg3-eu-cochair'].get(`/api/minutes/${m.id}`)).status).toBe(200);

    const unlocked = await c.coordinator.post(`/api/documents/${m.documentId}/unlock`);
    expect(unlocked.status).toBe(200);
    const reopened = (await c['wg1-expert'].get(`/api/minutes/${m.id}`)).body;
    expect(reopened).toMatchObject({
      status: 'draft',
      approvals: [],
      approvedAt: null,
      approvedVersionId: null,
      canEditItems: true,
    });
    expect((await c['wg1-expert'].get(`/api/documents/${m.documentId}`)).body.access).toBe('write');
    expect(
      (
        await c['wg1-expert'].post(`/api/documents/${m.documentId}/paragraphs`, {
          paragraphs: ['Corrected after reopening.'],
        })
      ).status,
    ).toBe(200);
    // No longer approved anywhere: not shared with other groups, not in the archive, not approvable before circulating again.
    expect((await c['wg3-eu-cochair'].get(`/api/minutes/${m.id}`)).status).toBe(404);
    const archive = (await c.coordinator.get(`/api/projects/${projectId}/minutes`)).body;
    expect(archive.map((a: { id: string }) => a.id)).not.toContain(m.id);
    const refused = await c['wg1-eu-cochair'].post(`/api/minutes/${m.id}/approvals`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ILLEGAL_TRANSITION');
    for (const [to, pattern] of [
      ['wg1-eu-cochair@example.org', /a coordinator unlocked the approved minutes/],
      ['wg1-cn-cochair@example.org', /协调人解锁了已批准的会议纪要/],
    ] as const) {
      const told = await sink.waitForMessage(
        (msg) => msg.to.includes(to) && msg.text.includes(`/minutes/${m.id}`) && pattern.test(msg.text),
      );
      expect(told.subject).toMatch(/withdrawn|撤回/);
    }
  });

  it('seeds approved minutes (locked, both demo co-chairs, frozen version) with decisions and actions, and a later draft, once', async () => {
    const { seedDemo } = await import('@roundtable/api-demo');
    const before = await count('meeting_minutes');
    await seedDemo(t.dataSource);
    expect(await count('meeting_minutes')).toBe(before);
    const archive = (await c['wg3-eu-cochair'].get(`/api/projects/${projectId}/minutes?workingGroupId=${groups.WG2}`))
      .body;
    expect(archive.map((m: { occurrenceStart: string }) => m.occurrenceStart)).toEqual([
      '2021-05-12T08:00:00.000Z',
      '2021-04-14T08:00:00.000Z',
    ]);
    const seeded = (await c['wg3-eu-cochair'].get(`/api/minutes/${archive[1].id}`)).body;
    expect(seeded.approvals.map((a: { displayName: string }) => a.displayName)).toEqual([
      'WG2 EU co-chair',
      'WG2 China co-chair',
    ]);
    expect(seeded.decisions).toHaveLength(1);
    expect(seeded.actions.map((a: { status: string }) => a.status)).toEqual(['done', 'done']);
    expect((await c['wg3-eu-cochair'].get(`/api/documents/${seeded.documentId}`)).body).toMatchObject({
      access: 'read',
      locked: { reason: 'Approved minutes' },
    });
    expect(
      (await c['wg3-eu-cochair'].get(`/api/documents/${seeded.documentId}/versions/${seeded.approvedVersionId}`)).body
        .text,
    ).toContain('WG2 Monthly meeting');
    const found = (await c['wg3-eu-cochair'].get(`/api/projects/${projectId}/minutes?q=data-sharing`)).body as Array<{
      meetingTitle: string;
      workingGroupCode: string;
    }>;
    expect(
      found
        .filter((m) => m.meetingTitle === 'Monthly meeting')
        .map((m) => m.workingGroupCode)
        .sort(),
    ).toEqual(['WG1', 'WG2', 'WG3']);
    const [draft] = await t.dataSource.query(
      `SELECT mm.status FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id WHERE m.seed_key = 'meeting:wg2-monthly' ORDER BY mm.occurrence_start DESC LIMIT 1`,
    );
    expect(draft.status).toBe('draft');
  });

  it('reminds the owner of an open action two days before it is due, once, in their language', async () => {
    const draft = (await c['wg1-expert'].get(`/api/meetings/${meeting.id}/minutes`)).body.find(
      (m: { status: string }) => m.status === 'draft',
    );
    const created = await c['wg1-expert'].post(`/api/minutes/${draft.id}/actions`, {
      text: 'Book the workshop room',
      ownerPersonId: people['wg1-cn-cochair'],
      dueOn: '2026-03-22',
    });
    expect(created.status).toBe(201);
    const reminders = t.app.get(ActionRemindersService);
    // The queue's own sweep may run at any moment too: whoever runs first sends, nobody sends twice.
    await reminders.sweep();
    expect(await reminders.sweep()).toBe(0);
    const rows = await t.dataSource.query('SELECT due_on::text FROM action_item_reminders WHERE action_id = $1', [
      created.body.id,
    ]);
    expect(rows).toEqual([{ due_on: '2026-03-22' }]);
    const mail = await sink.waitForMessage((m) => m.subject === '行动项即将到期：Book the workshop room');
    expect(mail.to).toContain('wg1-cn-cochair@example.org');
    expect(mail.text).toContain('截止日期：2026-03-22');
    expect(sink.messages.filter((m) => m.subject.includes('Book the workshop room'))).toHaveLength(1);
    // Overdue or closed actions get no reminder.
    const [overdue] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM action_item_reminders r JOIN action_items a ON a.id = r.action_id WHERE a.text = 'Draft the chapter on data-sharing rules'",
    );
    expect(overdue.n).toBe(0);
  });
});
