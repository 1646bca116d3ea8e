import { Client } from 'pg';
import * as Y from 'yjs';
import { fragmentText, type Receipt, TrackedCollabClient, waitFor } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { startReverseProxy, type ReverseProxy } from '../support/reverse-proxy';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { isStored, storedText, type Rows } from '../support/stored-document';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The deployment of docker/compose.yaml without Docker (issue #18 item 5): two real server processes (the
 * built entry point) on one PostgreSQL, behind a reverse proxy that passes WebSocket upgrades through and
 * spreads connections round-robin, skipping a backend that is down.
 */
describe('two app processes behind a reverse proxy', () => {
  let database: TestDatabase;
  let db: Client;
  let proxy: ReverseProxy;
  const servers: ServerProcess[] = [];
  const clients: TrackedCollabClient[] = [];
  const rows: Rows = async (sql, params) => (await db.query(sql, params)).rows;
  let documentId: string;
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    const env = { DATABASE_URL: database.url, DEMO: 'true', COLLAB_MAX_UPDATES_PER_SECOND: '100000' };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    proxy = await startReverseProxy(servers);
    const login = await new HttpClient(proxy.baseUrl).login('coordinator@example.org');
    cookie = login.cookie!;
    documentId = ((await login.get('/api/documents')).body as Array<{ id: string }>)[0].id;
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.provider.destroy();
    await proxy.close();
    await Promise.all(servers.map((s) => s.stop()));
    await db.end();
    await database.drop();
  });

  /** A client through the proxy; it waits until synced so that the next one takes the next backend. */
  async function open(): Promise<TrackedCollabClient> {
    const client = new TrackedCollabClient(proxy.baseUrl, documentId, cookie);
    clients.push(client);
    await waitFor(() => client.allSaved, 10_000, 'synced through the proxy');
    return client;
  }

  const backendOf = (n: number) => proxy.picks.filter((pick) => pick.kind === 'upgrade')[n].backend;

  function append(client: TrackedCollabClient, text: string): Receipt {
    return client.edit((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment('default').push([paragraph]);
    });
  }

  it('an edit through one process reaches an editor connected through the other, live, both ways', async () => {
    const a = await open();
    const b = await open();
    expect([backendOf(0), backendOf(1)].sort()).toEqual([0, 1]);

    append(a, 'live from A');
    await waitFor(() => fragmentText(b.doc).includes('live from A'), 10_000, "A's edit at B");
    append(b, 'live from B');
    await waitFor(() => fragmentText(a.doc).includes('live from B'), 10_000, "B's edit at A");
    await waitFor(() => a.allSaved && b.allSaved, 10_000, 'both saved');
    expect(await isStored(rows, documentId, 'live from A')).toBe(true);
    expect(await isStored(rows, documentId, 'live from B')).toBe(true);
  });

  it('"saved" holds across a kill -9 of one process: clients reconnect through the proxy to the survivor', async () => {
    const [a, b] = clients;
    const victim = backendOf(0);
    const receipts = new Map<TrackedCollabClient, Array<{ tag: string; receipt: Receipt }>>([
      [a, []],
      [b, []],
    ]);
    let running = true;
    const storms = [a, b].map(async (client, n) => {
      for (let i = 0; running; i++) {
        const tag = `p${n}-e${i}`;
        receipts.get(client)!.push({ tag, receipt: append(client, tag) });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await until(
      () => receipts.get(a)!.filter(({ receipt }) => a.isSaved(receipt)).length >= 40,
      "a storm under way, A's edits acknowledged",
      20_000,
    );
    await servers[victim].kill9();
    // What each client was told is saved when the process died: all of it in PostgreSQL before anyone resends.
    const toldSaved = [a, b].flatMap((client) =>
      receipts
        .get(client)!
        .filter(({ receipt }) => client.isSaved(receipt))
        .map(({ tag }) => tag),
    );
    const storedAtCrash = new Set((await storedText(rows, documentId)).match(/p\d-e\d+/g));
    expect(toldSaved.filter((tag) => !storedAtCrash.has(tag))).toEqual([]);

    await until(() => a.closeCodes.length > 0, 'the client of the killed process noticed', 10_000);
    running = false;
    await Promise.all(storms);
    await waitFor(() => a.allSaved && b.allSaved, 30_000, 'both reconnected to the survivor and acknowledged');
    const reconnect = proxy.picks.filter((pick) => pick.kind === 'upgrade').slice(2);
    expect(reconnect.length).toBeGreaterThan(0);
    expect(reconnect.every((pick) => pick.backend !== victim)).toBe(true);

    // Every edit of both clients is stored (the resent ones too), and the survivor serves it through the proxy.
    const all = [a, b].flatMap((client) => receipts.get(client)!.map(({ tag }) => tag));
    const stored = new Set((await storedText(rows, documentId)).match(/p\d-e\d+/g));
    expect(all.filter((tag) => !stored.has(tag))).toEqual([]);
    expect(fragmentText(a.doc)).toBe(fragmentText(b.doc));
    const content = await new HttpClient(proxy.baseUrl).login('coordinator@example.org');
    const text = (await content.get(`/api/documents/${documentId}/content`)).body.text as string;
    expect(all.filter((tag) => !new RegExp(`\\b${tag}\\b`).test(text))).toEqual([]);
  });
});
