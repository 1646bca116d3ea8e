import { CollabCloseCode } from '@roundtable/contracts';
import { AuthService } from '@roundtable/api-auth';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { RawWriter } from '../support/raw-writer';
import { startTestApp, type TestApp } from '../support/test-app';

describe('locked documents (approved minutes, final papers): nobody edits them, on the socket or over REST', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let cochair: HttpClient;
  let paperId: string;
  const writers: RawWriter[] = [];

  /** Highest stored update id, in the tail or folded into the snapshot (compaction runs when the last editor leaves). */
  const storedRows = async (documentId: string) =>
    Number(
      (
        await t.dataSource.query(
          `SELECT greatest((SELECT coalesce(max(id), 0) FROM document_updates WHERE document_id = $1),
                           (SELECT coalesce(max(last_update_id), 0) FROM document_snapshots WHERE document_id = $1))::bigint AS n`,
          [documentId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
    const documents = (await coordinator.get('/api/documents')).body as Array<{
      id: string;
      workingGroupCode: string | null;
      type: string;
    }>;
    paperId = documents.find((d) => d.workingGroupCode === 'WG1' && d.type === 'position-paper')!.id;
  });
  afterEach(() => {
    for (const writer of writers.splice(0)) writer.close();
  });
  afterAll(() => t.close());

  it('locks under the append lock: what was received before is stored, nothing after, and open editors are closed with 4423', async () => {
    const writer = new RawWriter(t.baseUrl, paperId, cochair.cookie!, 'lock-test');
    writers.push(writer);
    await writer.opened;
    // Keep typing while the coordinator locks.
    let typed = 0;
    const typing = setInterval(() => {
      if (typed < 400) writer.type(`w${typed++} `);
    }, 2);
    await until(() => writer.saved > 20, 'some edits saved');
    const locked = await coordinator.post(`/api/documents/${paperId}/lock`, {
      reason: '  Approved by both co-chairs  ',
    });
    clearInterval(typing);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({
      access: 'read',
      canLock: true,
      locked: { reason: 'Approved by both co-chairs' },
    });
    await until(() => writer.closeCode !== null, 'the writer closed');
    expect(writer.closeCode).toBe(CollabCloseCode.DocumentLocked);
    const rowsAtLock = await storedRows(paperId);
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedRows(paperId)).toBe(rowsAtLock);
    // Everything acknowledged as saved is stored.
    const [{ n: savedRows }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1',
      [paperId],
    );
    expect(writer.saved).toBeGreaterThan(20);
    expect(savedRows === 0 || savedRows >= writer.saved).toBe(true);

    // Reconnecting gives a read-only socket: edits are neither stored nor acknowledged.
    const again = new RawWriter(t.baseUrl, paperId, cochair.cookie!, 'lock-test');
    writers.push(again);
    await again.opened;
    again.type('after the lock');
    await new Promise((r) => setTimeout(r, 300));
    expect(again.saved).toBe(0);
    expect(await storedRows(paperId)).toBe(rowsAtLock);

    // REST edits and restores are refused with 409, naming the reason.
    const paragraphs = await coordinator.post(`/api/documents/${paperId}/paragraphs`, { paragraphs: ['sneaked in'] });
    expect(paragraphs.status).toBe(409);
    expect(paragraphs.body.code).toBe('DOCUMENT_LOCKED');
    const named = await coordinator.post(`/api/documents/${paperId}/versions`, { name: 'After lock' });
    expect(named.status).toBe(409);
    expect(await storedRows(paperId)).toBe(rowsAtLock);
    // Everyone who reads it sees why.
    const asReader = (await cochair.get(`/api/documents/${paperId}`)).body;
    expect(asReader).toMatchObject({
      access: 'read',
      canLock: false,
      locked: { reason: 'Approved by both co-chairs' },
    });

    // Locking twice is a conflict; unlocking makes it editable again.
    expect((await coordinator.post(`/api/documents/${paperId}/lock`, { reason: 'again' })).status).toBe(409);
    const unlocked = await coordinator.post(`/api/documents/${paperId}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ access: 'write', locked: null });
    expect(
      (await coordinator.post(`/api/documents/${paperId}/paragraphs`, { paragraphs: ['editable again'] })).status,
    ).toBe(200);
    expect((await coordinator.post(`/api/documents/${paperId}/unlock`)).status).toBe(409);
  });

  it('closes editors connected to another API process too', async () => {
    const second = await startTestApp({ database: t.database, seed: false });
    try {
      const cookie = (await new HttpClient(second.baseUrl).login('wg1-expert@example.org')).cookie!;
      const writer = new RawWriter(second.baseUrl, paperId, cookie, 'lock-test');
      writers.push(writer);
      await writer.opened;
      writer.type('on the second process');
      await until(() => writer.saved === 1, 'saved on the second process');
      expect((await coordinator.post(`/api/documents/${paperId}/lock`, { reason: 'Final version' })).status).toBe(200);
      await until(() => writer.closeCode !== null, 'closed through LISTEN/NOTIFY');
      expect(writer.closeCode).toBe(CollabCloseCode.DocumentLocked);
      expect((await coordinator.post(`/api/documents/${paperId}/unlock`)).status).toBe(200);
    } finally {
      for (const writer of writers.splice(0)) writer.close();
      await second.closeApp();
    }
  });

  it('lets only coordinators lock, hides the document from outsiders, and names bad fields', async () => {
    const refused = await cochair.post(`/api/documents/${paperId}/lock`, { reason: 'mine' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await cochair.post(`/api/documents/${paperId}/unlock`)).status).toBe(403);
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 42 }]) {
      const bad = await coordinator.post(`/api/documents/${paperId}/lock`, body);
      expect(bad.status).toBe(400);
      expect(new Set(bad.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set(['reason']));
    }
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('lock-outsider@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword('roundtable-demo')],
    );
    const outsider = await new HttpClient(t.baseUrl).login('lock-outsider@example.org');
    expect((await outsider.post(`/api/documents/${paperId}/lock`, { reason: 'x' })).status).toBe(404);
    expect(
      (await coordinator.post('/api/documents/00000000-0000-4000-8000-000000000000/lock', { reason: 'x' })).status,
    ).toBe(404);
    const [row] = await t.dataSource.query('SELECT locked_at FROM documents WHERE id = $1', [paperId]);
    expect(row.locked_at).toBeNull();
  });
});
