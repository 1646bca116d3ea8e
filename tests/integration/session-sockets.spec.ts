import { DocumentStore } from '@roundtable/api-collaboration';
import { CollabCloseCode } from '@roundtable/contracts';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { appendParagraph, connectCollab, fragmentText, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { poll, until } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Sessions that end close their collaboration sockets (4440): logout, sign out everywhere, expiry and a
 * password change, also when the socket is served by another API process (NOTIFY), and nothing the client
 * sends after the end is stored.
 */
describe('sessions end their collaboration sockets (real PostgreSQL, two processes)', () => {
  let t: TestApp;
  let other: TestApp;
  let paperId: string;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    // The periodic check runs every second here, so expiry without a timer is seen quickly.
    process.env.COLLAB_SESSION_CHECK_SECONDS = '1';
    try {
      t = await startTestApp();
      other = await startTestApp({ database: t.database, seed: false });
    } finally {
      delete process.env.COLLAB_SESSION_CHECK_SECONDS;
    }
    const client = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const documents = (await client.get('/api/documents')).body as Array<{ id: string; workingGroupCode: string }>;
    paperId = documents.find((d) => d.workingGroupCode === 'WG1')!.id;
  });

  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });

  afterAll(async () => {
    await other?.closeApp();
    await t?.close();
  });

  /** A synced editor on the WG1 paper, recording the close codes the server sends it. */
  async function openEditor(client: HttpClient, app: TestApp = t) {
    const connection = connectCollab(app.baseUrl, paperId, client.cookie);
    providers.push(connection.provider);
    const closeCodes: number[] = [];
    connection.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });
    await waitForSync(connection.provider);
    return { ...connection, closeCodes };
  }

  async function storedText(): Promise<string> {
    const doc = new Y.Doc();
    try {
      await t.app.get(DocumentStore).loadInto(paperId, doc);
      return fragmentText(doc);
    } finally {
      doc.destroy();
    }
  }

  const closedWith = (editor: { closeCodes: number[] }, code: number, what: string) =>
    until(() => editor.closeCodes.includes(code), what, 10_000);

  it('logout closes the session’s socket with 4440, and nothing sent after it is stored', async () => {
    const author = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
    const editor = await openEditor(author);
    const witness = await openEditor(await new HttpClient(t.baseUrl).login('wg1-cn-cochair@example.org'));

    // This client reads nothing until it has typed, so its edit is sent after the server closed the socket.
    const tcp = (editor.provider.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    expect((await author.post('/api/auth/logout')).status).toBe(204);
    appendParagraph(editor.doc, 'typed after logout');
    tcp.resume();
    await closedWith(editor, CollabCloseCode.SessionEnded, 'the logged-out socket to close with 4440');
    expect(editor.provider.shouldConnect).toBe(false);

    // The room stores updates in arrival order: once the witness' later edit is stored, the other was decided.
    appendParagraph(witness.doc, 'witness edit after the close');
    await poll(storedText, (text) => text.includes('witness edit after the close'), 'the witness edit to be stored');
    expect(await storedText()).not.toContain('typed after logout');
    expect(witness.closeCodes).toEqual([]);
  });

  it('a socket served by another process closes when the session ends here (NOTIFY)', async () => {
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const elsewhere = await openEditor(coordinator, other);
    expect((await coordinator.post('/api/auth/logout-everywhere')).status).toBe(204);
    await closedWith(elsewhere, CollabCloseCode.SessionEnded, 'the socket on the other process to close');
    expect((await coordinator.get('/api/auth/me')).status).toBe(401);
  });

  it('closes a socket when its session expires while it is open', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg1-cn-cochair@example.org');
    await t.dataSource.query(
      "UPDATE sessions SET expires_at = now() + interval '1500 milliseconds' WHERE token_hash = sha256(convert_to($1, 'UTF8'))",
      [client.cookie!.split('=')[1]],
    );
    const editor = await openEditor(client);
    await closedWith(editor, CollabCloseCode.SessionEnded, 'the socket to close at expiry');
  });

  it('closes a socket whose session was cut short in the database (periodic check)', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg1-cn-cochair@example.org');
    const editor = await openEditor(client);
    const [row] = await t.dataSource.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = sha256(convert_to($1, 'UTF8')) RETURNING id",
      [client.cookie!.split('=')[1]],
    );
    expect(row).toBeDefined();
    await closedWith(editor, CollabCloseCode.SessionEnded, 'the expired session’s socket to close');
  });

  it('a password change closes the other sessions’ sockets and keeps this one', async () => {
    const here = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const there = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const mine = await openEditor(here);
    const theirs = await openEditor(there);

    const changed = await here.post('/api/auth/password', {
      currentPassword: 'roundtable-demo',
      newPassword: 'violet-harbour-sings-41',
    });
    expect(changed.status).toBe(204);
    await closedWith(theirs, CollabCloseCode.SessionEnded, 'the other session’s socket to close');
    expect((await there.get('/api/auth/me')).status).toBe(401);
    expect((await here.get('/api/auth/me')).status).toBe(200);

    // This session's socket still writes.
    appendParagraph(mine.doc, 'still editing after my password change');
    await poll(
      storedText,
      (text) => text.includes('still editing after my password change'),
      'the edit from the kept session to be stored',
    );
    expect(mine.closeCodes).toEqual([]);
  });
});
