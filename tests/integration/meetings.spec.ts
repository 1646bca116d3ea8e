import { poll } from '../support/poll';
import { HttpClient } from '../support/http-client';
import { expandOccurrences as expand, icsAttachment as icsOf, parseIcs } from '../support/ical';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { MIGRATIONS } from '@roundtable/api-database';
import { migrate, revertLastMigration } from '../../apps/api/src/database/data-source';
import { createTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

describe('meetings across time zones (real PostgreSQL, real SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let projectId: string;
  const groups: Record<string, string> = {};
  const people: Record<string, string> = {};
  const clients: Record<string, HttpClient> = {};
  const savedSmtpUrl = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    t = await startTestApp();
    for (const email of [
      'coordinator',
      'wg1-eu-cochair',
      'wg1-cn-cochair',
      'wg1-expert',
      'wg1-observer',
      'wg2-eu-cochair',
      'wg2-expert',
      'wg3-eu-cochair',
      'advisory-eu',
    ]) {
      clients[email] = await new HttpClient(t.baseUrl).login(`${email}@example.org`);
    }
    projectId = (await clients.coordinator.get('/api/projects')).body[0].id;
    for (const g of (await clients.coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>)
      groups[g.code] = g.id;
    for (const row of await t.dataSource.query(
      "SELECT id, email FROM people WHERE email LIKE 'wg%' OR email LIKE 'expert%' OR email LIKE 'advisory%'",
    )) {
      people[row.email.replace('@example.org', '')] = row.id;
    }
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  const wg1Core = () => [
    people['wg1-eu-cochair'],
    people['wg1-cn-cochair'],
    people['wg1-expert'],
    people['wg1-observer'],
  ];

  async function count(table: string): Promise<number> {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  async function schedule(body: Record<string, unknown>, as = 'wg1-eu-cochair') {
    return clients[as].post(`/api/projects/${projectId}/meetings`, {
      workingGroupId: groups.WG1,
      type: 'wg-meeting',
      title: 'Monthly meeting',
      timeZone: 'Europe/Rome',
      durationMinutes: 90,
      inviteePersonIds: wg1Core(),
      ...body,
    });
  }

  it('seeds the demo’s meetings once: the WG kick-off in March 2021, monthly series per group, both workshops', async () => {
    const { seedDemo } = await import('@roundtable/api-demo');
    await seedDemo(t.dataSource); // a second run adds nothing
    const list = (await clients.coordinator.get(`/api/projects/${projectId}/meetings`)).body as Array<{
      id: string;
      type: string;
      start: string;
      rrule: string | null;
      workingGroupCode: string | null;
      timeZone: string;
    }>;
    const seeded = list.filter((m) => m.start < '2024-01-01');
    expect(seeded.map((m) => [m.type, m.workingGroupCode])).toEqual([
      ['kick-off', null],
      ['wg-meeting', 'WG3'],
      ['wg-meeting', 'WG1'],
      ['wg-meeting', 'WG2'],
      ['harmonisation-workshop', null],
      ['roadmap-validation-workshop', null],
    ]);
    expect(seeded[0].start).toBe('2021-03-16T09:00:00.000Z');
    expect(seeded[1]).toMatchObject({
      timeZone: 'Asia/Shanghai',
      rrule: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=24',
      start: '2021-04-08T08:00:00.000Z',
    });
    const series = (await clients['wg1-observer'].get(`/api/meetings/${seeded[2].id}`)).body;
    expect(series.occurrences).toHaveLength(24);
    expect(series.agenda.length).toBeGreaterThan(0);
    expect(series.dstShifts.length).toBeGreaterThan(0);
    // The kick-off is a project event: every group sees it and everyone in the project is invited.
    expect((await clients['wg2-expert'].get(`/api/meetings/${seeded[0].id}`)).body.invited).toBe(true);
  });

  it('schedules a monthly series in Rome time: 10:00 Rome every 2nd Tuesday, 17:00 then 16:00 in Shanghai, with a DST warning and mails with the .ics', async () => {
    const sent = sink.messages.length;
    const response = await schedule({
      start: '2026-02-10T10:00',
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6',
      onlineUrl: 'https://meet.example.org/wg1',
      agenda: [
        { title: 'Welcome', minutesAllotted: 10, presenterPersonId: people['wg1-eu-cochair'] },
        { title: 'Position paper outline', minutesAllotted: 60 },
      ],
    });
    expect(response.status).toBe(201);
    const meeting = response.body;
    expect(meeting).toMatchObject({
      type: 'wg-meeting',
      workingGroupCode: 'WG1',
      timeZone: 'Europe/Rome',
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6',
      sequence: 0,
      status: 'scheduled',
      canManage: true,
    });
    expect(meeting.occurrences.map((o: { start: string }) => o.start)).toEqual([
      '2026-02-10T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-04-14T08:00:00.000Z',
      '2026-05-12T08:00:00.000Z',
      '2026-06-09T08:00:00.000Z',
      '2026-07-14T08:00:00.000Z',
    ]);
    expect(meeting.dstShifts).toEqual([
      {
        at: '2026-04-14T08:00:00.000Z',
        zone: 'Asia/Shanghai',
        hoursBefore: 7,
        hoursAfter: 6,
        localTimeBefore: '17:00',
        localTimeAfter: '16:00',
      },
    ]);
    expect(
      meeting.agenda.map((a: { title: string; presenterName: string | null }) => [a.title, a.presenterName]),
    ).toEqual([
      ['Welcome', 'WG1 EU co-chair'],
      ['Position paper outline', null],
    ]);
    expect(meeting.invitees).toHaveLength(4);

    const chinese = await sink.waitForMessage(
      (m) => m.to.includes('wg1-cn-cochair@example.org') && m.subject.includes('Monthly meeting'),
    );
    expect(chinese.subject).toBe('会议邀请：WG1 Monthly meeting');
    expect(chinese.text).toMatch(/时间：.*17:00 \(Shanghai, GMT\+8\) \/ .*10:00 \(Rome, GMT\+1\)/);
    const { method, events } = parseIcs(icsOf(chinese));
    expect(method).toBe('REQUEST');
    expect(events[0].uid).toBe(`${meeting.id}@roundtable`);
    expect(events[0].sequence).toBe(0);
    expect(events[0].organizer).toBe('mailto:wg1-eu-cochair@example.org');
    expect(events[0].attendees).toHaveLength(4);
    expect(expand(events)).toEqual(meeting.occurrences.map((o: { start: string }) => o.start));
    const english = await sink.waitForMessage(
      (m) => m.to.includes('wg1-expert@example.org') && m.subject === 'Invitation: WG1 Monthly meeting',
    );
    // The expert lives in Berlin: same offsets as Rome, so one time is shown.
    expect(english.text).toMatch(/When: .*10:00 \(Berlin, GMT\+1\) \/ .*10:00 \(Rome, GMT\+1\)/);
    await sink.waitForMessage(() => sink.messages.length >= sent + 4);
    const [outbox] = await poll(
      () =>
        t.dataSource.query(
          "SELECT status, attachments->0->>'filename' AS file FROM mail_outbox WHERE to_address = 'wg1-observer@example.org' AND kind = 'meeting-invitation'",
        ),
      (rows: Array<{ status: string }>) => rows[0]?.status === 'sent',
      'the observer’s invitation marked sent',
    );
    expect(outbox).toEqual({ status: 'sent', file: 'meeting.ics' });
  });

  it('invites the working group’s current members by default', async () => {
    const response = await schedule({ start: '2026-09-15T10:00', inviteePersonIds: undefined, title: 'Everyone' });
    expect(response.status).toBe(201);
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM memberships WHERE working_group_id = $1 AND left_on IS NULL',
      [groups.WG1],
    );
    expect(response.body.invitees).toHaveLength(n);
  });

  it('saves an unchanged meeting without raising its SEQUENCE or mailing anyone; a real change does both', async () => {
    const meeting = (
      await schedule({
        start: '2026-09-08T10:00',
        title: 'Unchanged save',
        agenda: [{ title: 'Only item', minutesAllotted: 10 }],
      })
    ).body;
    const mails = async () =>
      (
        await t.dataSource.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM mail_outbox WHERE subject LIKE $1',
          ['%Unchanged save%'],
        )
      )[0].n;
    const invited = await mails();
    expect(invited).toBeGreaterThan(0);
    const same = {
      title: 'Unchanged save',
      start: '2026-09-08T10:00',
      timeZone: 'Europe/Rome',
      durationMinutes: 90,
      inviteePersonIds: [...wg1Core()].reverse(),
      agenda: [{ id: meeting.agenda[0].id, title: 'Only item', minutesAllotted: 10 }],
    };
    for (const body of [{}, same]) {
      const saved = await clients['wg1-eu-cochair'].request('PATCH', `/api/meetings/${meeting.id}`, body);
      expect(saved.status).toBe(200);
      expect(saved.body.sequence).toBe(0);
    }
    // The outbox row commits with the change itself (ADR 007), so none now means none at all.
    expect(await mails()).toBe(invited);
    const moved = await clients['wg1-eu-cochair'].request('PATCH', `/api/meetings/${meeting.id}`, {
      ...same,
      start: '2026-09-08T11:00',
    });
    expect(moved.body.sequence).toBe(1);
    expect(await mails()).toBeGreaterThan(invited);
  });

  it('moves one occurrence and cancels another: SEQUENCE rises, the .ics carries RECURRENCE-ID and EXDATE, ical.js agrees across DST', async () => {
    const meeting = (
      await schedule({
        start: '2026-03-10T10:00',
        rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
        title: 'Series with exceptions',
      })
    ).body;
    const moved = await clients['wg1-cn-cochair'].request(
      'PUT',
      `/api/meetings/${meeting.id}/occurrences/2026-04-14T08:00:00.000Z`,
      { start: '2026-04-15T14:00', durationMinutes: 60 },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.sequence).toBe(1);
    const cancelled = await clients['wg1-eu-cochair'].post(
      `/api/meetings/${meeting.id}/occurrences/2026-05-12T08:00:00.000Z/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.sequence).toBe(2);
    expect(
      cancelled.body.occurrences.map((o: { start: string; cancelled: boolean; changed: boolean }) => [
        o.start,
        o.cancelled,
        o.changed,
      ]),
    ).toEqual([
      ['2026-03-10T09:00:00.000Z', false, false],
      ['2026-04-15T12:00:00.000Z', false, true],
      ['2026-05-12T08:00:00.000Z', true, false],
      ['2026-06-09T08:00:00.000Z', false, false],
    ]);

    const ics = await clients['wg1-observer'].get(`/api/meetings/${meeting.id}/meeting.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.body).toContain('EXDATE;TZID=Europe/Rome:20260512T100000');
    expect(ics.body).toContain('RECURRENCE-ID;TZID=Europe/Rome:20260414T100000');
    const { events } = parseIcs(ics.body);
    expect(events.every((e) => e.sequence === 2)).toBe(true);
    expect(expand(events)).toEqual([
      '2026-03-10T09:00:00.000Z',
      '2026-04-15T12:00:00.000Z',
      '2026-06-09T08:00:00.000Z',
    ]);

    const mail = await sink.waitForMessage(
      (m) =>
        m.to.includes('wg1-expert@example.org') && m.subject === 'One meeting cancelled: WG1 Series with exceptions',
    );
    expect(parseIcs(icsOf(mail)).events[0].sequence).toBe(2);
  });

  it('refuses an occurrence the series does not have, naming the field', async () => {
    const meeting = (
      await schedule({ start: '2026-03-10T10:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=2', title: 'Short series' })
    ).body;
    const response = await clients['wg1-eu-cochair'].post(
      `/api/meetings/${meeting.id}/occurrences/2026-03-11T09:00:00.000Z/cancel`,
    );
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      {
        field: 'originalStart',
        code: 'notAnOccurrence',
        message: expect.stringContaining('no occurrence starting at 2026-03-11T09:00:00.000Z'),
      },
    ]);
    expect((await clients['wg1-eu-cochair'].get(`/api/meetings/${meeting.id}`)).body.sequence).toBe(0);
  });

  it('keeps 10:00 Rome on the autumn change and refuses a start that does not exist (02:30 on the last Sunday of March)', async () => {
    const weekly = await schedule({
      start: '2026-10-20T10:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
      title: 'Autumn',
    });
    expect(weekly.status).toBe(201);
    expect(weekly.body.occurrences.map((o: { start: string }) => o.start)).toEqual([
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
    ]);
    expect(
      weekly.body.dstShifts.map((s: { localTimeBefore: string; localTimeAfter: string }) => [
        s.localTimeBefore,
        s.localTimeAfter,
      ]),
    ).toEqual([['16:00', '17:00']]);

    const before = await count('meetings');
    const gap = await schedule({ start: '2026-03-29T02:30', title: 'In the gap' });
    expect(gap.status).toBe(400);
    expect(gap.body.fields).toEqual([
      {
        field: 'start',
        code: 'nonexistentLocalTime',
        message: expect.stringContaining('does not exist in Europe/Rome'),
      },
    ]);
    const twice = await schedule({ start: '2026-10-25T02:30', title: 'Twice', timeZone: 'Europe/Rome' });
    expect(twice.status).toBe(201);
    expect(twice.body.start).toBe('2026-10-25T00:30:00.000Z'); // the first 02:30 (CEST), as RFC 5545 says
    expect(await count('meetings')).toBe(before + 1);
  });

  it.each([
    [
      'end before start',
      { start: '2026-03-10T10:00', end: '2026-03-10T09:00', durationMinutes: undefined },
      'end',
      'end must be after start',
    ],
    [
      'a zero duration',
      { start: '2026-03-10T10:00', durationMinutes: 0 },
      'durationMinutes',
      'durationMinutes must be positive',
    ],
    [
      'a negative duration',
      { start: '2026-03-10T10:00', durationMinutes: -30 },
      'durationMinutes',
      'durationMinutes must be positive',
    ],
    [
      'an unknown zone',
      { start: '2026-03-10T10:00', timeZone: 'Europe/Atlantis' },
      'timeZone',
      'timeZone must be an IANA time zone',
    ],
    [
      'a malformed RRULE',
      { start: '2026-03-10T10:00', rrule: 'FREQ=DAILY;BYDAY=2TU' },
      'rrule',
      'FREQ=DAILY is not supported',
    ],
    ['an RRULE without an end', { start: '2026-03-10T10:00', rrule: 'FREQ=WEEKLY' }, 'rrule', 'a series needs an end'],
    [
      'a start off the rule',
      { start: '2026-03-11T10:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3' },
      'start',
      'start must fall on one of the days',
    ],
    ['an impossible date', { start: '2026-02-30T10:00' }, 'start', 'not a real date'],
    [
      'an unknown invitee',
      { start: '2026-03-10T10:00', inviteePersonIds: ['00000000-0000-4000-8000-000000000000'] },
      'inviteePersonIds',
      'not people of this project',
    ],
    [
      'a WG meeting without a group',
      { start: '2026-03-10T10:00', workingGroupId: null },
      'workingGroupId',
      'needs workingGroupId',
    ],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_name, body, field, message) => {
    const [meetings, invitees, mails] = [
      await count('meetings'),
      await count('meeting_invitees'),
      await count('mail_outbox'),
    ];
    const response = await schedule(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(message) })]),
    );
    expect([await count('meetings'), await count('meeting_invitees'), await count('mail_outbox')]).toEqual([
      meetings,
      invitees,
      mails,
    ]);
  });

  it('keeps agenda item ids when the agenda is edited (minutes and action items will refer to them) and checks linked documents', async () => {
    const [paper] = await t.dataSource.query(
      "SELECT id FROM documents WHERE working_group_id = $1 AND type = 'position-paper' LIMIT 1",
      [groups.WG1],
    );
    const meeting = (
      await schedule({
        start: '2026-03-10T10:00',
        title: 'Agenda',
        agenda: [{ title: 'First' }, { title: 'Paper', documentIds: [paper.id] }],
      })
    ).body;
    const [first, second] = meeting.agenda;
    expect(second.documentIds).toEqual([paper.id]);
    const edited = await clients['wg1-eu-cochair'].request('PATCH', `/api/meetings/${meeting.id}`, {
      agenda: [
        { id: second.id, title: 'Paper, first now', documentIds: [paper.id] },
        { title: 'New item', minutesAllotted: 5 },
      ],
    });
    expect(edited.status).toBe(200);
    expect(
      edited.body.agenda.map((a: { id: string; title: string; position: number }) => [
        a.id === second.id,
        a.title,
        a.position,
      ]),
    ).toEqual([
      [true, 'Paper, first now', 1],
      [false, 'New item', 2],
    ]);
    expect(edited.body.agenda.some((a: { id: string }) => a.id === first.id)).toBe(false);

    const before = (await clients['wg1-eu-cochair'].get(`/api/meetings/${meeting.id}`)).body;
    const foreign = await clients['wg1-eu-cochair'].request('PATCH', `/api/meetings/${meeting.id}`, {
      agenda: [
        { title: 'Stranger', documentIds: ['00000000-0000-4000-8000-000000000000'] },
        { id: '00000000-0000-4000-8000-000000000001', title: 'Not ours' },
      ],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'agenda.0.documentIds',
      'agenda.1.id',
    ]);
    const after = (await clients['wg1-eu-cochair'].get(`/api/meetings/${meeting.id}`)).body;
    expect([after.agenda, after.sequence]).toEqual([before.agenda, before.sequence]);
  });

  it('refuses an agenda presenter who is not a person of the project, naming the field, and writes nothing', async () => {
    const before = await count('meetings');
    const stranger = await schedule({
      start: '2026-03-10T10:00',
      agenda: [{ title: 'Welcome', presenterPersonId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.fields).toEqual([
      {
        field: 'agenda.presenterPersonId',
        code: 'unknownPerson',
        message: 'not people of this project: 00000000-0000-4000-8000-000000000000',
      },
    ]);
    expect(await count('meetings')).toBe(before);
  });

  it('lets only the group’s co-chairs and coordinators schedule; project events only coordinators', async () => {
    const before = await count('meetings');
    expect((await schedule({ start: '2026-03-10T10:00' }, 'wg1-expert')).status).toBe(403);
    expect((await schedule({ start: '2026-03-10T10:00' }, 'wg2-eu-cochair')).status).toBe(403);
    const event = {
      workingGroupId: null,
      type: 'harmonisation-workshop',
      inviteePersonIds: [people['wg1-eu-cochair'], people['wg2-eu-cochair']],
      start: '2026-06-16T09:00',
    };
    expect((await schedule(event, 'wg1-eu-cochair')).status).toBe(403);
    expect(await count('meetings')).toBe(before);
    const created = await schedule(event, 'coordinator');
    expect(created.status).toBe(201);
    // Project events are visible to every project member, WG meetings only to the group (and invitees).
    expect((await clients['wg2-expert'].get(`/api/meetings/${created.body.id}`)).status).toBe(200);
    expect((await clients['advisory-eu'].get(`/api/meetings/${created.body.id}`)).status).toBe(200);
    expect((await schedule({ ...event, type: 'wg-meeting' }, 'coordinator')).status).toBe(400);
  });

  it('hides a WG meeting from other groups (404) and lists only what each caller may see', async () => {
    const meeting = (await schedule({ start: '2026-03-10T10:00', title: 'WG1 only' })).body;
    expect((await clients['wg2-expert'].get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await clients['wg2-expert'].get(`/api/meetings/${meeting.id}/meeting.ics`)).status).toBe(404);
    expect((await clients['advisory-eu'].get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect(
      (await clients['wg2-eu-cochair'].request('PATCH', `/api/meetings/${meeting.id}`, { title: 'Hijacked' })).status,
    ).toBe(404);
    expect((await clients['wg1-observer'].get(`/api/meetings/${meeting.id}`)).status).toBe(200);
    expect(
      (await clients['wg1-observer'].request('PATCH', `/api/meetings/${meeting.id}`, { title: 'Observer edit' }))
        .status,
    ).toBe(403);
    const wg2List = (await clients['wg2-expert'].get(`/api/projects/${projectId}/meetings`)).body as Array<{
      id: string;
      workingGroupCode: string | null;
    }>;
    expect(wg2List.some((m) => m.workingGroupCode === 'WG1')).toBe(false);
    const wg1List = (
      await clients['wg1-observer'].get(`/api/projects/${projectId}/meetings?workingGroupId=${groups.WG1}`)
    ).body as Array<{ id: string }>;
    expect(wg1List.map((m) => m.id)).toContain(meeting.id);
    // A member of another group who is invited sees it.
    const invited = (
      await schedule({
        start: '2026-03-10T10:00',
        title: 'With a guest',
        inviteePersonIds: [...wg1Core(), people['wg2-expert']],
      })
    ).body;
    expect((await clients['wg2-expert'].get(`/api/meetings/${invited.id}`)).status).toBe(200);
  });

  it('takes RSVPs from invitees only; others get a 403 naming the field and nothing changes', async () => {
    const meeting = (
      await schedule({
        start: '2026-03-10T10:00',
        title: 'RSVP',
        inviteePersonIds: [people['wg1-eu-cochair'], people['wg1-cn-cochair']],
      })
    ).body;
    const yes = await clients['wg1-cn-cochair'].request('PUT', `/api/meetings/${meeting.id}/rsvp`, { response: 'yes' });
    expect(yes.status).toBe(200);
    expect(yes.body.myRsvp).toBe('yes');
    expect(yes.body.invitees.find((i: { personId: string }) => i.personId === people['wg1-cn-cochair']).rsvp).toBe(
      'yes',
    );

    const refused = await clients['wg1-expert'].request('PUT', `/api/meetings/${meeting.id}/rsvp`, { response: 'yes' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'NOT_INVITED',
      fields: [{ field: 'response', code: 'notInvited', message: expect.stringContaining('not on the invitee list') }],
    });
    expect(
      (await clients['wg2-expert'].request('PUT', `/api/meetings/${meeting.id}/rsvp`, { response: 'yes' })).status,
    ).toBe(404);
    const bad = await clients['wg1-cn-cochair'].request('PUT', `/api/meetings/${meeting.id}/rsvp`, {
      response: 'perhaps',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('response');
    const rows = await t.dataSource.query(
      'SELECT rsvp FROM meeting_invitees WHERE meeting_id = $1 ORDER BY rsvp NULLS LAST',
      [meeting.id],
    );
    expect(rows).toEqual([{ rsvp: 'yes' }, { rsvp: null }]);
    // The organiser's calendar learns the answer: PARTSTAT in the .ics.
    const { events } = parseIcs((await clients['wg1-eu-cochair'].get(`/api/meetings/${meeting.id}/meeting.ics`)).body);
    expect(events[0].attendees.map((a) => a.getParameter('partstat')).sort()).toEqual(['ACCEPTED', 'NEEDS-ACTION']);
  });

  it('records attendance per occurrence, for invitees only', async () => {
    const meeting = (
      await schedule({ start: '2026-03-10T10:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=2', title: 'Attendance' })
    ).body;
    const first = meeting.occurrences[0].originalStart;
    const ok = await clients['wg1-eu-cochair'].request('PUT', `/api/meetings/${meeting.id}/attendance`, {
      occurrenceStart: first,
      personIds: [people['wg1-eu-cochair'], people['wg1-cn-cochair']],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.occurrences[0].attendees.sort()).toEqual(
      [people['wg1-eu-cochair'], people['wg1-cn-cochair']].sort(),
    );
    expect(ok.body.occurrences[1].attendees).toEqual([]);
    const stranger = await clients['wg1-eu-cochair'].request('PUT', `/api/meetings/${meeting.id}/attendance`, {
      occurrenceStart: first,
      personIds: [people['wg2-expert']],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.fields[0].field).toBe('personIds');
    expect(
      (
        await clients['wg1-expert'].request('PUT', `/api/meetings/${meeting.id}/attendance`, {
          occurrenceStart: first,
          personIds: [],
        })
      ).status,
    ).toBe(403);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM meeting_attendance WHERE meeting_id = $1', [meeting.id]),
    ).toEqual([{ n: 2 }]);
  });

  it('mails an update to those kept, an invitation to those added and a cancellation to those removed; cancelling sends STATUS:CANCELLED', async () => {
    const meeting = (
      await schedule({
        start: '2026-03-10T10:00',
        title: 'Changing',
        inviteePersonIds: [people['wg1-eu-cochair'], people['wg1-expert']],
      })
    ).body;
    const updated = await clients['wg1-eu-cochair'].request('PATCH', `/api/meetings/${meeting.id}`, {
      start: '2026-03-10T11:00',
      inviteePersonIds: [people['wg1-eu-cochair'], people['wg1-observer']],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ sequence: 1, start: '2026-03-10T10:00:00.000Z' });
    const update = await sink.waitForMessage(
      (m) => m.to.includes('wg1-eu-cochair@example.org') && m.subject === 'Updated: WG1 Changing',
    );
    expect(parseIcs(icsOf(update)).events[0].startDate.toJSDate().toISOString()).toBe('2026-03-10T10:00:00.000Z');
    await sink.waitForMessage(
      (m) => m.to.includes('wg1-observer@example.org') && m.subject === '会议邀请：WG1 Changing',
    );
    const removed = await sink.waitForMessage(
      (m) => m.to.includes('wg1-expert@example.org') && m.subject === 'Cancelled: WG1 Changing',
    );
    expect(parseIcs(icsOf(removed)).method).toBe('CANCEL');

    const cancelled = await clients.coordinator.post(`/api/meetings/${meeting.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2, next: null });
    const mail = await sink.waitForMessage(
      (m) => m.to.includes('wg1-observer@example.org') && m.subject === '会议已取消：WG1 Changing',
    );
    const parsed = parseIcs(icsOf(mail));
    expect(parsed.method).toBe('CANCEL');
    expect(parsed.events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.events[0].sequence).toBe(2);
    const again = await clients.coordinator.request('PATCH', `/api/meetings/${meeting.id}`, { title: 'Too late' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MEETING_CANCELLED');
  });

  it('keeps the .ics with a mail kept in the outbox without SMTP, and sends it on a retry', async () => {
    delete process.env.SMTP_URL;
    try {
      const meeting = (
        await schedule({ start: '2026-05-12T10:00', title: 'Outbox', inviteePersonIds: [people['wg1-expert']] })
      ).body;
      const outbox = (await clients.coordinator.get('/api/admin/outbox')).body as Array<{
        id: string;
        to: string;
        status: string;
        kind: string;
        attachments: string[];
      }>;
      const kept = outbox.find(
        (m) => m.to === 'wg1-expert@example.org' && m.kind === 'meeting-invitation' && m.status === 'kept',
      );
      expect(kept).toMatchObject({ attachments: ['meeting.ics'] });
      process.env.SMTP_URL = sink.url;
      expect((await clients.coordinator.post(`/api/admin/outbox/${kept!.id}/retry`)).body).toMatchObject({
        status: 'pending',
        attachments: ['meeting.ics'],
      });
      const mail = await sink.waitForMessage(
        (m) => m.to.includes('wg1-expert@example.org') && m.subject === 'Invitation: WG1 Outbox',
      );
      expect(parseIcs(icsOf(mail)).events[0].uid).toBe(`${meeting.id}@roundtable`);
    } finally {
      process.env.SMTP_URL = sink.url;
    }
  });

  it('finds a time inside everyone’s working hours, skipping weekends and China’s Golden Week', async () => {
    const response = await clients['wg3-eu-cochair'].post(`/api/projects/${projectId}/meetings/find-a-time`, {
      workingGroupId: groups.WG3,
      durationMinutes: 60,
      from: '2026-09-28',
      days: 14,
    });
    expect(response.status).toBe(200);
    const { slots, participants, holidays } = response.body as {
      slots: Array<{ start: string }>;
      participants: Array<{ timeZone: string }>;
      holidays: Array<{ country: string; date: string }>;
    };
    expect(participants.some((p) => p.timeZone === 'Asia/Shanghai')).toBe(true);
    expect(participants.some((p) => p.timeZone === 'Europe/Rome')).toBe(true);
    expect(holidays).toEqual(expect.arrayContaining([expect.objectContaining({ country: 'CN', date: '2026-10-01' })]));
    expect(slots.length).toBeGreaterThan(0);
    const fmt = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hourCycle: 'h23',
      });
    for (const slot of slots) {
      const shanghai = fmt('Asia/Shanghai').formatToParts(new Date(slot.start));
      const get = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)!.value;
      const date = `${get(shanghai, 'year')}-${get(shanghai, 'month')}-${get(shanghai, 'day')}`;
      expect(date < '2026-10-01' || date > '2026-10-07').toBe(true);
      expect(['Sat', 'Sun']).not.toContain(get(shanghai, 'weekday'));
      const hour = Number(get(shanghai, 'hour'));
      expect(hour).toBeGreaterThanOrEqual(14);
      const rome = fmt('Europe/Rome').formatToParts(new Date(slot.start));
      expect(Number(get(rome, 'hour'))).toBeGreaterThanOrEqual(8);
    }
    expect(
      (
        await clients['wg1-expert'].post(`/api/projects/${projectId}/meetings/find-a-time`, {
          workingGroupId: groups.WG1,
          durationMinutes: 60,
          from: '2026-09-28',
          days: 3,
        })
      ).status,
    ).toBe(403);
  });

  it('when no time suits the whole group (WG1 has an expert in Toronto), proposes the times that leave out fewest and names them', async () => {
    const response = await clients['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings/find-a-time`, {
      workingGroupId: groups.WG1,
      durationMinutes: 60,
      from: '2026-03-09',
      days: 5,
    });
    expect(response.status).toBe(200);
    const toronto = (response.body.participants as Array<{ personId: string; timeZone: string }>)
      .filter((p) => p.timeZone === 'America/Toronto')
      .map((p) => p.personId);
    expect(toronto).toHaveLength(1);
    expect(response.body.slots.length).toBeGreaterThan(0);
    for (const slot of response.body.slots as Array<{ unavailable: string[] }>)
      expect(slot.unavailable).toEqual(toronto);
  });

  it('honours someone’s own working hours when finding a time', async () => {
    const set = await clients['wg1-cn-cochair'].request('PUT', '/api/me/working-hours', {
      workStart: '09:00',
      workEnd: '17:00',
    });
    expect(set.body).toEqual({ timeZone: 'Asia/Shanghai', workStart: '09:00', workEnd: '17:00', isDefault: false });
    const bad = await clients['wg1-cn-cochair'].request('PUT', '/api/me/working-hours', {
      workStart: '18:00',
      workEnd: '09:00',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('workEnd');
    const response = await clients['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings/find-a-time`, {
      personIds: [people['wg1-eu-cochair'], people['wg1-cn-cochair']],
      durationMinutes: 60,
      from: '2026-03-09',
      days: 1,
    });
    // Rome 08:00–20:00 (UTC 07–19) ∩ Shanghai 09:00–17:00 (UTC 01–09): 07:00–09:00 UTC.
    expect(response.body.slots.map((s: { start: string }) => s.start)).toEqual([
      '2026-03-09T07:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
    ]);
  });

  it('serves a personal calendar feed by secret token (stored hashed), which regenerating replaces and revoking ends', async () => {
    const owner = clients['wg1-cn-cochair'];
    expect((await owner.get('/api/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    const made = await owner.post('/api/me/calendar-feed');
    expect(made.status).toBe(201);
    const url: string = made.body.url;
    const token = /calendar-feeds\/([A-Za-z0-9_-]+)\/calendar\.ics$/.exec(url)![1];
    const [stored] = await t.dataSource.query(
      "SELECT encode(token_hash, 'hex') AS hash FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE u.email = 'wg1-cn-cochair@example.org'",
    );
    expect(stored.hash).not.toContain(token);
    expect((await owner.get('/api/me/calendar-feed')).body).toMatchObject({ active: true });
    expect((await owner.get('/api/me/calendar-feed')).body.url).toBeUndefined();

    const anonymous = new HttpClient(t.baseUrl);
    const feed = await anonymous.get(`/api/calendar-feeds/${token}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const { events } = parseIcs(feed.body);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM meeting_invitees WHERE person_id = $1', [
      people['wg1-cn-cochair'],
    ]);
    // Meetings, one UID each; the open deliverable deadlines come from their own source (deadline-feed.spec.ts).
    expect(new Set(events.filter((e) => !e.uid.startsWith('plan-item-')).map((e) => e.uid)).size).toBe(n);
    const deadlines = events.filter((e) => e.uid.startsWith('plan-item-'));
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((e) => e.startDate.isDate)).toBe(true);
    expect(events.some((e) => e.summary === 'WG1 · Monthly meeting')).toBe(true);

    const again = await owner.post('/api/me/calendar-feed');
    expect((await anonymous.get(`/api/calendar-feeds/${token}/calendar.ics`)).status).toBe(404);
    const newToken = /calendar-feeds\/([A-Za-z0-9_-]+)\//.exec(again.body.url)![1];
    expect((await anonymous.get(`/api/calendar-feeds/${newToken}/calendar.ics`)).status).toBe(200);
    expect((await owner.request('DELETE', '/api/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    expect((await anonymous.get(`/api/calendar-feeds/${newToken}/calendar.ics`)).status).toBe(404);
    expect((await anonymous.get('/api/calendar-feeds/not-a-token/calendar.ics')).status).toBe(404);
  });
});

describe('the meetings migration', () => {
  it('reverts cleanly and applies again', async () => {
    const database = await createTestDatabase();
    try {
      // Later migrations (other features) are reverted first and applied again after it.
      const names = MIGRATIONS.map((m) => m.name);
      const after = names.slice(names.indexOf('Meetings1764864000000'));
      for (let i = 0; i < after.length; i++) await revertLastMigration(database.url);
      expect(await migrate(database.url)).toEqual(after);
    } finally {
      await database.drop();
    }
  });
});
