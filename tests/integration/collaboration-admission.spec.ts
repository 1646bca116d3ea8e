import {
  CollabCloseCode,
  COLLAB_EXTENSIONS_PARAM,
  COLLAB_MESSAGE_COMMENTS_CHANGED,
  COLLAB_MESSAGE_SAVED,
} from '@roundtable/contracts';
import { CollaborationServer } from '@roundtable/api-collaboration';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { connect, type Socket } from 'net';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { appendParagraph, collabSocketUrl, connectCollab, fragmentText, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { RawWriter } from '../support/raw-writer';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Socket admission (docs/adr/019-collaboration-socket-admission.md): every upgrade answered and closed,
 * the per-address limit before routing, stalled upgrades timed out, Origin, presence bound to the signed-in
 * user, write budgets, and extra message types only for clients that ask for them.
 */
describe('collaboration socket admission', () => {
  let t: TestApp;
  let papers: Array<{ id: string; workingGroupCode: string }>;
  const cookies: Record<string, string> = {};
  const saved = { ...process.env };

  async function cookieOf(email: string): Promise<string> {
    cookies[email] ??= (await new HttpClient(t.baseUrl).login(email)).cookie!;
    return cookies[email];
  }

  beforeAll(async () => {
    Object.assign(process.env, {
      COLLAB_MAX_CONNECTIONS_PER_MINUTE: '400',
      COLLAB_USER_WRITE_UNITS_PER_SECOND: '20',
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      PUBLIC_URL: 'https://roundtable.example.org',
    });
    t = await startTestApp();
    papers = (await (await new HttpClient(t.baseUrl).login('coordinator@example.org')).get('/api/documents'))
      .body as typeof papers;
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
  });

  /** A raw TCP client (from its own loopback address) that records what the server writes and whether it closed the connection. */
  function rawClient(
    localAddress: string,
    request: string,
  ): { socket: Socket; received: () => string; closed: () => boolean } {
    const socket = connect({ host: '127.0.0.1', port: t.port, localAddress });
    let text = '';
    let isClosed = false;
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('close', () => (isClosed = true));
    socket.on('error', () => undefined);
    if (request) socket.write(request);
    return { socket, received: () => text, closed: () => isClosed };
  }

  function upgradeRequest(path: string, extraHeaders = ''): string {
    return (
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`
    );
  }

  async function healthStatus(): Promise<number> {
    return (await fetch(`${t.baseUrl}/api/health`)).status;
  }

  it('answers every upgrade to a path it does not serve with an HTTP status and closes the connection', async () => {
    const clients = Array.from({ length: 300 }, () =>
      rawClient('127.0.0.2', upgradeRequest('/socket.io/?EIO=4&transport=websocket')),
    );
    await until(() => clients.every((c) => c.closed()), 'the server to close all 300 upgrades', 15_000);
    const statuses = new Set(clients.map((c) => c.received().split('\r\n')[0]));
    expect([...statuses]).toEqual(['HTTP/1.1 404 Not Found']);
    expect(await healthStatus()).toBe(200);
  });

  it('counts upgrades to every path against the per-address limit, before routing', async () => {
    // 127.0.0.3 spends its 400 attempts of this minute on /socket.io; then even a valid /collab upgrade is refused.
    const flood = Array.from({ length: 400 }, () =>
      rawClient('127.0.0.3', upgradeRequest('/socket.io/?EIO=4&transport=websocket')),
    );
    await until(() => flood.every((c) => c.closed()), 'the flood to be answered', 15_000);
    const cookie = await cookieOf('coordinator@example.org');
    const collab = rawClient('127.0.0.3', upgradeRequest(`/collab/${papers[0].id}`, `Cookie: ${cookie}\r\n`));
    await until(() => collab.closed(), 'the collab upgrade to be answered');
    expect(collab.received().split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
    // Another address is not affected.
    const other = rawClient('127.0.0.4', upgradeRequest(`/collab/${papers[0].id}`, `Cookie: ${cookie}\r\n`));
    await until(() => other.received().includes('\r\n\r\n'), 'the other address to be answered');
    expect(other.received().split('\r\n')[0]).toBe('HTTP/1.1 101 Switching Protocols');
    other.socket.destroy();
  });

  it('closes an upgrade whose headers trickle in and never finish (slowloris)', async () => {
    const slow = rawClient('127.0.0.5', `GET /collab/${papers[0].id} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    let lines = 0;
    const trickle = setInterval(() => {
      if (!slow.closed()) slow.socket.write(`X-Trickle-${lines++}: a\r\n`);
    }, 200);
    try {
      await until(() => slow.closed(), 'the server to close the stalled upgrade', 10_000);
    } finally {
      clearInterval(trickle);
    }
    expect(lines).toBeGreaterThan(0);
    expect(await healthStatus()).toBe(200);
  });

  describe('Origin', () => {
    function statusWithOrigin(origin: string | undefined): Promise<number> {
      return new Promise((resolve) => {
        void cookieOf('coordinator@example.org').then((cookie) => {
          const socket = new WebSocket(collabSocketUrl(t.baseUrl, papers[0].id), {
            headers: { cookie },
            ...(origin ? { origin } : {}),
          });
          socket.on('unexpected-response', (_request, response) => {
            resolve(response.statusCode ?? 0);
            socket.terminate();
          });
          socket.on('open', () => {
            resolve(101);
            socket.close();
          });
          socket.on('error', () => undefined);
        });
      });
    }

    it('refuses a foreign Origin with 403, even with a valid session cookie', async () => {
      expect(await statusWithOrigin('https://evil.example')).toBe(403);
      expect(await statusWithOrigin('null')).toBe(403);
    });

    it('accepts the request’s own origin, PUBLIC_URL’s origin, and clients that send no Origin', async () => {
      expect(await statusWithOrigin(t.baseUrl)).toBe(101);
      expect(await statusWithOrigin('https://roundtable.example.org')).toBe(101);
      expect(await statusWithOrigin(undefined)).toBe(101);
    });
  });

  describe('presence (awareness)', () => {
    /** A raw socket that keeps an Awareness of what the server relays, and can send awareness updates. */
    async function presenceSocket(email: string, documentId: string) {
      const socket = new WebSocket(collabSocketUrl(t.baseUrl, documentId), {
        headers: { cookie: await cookieOf(email) },
      });
      const seen = new awarenessProtocol.Awareness(new Y.Doc());
      seen.setLocalState(null);
      let closeCode: number | null = null;
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === 1)
          awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'server');
      });
      socket.on('close', (code) => (closeCode = code));
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('message', resolve));
      const send = (states: Array<{ clientId: number; clock: number; state: unknown }>) => {
        const update = encoding.createEncoder();
        encoding.writeVarUint(update, states.length);
        for (const { clientId, clock, state } of states) {
          encoding.writeVarUint(update, clientId);
          encoding.writeVarUint(update, clock);
          encoding.writeVarString(update, JSON.stringify(state));
        }
        const message = encoding.createEncoder();
        encoding.writeVarUint(message, 1);
        encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
        socket.send(encoding.toUint8Array(message));
      };
      return { socket, seen, send, closeCode: () => closeCode, close: () => (socket.close(), seen.destroy()) };
    }

    it('shows the signed-in user’s name and colour, and ignores claims on another connection’s client id', async () => {
      const paper = papers.find((p) => p.workingGroupCode === 'WG1')!.id;
      const editor = await presenceSocket('wg1-eu-cochair@example.org', paper);
      const observer = await presenceSocket('wg1-observer@example.org', paper);
      const watcher = await presenceSocket('coordinator@example.org', paper);
      const me = await (await new HttpClient(t.baseUrl).login('wg1-observer@example.org')).get('/api/auth/me');
      const observerUser = me.body as { displayName: string; color: string };
      editor.send([
        { clientId: 1001, clock: 1, state: { user: { name: 'Editor says', color: '#000000' }, cursor: null } },
      ]);
      await until(() => watcher.seen.getStates().has(1001), 'the editor’s presence');
      // The read-only observer tries to take over the editor's id (newer clock) and claims its own with another name.
      observer.send([
        { clientId: 1001, clock: 5, state: { user: { name: 'Spoofed', color: '#ff0000' } } },
        { clientId: 2002, clock: 1, state: { user: { name: 'Chair of the board', color: '#ff0000' }, cursor: null } },
      ]);
      await until(() => watcher.seen.getStates().has(2002), 'the observer’s own presence');
      expect(watcher.seen.getStates().get(2002)).toEqual({
        user: { name: observerUser.displayName, color: observerUser.color },
        cursor: null,
      });
      expect(watcher.seen.getStates().get(1001)?.user).not.toEqual({ name: 'Spoofed', color: '#ff0000' });
      expect(watcher.seen.meta.get(1001)?.clock).toBe(1);
      // A second id on the same connection is not taken either.
      observer.send([{ clientId: 3003, clock: 1, state: { user: { name: 'Third' } } }]);
      editor.send([{ clientId: 1001, clock: 2, state: { user: { name: 'Editor says' }, cursor: { moved: true } } }]);
      await until(() => watcher.seen.meta.get(1001)?.clock === 2, 'the editor’s next presence');
      expect(watcher.seen.getStates().has(3003)).toBe(false);
      for (const s of [editor, observer, watcher]) s.close();
    });

    it('lets the same user’s new connection take over its client id, so the old socket leaving does not remove the presence', async () => {
      const paper = papers.find((p) => p.workingGroupCode === 'WG1')!.id;
      const watcher = await presenceSocket('coordinator@example.org', paper);
      const old = await presenceSocket('wg1-expert@example.org', paper);
      old.send([{ clientId: 5005, clock: 1, state: { cursor: null } }]);
      await until(() => watcher.seen.getStates().has(5005), 'the first connection’s presence');
      const reconnected = await presenceSocket('wg1-expert@example.org', paper);
      reconnected.send([{ clientId: 5005, clock: 2, state: { cursor: { anchor: 1 } } }]);
      await until(() => watcher.seen.meta.get(5005)?.clock === 2, 'the reconnected presence');
      const room = (await t.app.get(CollaborationServer).liveRoom(paper))!;
      const connections = room.connections.size;
      old.close();
      await until(() => room.connections.size === connections - 1, 'the server to see the old socket leave');
      // Anything the server relayed about the departure reaches the watcher before this later presence does.
      const barrier = await presenceSocket('wg1-eu-cochair@example.org', paper);
      barrier.send([{ clientId: 6006, clock: 1, state: { cursor: null } }]);
      await until(() => watcher.seen.getStates().has(6006), 'a later presence');
      expect(watcher.seen.getStates().get(5005)).toMatchObject({ cursor: { anchor: 1 } });
      barrier.close();
      reconnected.close();
      await until(() => !watcher.seen.getStates().has(5005), 'the presence to go when its owner leaves');
      watcher.close();
    });

    it('closes with 1009 a socket that sends a presence state over the size limit, and relays none of it', async () => {
      const paper = papers.find((p) => p.workingGroupCode === 'WG1')!.id;
      const observer = await presenceSocket('wg1-observer@example.org', paper);
      const watcher = await presenceSocket('coordinator@example.org', paper);
      observer.send([{ clientId: 4004, clock: 1, state: { user: { name: 'x' }, padding: 'p'.repeat(1_000_000) } }]);
      await until(() => observer.closeCode() !== null, 'the oversized presence to close the socket');
      expect(observer.closeCode()).toBe(CollabCloseCode.MessageTooBig);
      expect(watcher.seen.getStates().has(4004)).toBe(false);
      observer.close();
      watcher.close();
    });
  });

  describe('extra message types', () => {
    it('sends a stock y-websocket client no message type it cannot compute; the editor’s kind gets saved acks and comment signals', async () => {
      const paper = papers.find((p) => p.workingGroupCode === 'WG1')!.id;
      const cookie = await cookieOf('wg1-expert@example.org');
      const errors: unknown[][] = [];
      const consoleError = jest
        .spyOn(console, 'error')
        .mockImplementation((...args: unknown[]) => void errors.push(args));
      const stock = connectCollab(t.baseUrl, paper, cookie, { stock: true });
      const stockTypes: number[] = [];
      const asked: number[] = [];
      const editorKind = new WebSocket(
        `${t.baseUrl.replace('http', 'ws')}/collab/${paper}?${COLLAB_EXTENSIONS_PARAM}=${COLLAB_MESSAGE_SAVED},${COLLAB_MESSAGE_COMMENTS_CHANGED}`,
        { headers: { cookie } },
      );
      editorKind.on('message', (data: Buffer) => asked.push(data[0]));
      try {
        await waitForSync(stock.provider);
        stock.provider.ws!.addEventListener('message', (event: { data: ArrayBuffer | Buffer }) =>
          stockTypes.push(new Uint8Array(event.data as ArrayBuffer)[0]),
        );
        appendParagraph(stock.doc, 'typed by a stock client');
        await until(
          async () => (await storedText(paper)).includes('typed by a stock client'),
          'the stock client’s edit to be stored',
        );
        await t.app.get(CollaborationServer).commentsChanged(paper);
        await until(
          () => asked.includes(COLLAB_MESSAGE_COMMENTS_CHANGED),
          'the comment signal to the client that asked',
        );
        // The stock client is on the same document and sees everything up to here; an edit by the other socket proves its stream is flowing.
        const writer = new RawWriter(t.baseUrl, paper, cookie);
        await writer.opened;
        writer.type('after the signal');
        await until(() => writer.saved > 0, 'the writer’s saved ack');
        writer.close();
        expect(fragmentText(stock.doc)).toContain('typed by a stock client');
        expect(stockTypes.length).toBeGreaterThan(0);
        expect(stockTypes.filter((type) => type > 3)).toEqual([]);
        expect(errors.filter((args) => String(args[0]).includes('Unable to compute message'))).toEqual([]);
      } finally {
        consoleError.mockRestore();
        editorKind.close();
        stock.provider.destroy();
      }
    });

    async function storedText(documentId: string): Promise<string> {
      const content = await (
        await new HttpClient(t.baseUrl).login('coordinator@example.org')
      ).get(`/api/documents/${documentId}/content`);
      return JSON.stringify(content.body);
    }
  });

  describe('write budgets', () => {
    it('pauses an account that writes over its budget on many sockets, while another user’s save is acknowledged at once', async () => {
      // Budget 20 units/s, bursts of 200: 5 sockets × 60 updates = 300 is 100 over, at least 5 s of waiting.
      const offenderCookie = await cookieOf('coordinator@example.org');
      const offenderPapers = papers.filter((p) => p.workingGroupCode !== 'WG2').slice(0, 5);
      const writers = offenderPapers.map((p) => new RawWriter(t.baseUrl, p.id, offenderCookie, 'budget'));
      await Promise.all(writers.map((w) => w.opened));
      const other = new RawWriter(
        t.baseUrl,
        papers.find((p) => p.workingGroupCode === 'WG2')!.id,
        await cookieOf('wg2-expert@example.org'),
        'budget',
      );
      await other.opened;
      try {
        const started = Date.now();
        for (let i = 0; i < 60; i++) for (const w of writers) w.type('x');
        const offenderSaved = () => writers.reduce((n, w) => n + w.saved, 0);
        await until(() => offenderSaved() >= 150, 'the offender’s burst to be stored');
        other.type('a fair share');
        await until(() => other.saved === 1, 'the other user’s save');
        // Acknowledged while the offender still waits for its budget: it did not queue behind the flood.
        expect(offenderSaved()).toBeLessThan(300);
        // The offender is slowed, not dropped: everything is stored, no sooner than the budget allows.
        await until(() => offenderSaved() === 300, 'the offender’s updates to be stored in the end', 30_000);
        expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
        expect(writers.map((w) => w.closeCode)).toEqual(writers.map(() => null));
      } finally {
        for (const w of [...writers, other]) w.close();
      }
    });
  });
});
