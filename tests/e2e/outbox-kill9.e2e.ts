import type { OutboxMessageDto } from '@roundtable/contracts';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * kill -9 between the commit of a change and the sending of its mail (ADR 007). The SMTP server stalls at
 * RCPT TO, so the first invitation's mail is claimed and mid-send and the second one waits, committed and
 * pending, when the server process is killed. After a restart both go out, each exactly once: the pending
 * one at once, the claimed one when its lease ends.
 */
describe('kill -9 between commit and send: every mail goes out once after a restart', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let server: ServerProcess | null = null;
  let stalled = true;
  const held: Array<{ address: string; release: () => void }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink({
      holdRecipient: (address) =>
        stalled ? new Promise<void>((release) => held.push({ address: address.address, release })) : null,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
    await database?.drop();
  });

  const env = () => ({
    DATABASE_URL: database.url,
    DEMO: 'true',
    SMTP_URL: sink.url,
    OUTBOX_LEASE_MS: '3000',
    OUTBOX_POLL_MS: '500',
  });

  async function outbox(server: ServerProcess): Promise<Record<string, OutboxMessageDto>> {
    const coordinator = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const rows = (await coordinator.get('/api/admin/outbox')).body as OutboxMessageDto[];
    return Object.fromEntries(rows.filter((r) => r.kind === 'invitation').map((r) => [r.to, r]));
  }

  it('sends the claimed and the pending invitation once each', async () => {
    server = await startServerProcess(env());
    const coordinator = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const wg1 = ((await coordinator.get('/api/working-groups')).body as Array<{ code: string; id: string }>).find(
      (g) => g.code === 'WG1',
    )!.id;
    const invite = (email: string) =>
      coordinator.post(`/api/working-groups/${wg1}/invitations`, { email, role: 'expert' });

    expect((await invite('claimed@example.org')).status).toBe(201);
    await poll(
      () => held.map((h) => h.address),
      (addresses) => addresses.includes('claimed@example.org'),
      'the first mail stalled at RCPT',
    );
    expect((await invite('pending@example.org')).status).toBe(201);
    const before = await outbox(server);
    expect(before['claimed@example.org']).toMatchObject({ status: 'sending', attempts: 1 });
    expect(before['pending@example.org']).toMatchObject({ status: 'pending', attempts: 0 });

    await server.kill9();
    server = null;
    stalled = false;
    for (const h of held) h.release();
    expect(sink.messages).toEqual([]);

    server = await startServerProcess(env());
    const running = server;
    const after = await poll(
      () => outbox(running),
      (rows) => rows['claimed@example.org']?.status === 'sent' && rows['pending@example.org']?.status === 'sent',
      'both invitations sent',
      30_000,
      250,
    );
    expect(after['pending@example.org'].attempts).toBe(1);
    // Taken up again when the dead process's lease ended.
    expect(after['claimed@example.org'].attempts).toBe(2);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual(['claimed@example.org', 'pending@example.org']);
  });
});
