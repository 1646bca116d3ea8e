import { Clock } from '@roundtable/api-platform';
import { MEETING_REMINDER_JOB, MeetingRemindersService } from '@roundtable/api-meetings';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Read when the app is built: the clock starts a week before the series and the sweep runs every second,
// so the queue does the work within the test.
const saved = {
  clock: process.env.ROUNDTABLE_CLOCK,
  sweep: process.env.REMINDER_SWEEP_SECONDS,
  smtp: process.env.SMTP_URL,
};
process.env.ROUNDTABLE_CLOCK = '2026-03-01T08:00:00Z';
process.env.REMINDER_SWEEP_SECONDS = '1';

describe('meeting reminders through the job queue (real PostgreSQL, real SMTP)', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let t: TestApp;
  let meetingId: string;
  const clients: Record<string, HttpClient> = {};
  const TITLE = 'Reminder series';

  const reminders = async () =>
    (await t.dataSource.query(
      `SELECT original_start, starts_at, offset_minutes, recipients FROM meeting_reminders WHERE meeting_id = $1 ORDER BY sent_at, starts_at`,
      [meetingId],
    )) as Array<{ original_start: Date; starts_at: Date; offset_minutes: number; recipients: number }>;
  const asText = (rows: Awaited<ReturnType<typeof reminders>>) =>
    rows.map((r) => `${r.original_start.toISOString()} → ${r.starts_at.toISOString()} (${r.recipients})`);
  const reminderMails = () =>
    sink.messages.filter((m) => m.subject.endsWith(`WG1 ${TITLE}`) && /^(Reminder|会议提醒)/.test(m.subject));
  const completedSweeps = async () =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [
        MEETING_REMINDER_JOB,
      ])
    )[0].n as number;
  /** Two sweeps that started after this call have completed: whatever was due has been sent. */
  const twoMoreSweeps = async () => {
    const before = await completedSweeps();
    await poll(completedSweeps, (n) => n >= before + 2, 'two more sweeps');
  };
  const setClock = (iso: string) => t.app.get(Clock).set(new Date(iso));
  const login = async () => {
    for (const who of ['wg1-eu-cochair', 'wg1-cn-cochair'])
      clients[who] = await new HttpClient(t.baseUrl).login(`${who}@example.org`);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    database = await createTestDatabase();
    t = await startTestApp({ database });
    await login();
    const projectId = (await clients['wg1-eu-cochair'].get('/api/projects')).body[0].id;
    const groups = (await clients['wg1-eu-cochair'].get('/api/working-groups')).body as Array<{
      id: string;
      code: string;
    }>;
    const people: Array<{ id: string }> = await t.dataSource.query(
      "SELECT id FROM people WHERE email IN ('wg1-eu-cochair@example.org', 'wg1-cn-cochair@example.org', 'wg1-expert@example.org')",
    );
    // 10:00 Rome on the 2nd Tuesday: 09:00Z in March, 08:00Z from April (European summer time).
    const created = await clients['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings`, {
      workingGroupId: groups.find((g) => g.code === 'WG1')!.id,
      type: 'wg-meeting',
      title: TITLE,
      timeZone: 'Europe/Rome',
      start: '2026-03-10T10:00',
      durationMinutes: 90,
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
      onlineUrl: 'https://meet.example.org/wg1',
      agenda: [{ title: 'Outline of the position paper', minutesAllotted: 30 }],
      inviteePersonIds: people.map((p) => p.id),
    });
    expect(created.status).toBe(201);
    meetingId = created.body.id;
  });

  afterAll(async () => {
    await t?.closeApp();
    await database?.drop();
    await sink?.close();
    for (const [key, value] of [
      ['ROUNDTABLE_CLOCK', saved.clock],
      ['REMINDER_SWEEP_SECONDS', saved.sweep],
      ['SMTP_URL', saved.smtp],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('sends nothing a week ahead, then e-mails every invitee 24 h before, in their language, zone and the meeting’s', async () => {
    await twoMoreSweeps();
    expect(await reminders()).toEqual([]);
    setClock('2026-03-09T09:10:00Z');
    await poll(
      async () => reminderMails().length,
      (n) => n === 3,
      'three reminder mails',
    );
    expect(asText(await reminders())).toEqual(['2026-03-10T09:00:00.000Z → 2026-03-10T09:00:00.000Z (3)']);
    expect((await reminders())[0].offset_minutes).toBe(1440);
    const mails = reminderMails();
    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      'wg1-cn-cochair@example.org',
      'wg1-eu-cochair@example.org',
      'wg1-expert@example.org',
    ]);
    const english = mails.find((m) => m.to.includes('wg1-eu-cochair@example.org'))!;
    expect(english.subject).toBe(`Reminder: WG1 ${TITLE}`);
    expect(english.text).toContain('This meeting starts in 24 hours.');
    expect(english.text).toMatch(/When: .*10:00 \(Rome, GMT\+1\)/);
    expect(english.text).toContain('Online: https://meet.example.org/wg1');
    expect(english.text).toContain('1. Outline of the position paper (30 min)');
    const chinese = mails.find((m) => m.to.includes('wg1-cn-cochair@example.org'))!;
    expect(chinese.subject).toBe(`会议提醒：WG1 ${TITLE}`);
    expect(chinese.text).toContain('该会议将在 24 小时后开始。');
    expect(chinese.text).toMatch(/时间：.*17:00 \(Shanghai, GMT\+8\) \/ .*10:00 \(Rome, GMT\+1\)/);
    expect(chinese.text).toContain('议程：');
    // The worker marks each row sent just after SMTP accepted it.
    const sentRows = async () =>
      (
        await t.dataSource.query(
          "SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'meeting-reminder' AND status = 'sent' AND subject LIKE $1",
          [`%${TITLE}`],
        )
      )[0].n as number;
    expect(await poll(sentRows, (n) => n >= 3, 'three reminder rows marked sent')).toBe(3);
  });

  it('sends nothing twice: sweeps at once, or the app restarted on the same database with the clock still in the window', async () => {
    const mailsBefore = reminderMails().length;
    const rowsBefore = asText(await reminders());
    expect(
      await Promise.all([t.app.get(MeetingRemindersService).sweep(), t.app.get(MeetingRemindersService).sweep()]),
    ).toEqual([0, 0]);

    await t.closeApp();
    process.env.ROUNDTABLE_CLOCK = '2026-03-09T12:00:00Z';
    t = await startTestApp({ database, seed: false });
    await login();
    await twoMoreSweeps();
    expect(reminderMails().length).toBe(mailsBefore);
    expect(asText(await reminders())).toEqual(rowsBefore);
  });

  it('never reminds of a cancelled occurrence', async () => {
    const cancelled = await clients['wg1-eu-cochair'].post(
      `/api/meetings/${meetingId}/occurrences/2026-04-14T08:00:00.000Z/cancel`,
    );
    expect(cancelled.status).toBe(200);
    setClock('2026-04-13T09:00:00Z');
    await twoMoreSweeps();
    expect(await reminders()).toHaveLength(1);
    expect(reminderMails().length).toBe(3);
  });

  it('reminds of a moved occurrence at its new time, not at the old one', async () => {
    setClock('2026-05-01T08:00:00Z');
    // 12 May 10:00 Rome → 13 May 14:00 Rome (12:00Z).
    const moved = await clients['wg1-cn-cochair'].request(
      'PUT',
      `/api/meetings/${meetingId}/occurrences/2026-05-12T08:00:00.000Z`,
      { start: '2026-05-13T14:00' },
    );
    expect(moved.status).toBe(200);
    setClock('2026-05-11T09:00:00Z'); // 23 h before the old time
    await twoMoreSweeps();
    expect(await reminders()).toHaveLength(1);

    setClock('2026-05-12T13:00:00Z'); // 23 h before the new time
    await poll(
      async () => reminderMails().length,
      (n) => n === 6,
      'three more reminder mails',
    );
    expect(asText(await reminders())[1]).toBe('2026-05-12T08:00:00.000Z → 2026-05-13T12:00:00.000Z (3)');
    const chinese = reminderMails()
      .filter((m) => m.to.includes('wg1-cn-cochair@example.org'))
      .at(-1)!;
    expect(chinese.text).toContain('该会议将在 23 小时后开始。');
    expect(chinese.text).toMatch(/时间：.*20:00 \(Shanghai, GMT\+8\) \/ .*14:00 \(Rome, GMT\+2\)/);
  });

  it('reminds again when an occurrence already reminded of is moved later', async () => {
    setClock('2026-06-08T09:00:00Z'); // 23 h before 9 June 10:00 Rome (08:00Z)
    await poll(
      async () => reminderMails().length,
      (n) => n === 9,
      'the June reminder',
    );
    const moved = await clients['wg1-eu-cochair'].request(
      'PUT',
      `/api/meetings/${meetingId}/occurrences/2026-06-09T08:00:00.000Z`,
      { start: '2026-06-16T10:00' },
    );
    expect(moved.status).toBe(200);
    await twoMoreSweeps();
    expect(reminderMails().length).toBe(9);
    setClock('2026-06-15T09:00:00Z');
    await poll(
      async () => reminderMails().length,
      (n) => n === 12,
      'the reminder for the new time',
    );
    expect(asText(await reminders()).slice(2)).toEqual([
      '2026-06-09T08:00:00.000Z → 2026-06-09T08:00:00.000Z (3)',
      '2026-06-09T08:00:00.000Z → 2026-06-16T08:00:00.000Z (3)',
    ]);
  });

  it('honours a meeting’s own reminder offset, skips invitees who declined and meetings that are cancelled', async () => {
    const projectId = (await clients['wg1-eu-cochair'].get('/api/projects')).body[0].id;
    const [{ id: wg1 }] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
    const invitees = (
      await t.dataSource.query(
        "SELECT id FROM people WHERE email IN ('wg1-expert@example.org', 'wg1-cn-cochair@example.org')",
      )
    ).map((r: { id: string }) => r.id);
    const oneOff = (title: string, extra: Record<string, unknown> = {}) =>
      clients['wg1-eu-cochair'].post(`/api/projects/${projectId}/meetings`, {
        workingGroupId: wg1,
        type: 'wg-meeting',
        title,
        timeZone: 'Europe/Rome',
        start: '2026-07-01T10:00',
        durationMinutes: 60,
        inviteePersonIds: invitees,
        ...extra,
      });
    const refused = await oneOff('Bad offset', { reminderMinutesBefore: -5 });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['reminderMinutesBefore']);
    const kept = await oneOff('Kept one-off', { reminderMinutesBefore: 60 });
    const dropped = await oneOff('Cancelled one-off');
    expect([kept.status, dropped.status]).toEqual([201, 201]);
    expect([kept.body.reminderMinutesBefore, dropped.body.reminderMinutesBefore]).toEqual([60, 1440]);
    expect(
      (await clients['wg1-cn-cochair'].request('PUT', `/api/meetings/${kept.body.id}/rsvp`, { response: 'no' })).status,
    ).toBe(200);
    expect((await clients['wg1-eu-cochair'].post(`/api/meetings/${dropped.body.id}/cancel`)).status).toBe(200);
    const oneOffReminders = () =>
      sink.messages
        .filter((m) => m.subject.endsWith('one-off') && /^(Reminder|会议提醒)/.test(m.subject))
        .flatMap((m) => [m.subject, ...m.to]);

    setClock('2026-06-30T09:00:00Z'); // 23 h before: inside the default offset, outside the kept one's hour
    await twoMoreSweeps();
    expect(oneOffReminders()).toEqual([]);
    setClock('2026-07-01T07:15:00Z');
    await poll(
      async () => oneOffReminders().length,
      (n) => n > 0,
      'the one-off reminder',
    );
    await twoMoreSweeps();
    expect(oneOffReminders()).toEqual(['Reminder: WG1 Kept one-off', 'wg1-expert@example.org']);
    const [row] = await t.dataSource.query(
      'SELECT offset_minutes, recipients FROM meeting_reminders WHERE meeting_id = $1',
      [kept.body.id],
    );
    expect(row).toEqual({ offset_minutes: 60, recipients: 1 });
    expect(sink.messages.find((m) => m.subject === 'Reminder: WG1 Kept one-off')!.text).toContain(
      'This meeting starts within the hour.',
    );
  });
});
