import { MailService } from '@roundtable/api-mail';
import { freePort } from '../../libs/api/database/src/embedded-postgres';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The mail outbox (ADR 007) on real PostgreSQL and a real SMTP server: a message is written with its change
 * or not at all, the worker sends it after the commit, retries a server that is down with an exponential
 * backoff, and takes up a claim whose worker died once its lease has ended — each message sent once.
 */
describe('mail outbox worker', () => {
  const ENV = ['SMTP_URL', 'OUTBOX_POLL_MS', 'OUTBOX_RETRY_BASE_MS', 'OUTBOX_LEASE_MS'] as const;
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
  let t: TestApp;
  let sink: SmtpSink;
  let mail: MailService;
  let groupId: string;

  type Row = {
    id: string;
    status: string;
    attempts: number;
    error: string | null;
    delay_ms: number | null;
    sent_at: Date | null;
  };
  const rowsTo = (to: string): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT id, status, attempts, error, round(extract(epoch FROM next_attempt_at - last_attempt_at) * 1000)::int AS delay_ms, sent_at
         FROM mail_outbox WHERE to_address = $1`,
      [to],
    );
  const message = (to: string) => ({ to, subject: `Outbox test for ${to}`, text: 'Hello.', kind: 'outbox-test' });

  beforeAll(async () => {
    sink = await startSmtpSink();
    Object.assign(process.env, {
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '500',
      OUTBOX_RETRY_BASE_MS: '100',
      OUTBOX_LEASE_MS: '1500',
    });
    t = await startTestApp();
    mail = t.app.get(MailService);
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    groupId = ((await coordinator.get('/api/working-groups')).body as Array<{ code: string; id: string }>).find(
      (g) => g.code === 'WG1',
    )!.id;
  });

  afterEach(() => {
    process.env.SMTP_URL = sink.url;
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    for (const key of ENV) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('writes a message with its transaction: rolled back, there is no row; committed, it is sent once after the commit', async () => {
    await expect(
      t.dataSource.transaction(async (manager) => {
        await mail.enqueue(manager, message('rolled-back@example.org'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsTo('rolled-back@example.org')).toEqual([]);

    await t.dataSource.transaction((manager) => mail.enqueue(manager, message('committed@example.org')));
    await sink.waitForMessage((m) => m.to.includes('committed@example.org'));
    const [row] = await poll(
      () => rowsTo('committed@example.org'),
      (rows) => rows[0]?.status === 'sent',
      'the committed mail marked sent',
    );
    expect(row).toMatchObject({ attempts: 1, error: null });
    expect(
      sink.messages.filter((m) => m.to.includes('committed@example.org') || m.to.includes('rolled-back@example.org')),
    ).toHaveLength(1);
  });

  it('leaves neither the invitation nor its mail when the change fails at its commit', async () => {
    // A deferred trigger fails the invitation's transaction at COMMIT, after its outbox row was written.
    await t.dataSource.query(`
      CREATE FUNCTION outbox_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.email = 'fault@example.org' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
      CREATE CONSTRAINT TRIGGER outbox_test_fault AFTER INSERT ON invitations DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION outbox_test_fault();
    `);
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    try {
      const failed = await coordinator.post(`/api/working-groups/${groupId}/invitations`, {
        email: 'fault@example.org',
        role: 'expert',
      });
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await t.dataSource.query('DROP TRIGGER outbox_test_fault ON invitations; DROP FUNCTION outbox_test_fault()');
    }
    expect(await t.dataSource.query("SELECT 1 FROM invitations WHERE email = 'fault@example.org'")).toEqual([]);
    expect(await rowsTo('fault@example.org')).toEqual([]);
    // The same request without the fault: invitation, row and mail.
    expect(
      (
        await coordinator.post(`/api/working-groups/${groupId}/invitations`, {
          email: 'after-fault@example.org',
          role: 'expert',
        })
      ).status,
    ).toBe(201);
    await sink.waitForMessage((m) => m.to.includes('after-fault@example.org'));
    expect(sink.messages.filter((m) => m.to.includes('fault@example.org'))).toEqual([]);
  });

  it('retries a server that is down with a doubling delay, then delivers once when it comes back', async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const to = 'smtp-down@example.org';
    await t.dataSource.transaction((manager) => mail.enqueue(manager, message(to)));
    const [failing] = await poll(
      () => rowsTo(to),
      (rows) => rows[0]?.status === 'pending' && rows[0].attempts >= 4,
      'four failed attempts',
    );
    expect(failing.error).toMatch(/ECONNREFUSED|connect/i);
    // base · 2^(attempts − 1) from the failure (the row measures from the attempt's start: a refused connection is quick).
    const expected = 100 * 2 ** (failing.attempts - 1);
    expect(failing.delay_ms).toBeGreaterThanOrEqual(expected);
    expect(failing.delay_ms).toBeLessThan(expected * 1.5);
    expect(failing.sent_at).toBeNull();

    const back = await startSmtpSink({ port });
    try {
      await back.waitForMessage((m) => m.to.includes(to), 15_000);
      const [sent] = await poll(
        () => rowsTo(to),
        (rows) => rows[0]?.status === 'sent',
        'the mail marked sent',
      );
      expect(sent.attempts).toBeGreaterThan(failing.attempts);
      expect(back.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    } finally {
      await back.close();
    }
  });

  it('sends again a claim whose worker died, once its lease has ended', async () => {
    const to = 'crashed-claim@example.org';
    // As a worker that claimed the row and then died: `sending`, one attempt, a lease of one second.
    await t.dataSource.transaction(async (manager) => {
      await mail.enqueue(manager, message(to));
      await manager.query(
        "UPDATE mail_outbox SET status = 'sending', attempts = 1, last_attempt_at = now(), next_attempt_at = now() + interval '1 second' WHERE to_address = $1",
        [to],
      );
    });
    const sent = await sink.waitForMessage((m) => m.to.includes(to), 10_000);
    const [row] = await poll(
      () => rowsTo(to),
      (rows) => rows[0]?.status === 'sent',
      'the taken-up mail marked sent',
    );
    expect(row.attempts).toBe(2);
    // Had the dead worker's copy gone out too, both would carry the row's Message-ID.
    expect(sent.parsed.messageId).toBe(`<${row.id}@roundtable>`);
    expect(sink.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('answers a request at once while the mail server hangs: the worker, not the request, waits for SMTP', async () => {
    const held: Array<() => void> = [];
    const stalled = await startSmtpSink({ holdRecipient: () => new Promise<void>((release) => held.push(release)) });
    try {
      process.env.SMTP_URL = stalled.url;
      const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
      const created = await coordinator.post(`/api/working-groups/${groupId}/invitations`, {
        email: 'slow-server@example.org',
        role: 'expert',
      });
      expect(created.status).toBe(201);
      await poll(
        () => held.length,
        (n) => n === 1,
        'the worker waiting at RCPT',
      );
      expect((await rowsTo('slow-server@example.org'))[0]).toMatchObject({ status: 'sending', attempts: 1 });
      for (const release of held) release();
      await stalled.waitForMessage((m) => m.to.includes('slow-server@example.org'));
      await poll(
        () => rowsTo('slow-server@example.org'),
        (rows) => rows[0]?.status === 'sent',
        'the mail marked sent once the server answered',
      );
    } finally {
      await stalled.close();
    }
  });

  it('gives up after a permanent refusal without retrying, and keeps the error for the outbox page', async () => {
    const refusing = await startSmtpSink({ rejectRecipient: () => new Error('No such mailbox') });
    try {
      process.env.SMTP_URL = refusing.url;
      const to = 'no-such-mailbox@example.org';
      await t.dataSource.transaction((manager) => mail.enqueue(manager, message(to)));
      const [row] = await poll(
        () => rowsTo(to),
        (rows) => rows[0]?.status === 'failed',
        'the refused mail marked failed',
      );
      expect(row).toMatchObject({ attempts: 1, delay_ms: null });
      expect(row.error).toContain('No such mailbox');
    } finally {
      await refusing.close();
    }
  });
});
