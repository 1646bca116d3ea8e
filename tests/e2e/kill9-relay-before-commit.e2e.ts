import { Client } from 'pg';
import * as Y from 'yjs';
import { fragmentText, type Receipt, TrackedCollabClient, waitFor } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { isStored, storedText, type Rows } from '../support/stored-document';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * kill -9 of the server while edits are relayed but not yet committed (ADR 005: relay first, "saved" after
 * the commit). After a restart the server's state covers only committed rows, and every reconnecting client
 * sends what it lacks — its own edits and the others' it was relayed — so nothing anyone was told is saved
 * can be lost, and a client that never comes back can only lose what it was never told is saved.
 */
describe('kill -9 between relay and commit', () => {
  let database: TestDatabase;
  let db: Client;
  let server: ServerProcess | null = null;
  const clients: TrackedCollabClient[] = [];
  const rows: Rows = async (sql, params) => (await db.query(sql, params)).rows;
  const env = () => ({ DATABASE_URL: database.url, DEMO: 'true', COLLAB_MAX_UPDATES_PER_SECOND: '100000' });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.provider.destroy();
    await server?.stop();
    server = null;
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  async function start(port?: number): Promise<{ documentId: string; cookie: string }> {
    server = await startServerProcess(env(), port);
    const login = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const documentId = ((await login.get('/api/documents')).body as Array<{ id: string }>)[0].id;
    return { documentId, cookie: login.cookie! };
  }

  function open(documentId: string, cookie: string): TrackedCollabClient {
    const client = new TrackedCollabClient(server!.baseUrl, documentId, cookie);
    clients.push(client);
    return client;
  }

  /** The server died: its statement still running in PostgreSQL dies with it (as a crash before the commit). */
  async function crash(): Promise<void> {
    await server!.kill9();
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%roundtable_append_updates%'`,
    );
  }

  it("B types inside A's uncommitted text, the server dies before the commit; after a restart both reconnect and both texts are stored", async () => {
    const { documentId, cookie } = await start();
    const port = server!.port;
    // Commits of updates carrying SLOW-COMMIT hang until the crash.
    await db.query(`
      CREATE FUNCTION test_hang_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF position(convert_to('SLOW-COMMIT', 'UTF8') IN NEW.data) > 0 THEN PERFORM pg_sleep(60); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_hang_commit BEFORE INSERT ON document_updates FOR EACH ROW EXECUTE FUNCTION test_hang_commit();
    `);
    const a = open(documentId, cookie);
    const b = open(documentId, cookie);
    await waitFor(() => a.allSaved && b.allSaved, 10_000, 'both synced');

    const fromA = a.edit((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('SLOW-COMMIT text of A')]);
      doc.getXmlFragment('default').push([paragraph]);
    });
    await waitFor(() => fragmentText(b.doc).includes('SLOW-COMMIT text of A'), 5000, 'A relayed to B');
    const fromB = b.edit((doc) => {
      const fragment = doc.getXmlFragment('default');
      const body = (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
      body.insert('SLOW-COMMIT text'.length, ' [B inside]');
    });
    await waitFor(() => fragmentText(a.doc).includes('[B inside]'), 5000, 'B relayed to A');
    expect(a.isSaved(fromA) || b.isSaved(fromB)).toBe(false);

    await crash();
    await db.query('DROP TRIGGER test_hang_commit ON document_updates');
    expect(await isStored(rows, documentId, 'text of A')).toBe(false);

    await start(port);
    await waitFor(() => a.allSaved && b.allSaved, 20_000, 'both reconnected, resent and acknowledged');
    const text = await storedText(rows, documentId);
    expect(text).toContain('SLOW-COMMIT text [B inside] of A');
    expect(fragmentText(a.doc)).toBe(fragmentText(b.doc));
  });

  it('a client that never comes back loses only edits it was never told were saved', async () => {
    const { documentId, cookie } = await start();
    const port = server!.port;
    const [gone, b, c] = [open(documentId, cookie), open(documentId, cookie), open(documentId, cookie)];
    await waitFor(() => [gone, b, c].every((x) => x.allSaved), 10_000, 'all synced');

    // Storm: each client appends uniquely tagged paragraphs; the server is killed mid-way.
    const receipts = new Map<TrackedCollabClient, Array<{ tag: string; receipt: Receipt }>>(
      [gone, b, c].map((x) => [x, []]),
    );
    let running = true;
    const storms = [gone, b, c].map(async (client, n) => {
      for (let i = 0; running; i++) {
        const tag = `c${n}-u${i}`;
        const receipt = client.edit((doc) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(tag)]);
          doc.getXmlFragment('default').push([paragraph]);
        });
        receipts.get(client)!.push({ tag, receipt });
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    });
    await until(
      () => receipts.get(gone)!.filter(({ receipt }) => gone.isSaved(receipt)).length >= 50,
      'a storm under way',
      20_000,
    );
    await crash();
    running = false;
    await Promise.all(storms);
    gone.provider.destroy(); // never comes back
    const toldSaved = receipts
      .get(gone)!
      .filter(({ receipt }) => gone.isSaved(receipt))
      .map(({ tag }) => tag);
    const neverTold = new Set(
      receipts
        .get(gone)!
        .filter(({ receipt }) => !gone.isSaved(receipt))
        .map(({ tag }) => tag),
    );

    await start(port);
    await waitFor(() => b.allSaved && c.allSaved, 30_000, 'the others reconnected, resent and acknowledged');
    const stored = new Set((await storedText(rows, documentId)).match(/c\d-u\d+/g));
    // Everything of the clients that came back, everything the lost one was told is saved.
    for (const client of [b, c]) expect(receipts.get(client)!.filter(({ tag }) => !stored.has(tag))).toEqual([]);
    expect(toldSaved.filter((tag) => !stored.has(tag))).toEqual([]);
    const missing = receipts
      .get(gone)!
      .filter(({ tag }) => !stored.has(tag))
      .map(({ tag }) => tag);
    expect(missing.every((tag) => neverTold.has(tag))).toBe(true);
  });
});
