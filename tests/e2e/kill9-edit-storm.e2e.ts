import { COLLAB_EXTENSIONS_PARAM, COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { HttpClient } from '../support/http-client';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * kill -9 of the server during an edit storm: every update that any client was told is saved must be
 * in the document after a restart. Each client sends one uniquely tagged paragraph per update message
 * and records which ones the server acknowledged (COLLAB_MESSAGE_SAVED).
 */
describe('kill -9 during an edit storm loses nothing that was acknowledged as saved', () => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await database.drop();
  });

  it('keeps every acknowledged update', async () => {
    server = await startServerProcess({
      DATABASE_URL: database.url,
      DEMO: 'true',
      COLLAB_MAX_UPDATES_PER_SECOND: '100000',
    });
    const port = server.port;
    const login = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const documentId = ((await login.get('/api/documents')).body as Array<{ id: string }>)[0].id;

    const clients = await Promise.all(
      [0, 1, 2].map(
        (n) =>
          new Promise<{ socket: WebSocket; sent: string[]; acked: number; n: number }>((resolve, reject) => {
            const socket = new WebSocket(
              `ws://127.0.0.1:${port}/collab/${documentId}?${COLLAB_EXTENSIONS_PARAM}=${COLLAB_MESSAGE_SAVED}`,
              { headers: { cookie: login.cookie! } },
            );
            const client = { socket, sent: [] as string[], acked: 0, n };
            socket.on('message', (data: Buffer) => {
              const decoder = decoding.createDecoder(new Uint8Array(data));
              if (decoding.readVarUint(decoder) === COLLAB_MESSAGE_SAVED)
                client.acked = Math.max(client.acked, decoding.readVarUint(decoder));
            });
            socket.on('error', () => undefined);
            socket.once('open', () => resolve(client));
            socket.once('unexpected-response', () => reject(new Error('refused')));
          }),
      ),
    );

    // Storm: each client appends tagged paragraphs as fast as it can; the server is killed mid-way.
    const docs = clients.map(() => new Y.Doc());
    let running = true;
    const storms = clients.map(async (client, index) => {
      const doc = docs[index];
      for (let i = 0; running && client.socket.readyState === WebSocket.OPEN; i++) {
        const tag = `c${client.n}-u${i}`;
        const before = Y.encodeStateVector(doc);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(tag)]);
        doc.getXmlFragment('default').push([paragraph]);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc, before));
        client.socket.send(encoding.toUint8Array(encoder));
        client.sent.push(tag);
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill9();
    running = false;
    await Promise.all(storms);
    const acknowledged = clients.flatMap((client) => client.sent.slice(0, client.acked));
    expect(acknowledged.length).toBeGreaterThan(50);

    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' }, port);
    const reader = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const text: string = (await reader.get(`/api/documents/${documentId}/content`)).body.text;
    const lost = acknowledged.filter((tag) => !text.split('\n').includes(tag));
    expect(lost).toEqual([]);
    for (const doc of docs) doc.destroy();
  });
});
