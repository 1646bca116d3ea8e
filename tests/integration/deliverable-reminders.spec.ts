import { Clock } from '@roundtable/api-platform';
import { REMINDER_JOB, RemindersService } from '@roundtable/api-deliverables';
import { poll } from '../support/poll';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Read when the app is built: the clock starts 11 days before D2.2 (due at M24 = 2021-12-31) and the
// reminder sweep runs every second, so the queue does the work within the test.
const saved = {
  clock: process.env.ROUNDTABLE_CLOCK,
  sweep: process.env.REMINDER_SWEEP_SECONDS,
  smtp: process.env.SMTP_URL,
};
process.env.ROUNDTABLE_CLOCK = '2021-12-20T08:00:00Z';
process.env.REMINDER_SWEEP_SECONDS = '1';

describe('deadline reminders through the job queue', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let t: TestApp;

  const reminders = async () =>
    (await t.dataSource.query(
      `SELECT i.number, r.offset_days, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.recipients
       FROM plan_item_reminders r JOIN plan_items i ON i.id = r.item_id ORDER BY i.number, r.offset_days DESC`,
    )) as Array<{ number: string; offset_days: number; due_date: string; recipients: number }>;
  const outbox = async () =>
    (
      await t.dataSource.query(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM mail_outbox WHERE kind = 'deadline-reminder'",
      )
    )[0] as { n: number; sent: number };
  const completedSweeps = async () =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [
        REMINDER_JOB,
      ])
    )[0].n as number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    database = await createTestDatabase();
    t = await startTestApp({ database });
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

  it('e-mails the lead partner’s contacts, the co-chairs and the coordinators, each in their language', async () => {
    await poll(outbox, (o) => o.n > 0 && o.sent === o.n, 'the D2.2 reminder mails');
    expect(await reminders()).toEqual([{ number: 'D2.2', offset_days: 30, due_date: '2021-12-31', recipients: 7 }]);
    const mails = sink.messages.filter((m) => m.subject.includes('D2.2'));
    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      'coordinator@example.org', // coordinator, and a UCSC contact (lead partner)
      'wg1-cn-cochair@example.org',
      'wg1-eu-cochair@example.org', // also a UCSC contact
      'wg2-cn-cochair@example.org',
      'wg2-eu-cochair@example.org',
      'wg3-cn-cochair@example.org',
      'wg3-eu-cochair@example.org',
    ]);
    const english = mails.find((m) => m.to.includes('coordinator@example.org'))!;
    expect(english.subject).toBe('Reminder: D2.2 is due at M24 (December 31, 2021)');
    expect(english.text).toContain('in 11 days');
    expect(english.text).toMatch(/\d of 7 documents are ready/);
    const chinese = mails.find((m) => m.to.includes('wg2-cn-cochair@example.org'))!;
    expect(chinese.subject).toBe('提醒：D2.2 将于 M24（2021年12月31日）到期');
    expect(chinese.text).toContain('还有 11 天到期');
    // MS1 (M18) is past due and D2.3 (M30) months away: no reminder for them.
    expect(sink.messages.some((m) => /MS1|D2\.3/.test(m.subject))).toBe(false);
  });

  it('sends nothing twice when the sweep runs again, concurrently, or after the app restarts on the same database', async () => {
    const mailsBefore = sink.messages.length;
    const outboxBefore = await outbox();
    const remindersBefore = await reminders();
    const service = t.app.get(RemindersService);
    expect(await Promise.all([service.sweep(), service.sweep()])).toEqual([0, 0]);

    await t.closeApp();
    t = await startTestApp({ database });
    // The restarted app's queue runs its own sweeps; wait for two of them to complete.
    const sweeps = await completedSweeps();
    await poll(completedSweeps, (n) => n >= sweeps + 2, 'two sweeps after the restart');
    expect(sink.messages.length).toBe(mailsBefore);
    expect(await outbox()).toEqual(outboxBefore);
    expect(await reminders()).toEqual(remindersBefore);
  });

  it('sends the next reminder once the clock reaches the 7-day offset, and only that one', async () => {
    t.app.get(Clock).set(new Date('2021-12-27T08:00:00Z'));
    await poll(reminders, (rows) => rows.length === 2, 'the 7-day reminder');
    expect((await reminders()).map((r) => [r.number, r.offset_days])).toEqual([
      ['D2.2', 30],
      ['D2.2', 7],
    ]);
    await poll(outbox, (o) => o.n === 14 && o.sent === 14, 'seven more mails');
    expect(sink.messages.filter((m) => m.text.includes('in 4 days')).length).toBe(4);
  });
});
