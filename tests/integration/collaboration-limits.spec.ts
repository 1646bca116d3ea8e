import { CollabCloseCode } from '@roundtable/contracts';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { upgradeStatus, waitFor } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** Abuse limits of the collaboration endpoint, with small limits so the tests stay fast. */
describe('collaboration limits', () => {
  let t: TestApp;
  let cookie: string;
  let papers: string[];
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      COLLAB_MAX_UPDATES_PER_SECOND: '20',
      COLLAB_MAX_CLIENTS_PER_DOCUMENT: '2',
      COLLAB_MAX_CONNECTIONS_PER_MINUTE: '25',
      COLLAB_MAX_DOCUMENT_BYTES: '20000',
    });
    t = await startTestApp();
    const client = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    cookie = client.cookie!;
    papers = ((await client.get('/api/documents')).body as Array<{ id: string }>).map((d) => d.id);
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
  });

  function open(documentId: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/collab/${documentId}`, { headers: { cookie } });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
  }

  function closed(socket: WebSocket): Promise<{ code: number; at: number }> {
    return new Promise((resolve) => socket.once('close', (code) => resolve({ code, at: Date.now() })));
  }

  function updateMessage(update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    return encoding.toUint8Array(encoder);
  }

  it('closes a socket that floods updates with 1008 within a second of crossing the limit', async () => {
    const socket = await open(papers[0]);
    const done = closed(socket);
    const doc = new Y.Doc();
    const text = doc.getText('flood');
    let started = 0;
    for (let i = 0; i < 400; i++) {
      const before = Y.encodeStateVector(doc);
      text.insert(0, 'x');
      socket.send(updateMessage(Y.encodeStateAsUpdate(doc, before)));
      if (i === 200) started = Date.now(); // burst allowance is 10 s × 20/s = 200 messages
    }
    const { code, at } = await done;
    expect(code).toBe(CollabCloseCode.PolicyViolation);
    expect(at - started).toBeLessThan(1000);
    doc.destroy();
  });

  it('refuses a third person on a document limited to two, with 1013 (try again later)', async () => {
    const first = await open(papers[1]);
    const second = await open(papers[1]);
    await new Promise((r) => setTimeout(r, 200));
    const third = await open(papers[1]);
    expect((await closed(third)).code).toBe(CollabCloseCode.TryAgainLater);
    first.close();
    second.close();
  });

  it('closes with 1009 an update that would grow the document past its size limit, and stores nothing of it', async () => {
    const socket = await open(papers[2]);
    await new Promise((r) => setTimeout(r, 200));
    const done = closed(socket);
    const doc = new Y.Doc();
    doc.getText('big').insert(0, 'y'.repeat(30_000));
    socket.send(updateMessage(Y.encodeStateAsUpdate(doc)));
    expect((await done).code).toBe(CollabCloseCode.MessageTooBig);
    const content = await (
      await new HttpClient(t.baseUrl).login('coordinator@example.org')
    ).get(`/api/documents/${papers[2]}/content`);
    expect(content.status).toBe(200);
    const [{ bytes }] = await t.dataSource.query(
      'SELECT coalesce(sum(length(data)), 0)::int AS bytes FROM document_updates WHERE document_id = $1',
      [papers[2]],
    );
    expect(bytes).toBeLessThan(20_000);
    doc.destroy();
  });

  it('does not echo a client’s awareness back to it, but relays it to the others', async () => {
    const sender = await open(papers[3]);
    const other = await open(papers[3]);
    const received = { sender: 0, other: 0 };
    sender.on('message', (data: Buffer) => data[0] === 1 && received.sender++);
    other.on('message', (data: Buffer) => data[0] === 1 && received.other++);
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Probe', color: '#123456' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    sender.send(encoding.toUint8Array(encoder));
    await waitFor(() => received.other > 0, 2000, 'awareness relay');
    await new Promise((r) => setTimeout(r, 200));
    expect(received.sender).toBe(0);
    awareness.destroy();
    doc.destroy();
    sender.close();
    other.close();
  });

  it('answers connection floods from one address with HTTP 429 at the upgrade', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push(await upgradeStatus(t.baseUrl, papers[4], cookie));
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
  });
});
