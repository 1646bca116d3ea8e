import { CollabCloseCode, COLLAB_MAX_MESSAGE_BYTES, COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  appendParagraph,
  connectCollab,
  fragmentText,
  upgradeStatus,
  waitFor,
  waitForSync,
  collabSocketUrl,
} from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

describe('collaboration socket (y-websocket protocol on real PostgreSQL)', () => {
  let t: TestApp;
  let paperId: string;
  let otherWgPaperId: string;
  const providers: WebsocketProvider[] = [];
  const cookies: Record<string, string> = {};

  async function cookieOf(email: string): Promise<string> {
    cookies[email] ??= (await new HttpClient(t.baseUrl).login(email)).cookie!;
    return cookies[email];
  }

  async function open(email: string | null, documentId = paperId) {
    const connection = connectCollab(t.baseUrl, documentId, email ? await cookieOf(email) : null);
    providers.push(connection.provider);
    return connection;
  }

  /** Highest update id stored for the document, in the tail or folded into the snapshot: grows with every stored update, unaffected by compaction. */
  async function storedUpdates(documentId: string): Promise<number> {
    const [row] = await t.dataSource.query(
      `SELECT greatest((SELECT coalesce(max(id), 0) FROM document_updates WHERE document_id = $1),
                       (SELECT coalesce(max(last_update_id), 0) FROM document_snapshots WHERE document_id = $1))::bigint AS n`,
      [documentId],
    );
    return Number(row.n);
  }

  beforeAll(async () => {
    t = await startTestApp();
    const client = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const documents = (await client.get('/api/documents')).body as Array<{ id: string; workingGroupCode: string }>;
    paperId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
    otherWgPaperId = documents.find((d) => d.workingGroupCode === 'WG2')!.id;
  });

  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });

  afterAll(() => t.close());

  it('relays an edit from one client to another and stores it in PostgreSQL', async () => {
    const a = await open('wg1-eu-cochair@example.org');
    const b = await open('wg1-cn-cochair@example.org');
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
    // The server seeded the paper's template exactly once.
    expect(fragmentText(a.doc)).toContain('Awareness and empowerment of citizens and patients');
    const before = await storedUpdates(paperId);
    appendParagraph(a.doc, 'Rome writes this');
    await waitFor(() => fragmentText(b.doc).includes('Rome writes this'), 5000, 'relay');
    // Relayed at once, stored by the group commit right after (collaboration-durability: relay before commit).
    await until(async () => (await storedUpdates(paperId)) > before, 'the edit stored');
  });

  it('seeds a document only once even when several clients open it at the same moment', async () => {
    const clients = await Promise.all(
      ['wg1-expert@example.org', 'wg1-eu-cochair@example.org', 'coordinator@example.org'].map((e) =>
        open(e, otherWgPaperId),
      ),
    );
    await Promise.all(clients.map((c) => waitForSync(c.provider)));
    const title = 'Big data and ICT solutions';
    for (const c of clients) expect(fragmentText(c.doc).split(title).length - 1).toBe(1);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1', [
      otherWgPaperId,
    ]);
    expect(n).toBe(1);
  });

  it('refuses the upgrade without a session (401), and for a document the user may not see (404)', async () => {
    expect(await upgradeStatus(t.baseUrl, paperId, null)).toBe(401);
    expect(await upgradeStatus(t.baseUrl, paperId, 'rt_session=forged-token')).toBe(401);
    const { AuthService } = await import('@roundtable/api-auth');
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('outsider@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword('outsider-password')],
    );
    const outsider = (await new HttpClient(t.baseUrl).login('outsider@example.org', 'outsider-password')).cookie;
    expect(await upgradeStatus(t.baseUrl, paperId, outsider)).toBe(404);
    expect(await upgradeStatus(t.baseUrl, 'not-a-uuid', outsider)).toBe(404);
    expect(await upgradeStatus(t.baseUrl, paperId, await cookieOf('wg1-expert@example.org'))).toBe(101);
  });

  it('opens sockets from per-process caches that are dropped at once when the session ends or access changes', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    expect(await upgradeStatus(t.baseUrl, paperId, client.cookie)).toBe(101); // session and access now cached
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    // Well within the cache's 15 s: only the session-ended event can make this pass.
    await until(
      async () => (await upgradeStatus(t.baseUrl, paperId, client.cookie)) === 401,
      'the ended session refused',
      5000,
    );

    const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    expect(await upgradeStatus(t.baseUrl, paperId, expert.cookie)).toBe(101);
    const [{ person_id: personId }] = await t.dataSource.query(
      "SELECT person_id FROM users WHERE email = 'wg1-expert@example.org'",
    );
    const memberships = await t.dataSource.query(
      'SELECT id FROM memberships WHERE person_id = $1 AND left_on IS NULL',
      [personId],
    );
    await t.dataSource.query(
      'UPDATE memberships SET left_on = current_date - 1 WHERE person_id = $1 AND left_on IS NULL',
      [personId],
    );
    await t.dataSource.query("SELECT pg_notify('roundtable_access', $1)", [personId]);
    try {
      await until(
        async () => (await upgradeStatus(t.baseUrl, paperId, expert.cookie)) === 404,
        'access refused after leaving the group',
        5000,
      );
    } finally {
      await t.dataSource.query('UPDATE memberships SET left_on = NULL WHERE id = ANY($1)', [
        memberships.map((m: { id: string }) => m.id),
      ]);
      await t.dataSource.query("SELECT pg_notify('roundtable_access', $1)", [personId]);
    }
  });

  it('drops updates from a read-only socket: nothing is stored or relayed', async () => {
    const writer = await open('wg1-expert@example.org');
    const observer = await open('wg1-observer@example.org');
    await Promise.all([waitForSync(writer.provider), waitForSync(observer.provider)]);
    const before = await storedUpdates(paperId);
    appendParagraph(observer.doc, 'observer tries to write');
    appendParagraph(writer.doc, 'expert writes after');
    await waitFor(() => fragmentText(observer.doc).includes('expert writes after'), 5000, 'expert edit');
    await new Promise((r) => setTimeout(r, 200));
    expect(fragmentText(writer.doc)).not.toContain('observer tries to write');
    const content = await (
      await new HttpClient(t.baseUrl).login('coordinator@example.org')
    ).get(`/api/documents/${paperId}/content`);
    expect(content.body.text).toContain('expert writes after');
    expect(content.body.text).not.toContain('observer tries to write');
    // Exactly the expert's update was stored after `before` (ids grow, the observer's never got one).
    expect(await storedUpdates(paperId)).toBeGreaterThan(before);
  });

  it('closes the socket with 1008 on a malformed message and keeps the document intact', async () => {
    const cookie = await cookieOf('wg1-expert@example.org');
    const first = await open('wg1-expert@example.org');
    await waitForSync(first.provider);
    appendParagraph(first.doc, 'written before the attack');
    await waitFor(() => false, 300).catch(() => undefined);
    const before = await storedUpdates(paperId);
    const code = await new Promise<number>((resolve) => {
      const socket = new WebSocket(collabSocketUrl(t.baseUrl, paperId), { headers: { cookie } });
      // sync message, type "update", with bytes that are not a Yjs update
      socket.on('open', () => socket.send(Buffer.from([0, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff])));
      socket.on('close', (closeCode) => resolve(closeCode));
    });
    expect(code).toBe(CollabCloseCode.PolicyViolation);
    expect(await storedUpdates(paperId)).toBe(before);
    const reader = await open('wg1-expert@example.org');
    await waitForSync(reader.provider);
    expect(fragmentText(reader.doc)).toContain('written before the attack');
  });

  it('relays a burst of updates from one sender as merged messages, in order and complete', async () => {
    const cookie = await cookieOf('wg1-expert@example.org');
    const observer = await open('wg1-cn-cochair@example.org');
    await waitForSync(observer.provider);
    let relayedMessages = 0;
    observer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === observer.provider) relayedMessages++;
    });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 300; i++) source.getText('burst').insert(i, String(i % 10));
    const socket = new WebSocket(collabSocketUrl(t.baseUrl, paperId), { headers: { cookie } });
    try {
      let saved = 0;
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === COLLAB_MESSAGE_SAVED) saved = decoding.readVarUint(decoder);
      });
      await new Promise((resolve) => socket.once('message', resolve)); // the server's sync step 1: the room is open
      for (const update of updates) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0); // sync
        syncProtocol.writeUpdate(encoder, update);
        socket.send(encoding.toUint8Array(encoder));
      }
      await waitFor(() => saved === 300, 10_000, 'all 300 saved');
      await waitFor(
        () => observer.doc.getText('burst').toString() === source.getText('burst').toString(),
        5000,
        'relay',
      );
      // One relayed message per commit and sender, not one per update.
      expect(relayedMessages).toBeLessThan(30);
    } finally {
      socket.terminate();
      source.destroy();
    }
  });

  it('closes the socket with 1009 when a message is larger than the limit', async () => {
    const cookie = await cookieOf('wg1-expert@example.org');
    const code = await new Promise<number>((resolve) => {
      const socket = new WebSocket(collabSocketUrl(t.baseUrl, paperId), { headers: { cookie } });
      socket.on('open', () => socket.send(Buffer.alloc(COLLAB_MAX_MESSAGE_BYTES + 1)));
      socket.on('close', (closeCode) => resolve(closeCode));
      socket.on('error', () => undefined);
    });
    expect(code).toBe(CollabCloseCode.MessageTooBig);
  });

  it('keeps the content after the API process is restarted on the same database', async () => {
    const writer = await open('wg1-eu-cochair@example.org');
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'survives a restart');
    const client = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    // The server renders only what it has stored and applied; wait until the edit is there.
    for (
      let i = 0;
      i < 100 && !(await client.get(`/api/documents/${paperId}/content`)).body.text.includes('survives a restart');
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const provider of providers.splice(0)) provider.destroy();
    await t.closeApp();
    t = await startTestApp({ database: t.database, seed: false });
    const reader = connectCollab(
      t.baseUrl,
      paperId,
      (await new HttpClient(t.baseUrl).login('wg1-observer@example.org')).cookie,
    );
    providers.push(reader.provider);
    await waitForSync(reader.provider);
    expect(fragmentText(reader.doc)).toContain('survives a restart');
    expect(fragmentText(reader.doc).split('Awareness and empowerment of citizens and patients').length - 1).toBe(1);
  });
});
