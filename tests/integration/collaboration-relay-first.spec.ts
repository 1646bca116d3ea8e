import { CollabCloseCode } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  connectCollab,
  fragmentText,
  type Receipt,
  TrackedCollabClient,
  waitFor,
  waitForSync,
} from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { isStored } from '../support/stored-document';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Relay first, "saved" after the commit (ADR 005): an update reaches the room's other sockets at once, is
 * committed in arrival order, and only then acknowledged to its sender. PostgreSQL itself is made slow or
 * failing for updates carrying a marker (a trigger on document_updates), so the window between relay and
 * commit is wide and observable.
 */
describe('collaboration: relay at once, saved after the commit', () => {
  let a: TestApp;
  let b: TestApp;
  let cookie: string;
  let papers: string[];
  const clients: TrackedCollabClient[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ database: a.database, seed: false });
    cookie = (await new HttpClient(a.baseUrl).login('coordinator@example.org')).cookie!;
    papers = (
      (await new HttpClient(a.baseUrl).login('coordinator@example.org').then((c) => c.get('/api/documents')))
        .body as Array<{ id: string }>
    ).map((d) => d.id);
    // Updates whose bytes contain SLOW-COMMIT take 600 ms to commit; FAIL-COMMIT ones fail after 400 ms.
    await a.dataSource.query(`
      CREATE FUNCTION test_commit_faults() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF position(convert_to('SLOW-COMMIT', 'UTF8') IN NEW.data) > 0 THEN PERFORM pg_sleep(0.6); END IF;
        IF position(convert_to('FAIL-COMMIT', 'UTF8') IN NEW.data) > 0 THEN
          PERFORM pg_sleep(0.4);
          RAISE EXCEPTION 'injected commit failure';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_commit_faults BEFORE INSERT ON document_updates FOR EACH ROW EXECUTE FUNCTION test_commit_faults();
    `);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.provider.destroy();
  });
  afterAll(async () => {
    await b.closeApp();
    await a.close();
  });

  function open(app: TestApp, documentId: string): TrackedCollabClient {
    const client = new TrackedCollabClient(app.baseUrl, documentId, cookie);
    clients.push(client);
    return client;
  }

  /** Ids of the stored update rows whose bytes contain `marker` (the tail; compaction is not involved here). */
  async function rowsWith(documentId: string, marker: string): Promise<number[]> {
    const rows: Array<{ id: string }> = await a.dataSource.query(
      `SELECT id FROM document_updates WHERE document_id = $1 AND position(convert_to($2, 'UTF8') IN data) > 0 ORDER BY id`,
      [documentId, marker],
    );
    return rows.map((row) => Number(row.id));
  }

  const stored = (documentId: string, marker: string) =>
    isStored((sql, params) => a.dataSource.query(sql, params), documentId, marker);

  async function appendsRunning(): Promise<number> {
    const [{ n }] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%roundtable_append_updates%' AND pid <> pg_backend_pid()`,
    );
    return n;
  }

  /** Appends a paragraph with `text`. */
  function paragraph(doc: Y.Doc, text: string): void {
    const node = new Y.XmlElement('paragraph');
    node.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('default').push([node]);
  }

  /** Inserts `text` into the middle of the paragraph that contains `inside`. */
  function typeInside(doc: Y.Doc, inside: string, text: string): void {
    for (const node of doc.getXmlFragment('default').toArray()) {
      const body = node instanceof Y.XmlElement ? node.get(0) : null;
      if (body instanceof Y.XmlText && body.toString().includes(inside)) {
        body.insert(Math.floor(body.length / 2), text);
        return;
      }
    }
    throw new Error(`no paragraph contains ${inside}`);
  }

  it('relays to the other local clients before the commit, acknowledges after it, commits in arrival order, and relays to other processes only after it', async () => {
    const documentId = papers[0];
    const writer = open(a, documentId);
    const local = open(a, documentId);
    const remote = open(b, documentId);
    await Promise.all([writer, local, remote].map((c) => waitForSync(c.provider)));

    const first = writer.edit((doc) => paragraph(doc, 'SLOW-COMMIT written by the first author'));
    await waitFor(() => fragmentText(local.doc).includes('SLOW-COMMIT'), 5000, 'the local relay');
    // Relayed while its commit is still running: not acknowledged, not stored, not in the other process.
    expect(writer.isSaved(first)).toBe(false);
    expect(await rowsWith(documentId, 'SLOW-COMMIT')).toEqual([]);
    expect(fragmentText(remote.doc)).not.toContain('SLOW-COMMIT');

    // The second author types inside the first author's uncommitted text; it reaches the first author at once.
    const second = local.edit((doc) => typeInside(doc, 'SLOW-COMMIT', '[second author inside]'));
    await waitFor(
      () => fragmentText(writer.doc).includes('[second author inside]'),
      5000,
      'relay back to the first author',
    );

    await waitFor(() => writer.isSaved(first) && local.isSaved(second), 5000, 'both acknowledged');
    const [firstRow] = await rowsWith(documentId, 'SLOW-COMMIT');
    const [secondRow] = await rowsWith(documentId, '[second author inside]');
    expect(firstRow).toBeLessThan(secondRow);

    // The other process relays only what is committed: once it shows the text, PostgreSQL has it.
    await waitFor(
      () => fragmentText(remote.doc).includes('[second author inside]'),
      5000,
      'relay to the other process',
    );
    expect(await rowsWith(documentId, '[second author inside]')).toEqual([secondRow]);
    expect(fragmentText(remote.doc)).toBe(fragmentText(writer.doc));
  });

  it('on a failed commit acknowledges nothing, stores nothing after it, closes the sockets with 1011, and the reconnecting clients send everything again', async () => {
    const documentId = papers[1];
    const first = open(a, documentId);
    const second = open(a, documentId);
    await Promise.all([first, second].map((c) => waitForSync(c.provider)));
    const before = first.edit((doc) => paragraph(doc, 'stored before the failure'));
    await waitFor(() => first.isSaved(before), 5000, 'the first edit acknowledged');

    const doomed = first.edit((doc) => paragraph(doc, 'FAIL-COMMIT of the first author'));
    await waitFor(() => fragmentText(second.doc).includes('FAIL-COMMIT'), 5000, 'the relay of the doomed edit');
    // Arrives while the failing commit runs: queued behind it, so it must not be stored either.
    const after = second.edit((doc) => typeInside(doc, 'FAIL-COMMIT', '[typed inside by the second author]'));
    await waitFor(() => first.closeCodes.length > 0 && second.closeCodes.length > 0, 5000, 'both sockets closed');
    // Keep them away while we look, and let whatever the server sent to PostgreSQL finish.
    first.provider.disconnect();
    second.provider.disconnect();
    await until(async () => (await appendsRunning()) === 0, 'no append running');
    expect(first.closeCodes[0]).toBe(CollabCloseCode.InternalError);
    expect(second.closeCodes[0]).toBe(CollabCloseCode.InternalError);
    expect(first.isSaved(doomed)).toBe(false);
    expect(second.isSaved(after)).toBe(false);
    expect(await stored(documentId, 'FAIL-COMMIT')).toBe(false);
    expect(await stored(documentId, '[typed inside by the second author]')).toBe(false);
    expect(await stored(documentId, 'stored before the failure')).toBe(true);

    // PostgreSQL works again: the clients reconnect to a room loaded from storage and resend what it lacks.
    await a.dataSource.query('ALTER TABLE document_updates DISABLE TRIGGER test_commit_faults');
    first.provider.connect();
    second.provider.connect();
    try {
      await until(() => stored(documentId, '[typed inside by the second author]'), 'the resent edits stored', 15_000);
      const reader = connectCollab(b.baseUrl, documentId, cookie);
      try {
        await waitForSync(reader.provider);
        await waitFor(
          () => fragmentText(reader.doc).includes('[typed inside by the second author]'),
          5000,
          'the text after a fresh load',
        );
        expect(fragmentText(reader.doc)).toContain('FAIL-');
        expect(fragmentText(reader.doc)).toContain('stored before the failure');
      } finally {
        reader.provider.destroy();
      }
    } finally {
      await a.dataSource.query('ALTER TABLE document_updates ENABLE TRIGGER test_commit_faults');
    }
  });

  it('compacts a live document only at the last committed update, never with relayed updates still uncommitted', async () => {
    // A process that compacts after 20 updates (no snapshot yet, so any tail outgrows a quarter of it).
    process.env.COLLAB_COMPACT_AFTER = '20';
    const c = await startTestApp({ database: a.database, seed: false }).finally(
      () => delete process.env.COLLAB_COMPACT_AFTER,
    );
    try {
      const documentId = papers[2];
      const writer = open(c, documentId);
      const observer = open(c, documentId);
      await Promise.all([writer, observer].map((x) => waitForSync(x.provider)));
      const text = new Y.XmlText();
      writer.edit((doc) => {
        const node = new Y.XmlElement('paragraph');
        node.insert(0, [text]);
        doc.getXmlFragment('default').push([node]);
      });
      let last: Receipt = null;
      for (let i = 0; i < 17; i++) last = writer.edit(() => text.insert(text.length, 'x'));
      await waitFor(() => writer.isSaved(last), 5000, '18 updates stored (19 with the seed)');
      // The 20th update commits slowly; the 21st arrives meanwhile, is relayed and waits for its own (slow) commit.
      writer.edit(() => text.insert(text.length, 'y'));
      writer.edit(() => text.insert(text.length, 'SLOW-COMMIT twentieth'));
      const late = writer.edit(() => text.insert(text.length, ' SLOW-COMMIT twenty-first'));
      await waitFor(() => fragmentText(observer.doc).includes('twenty-first'), 5000, 'the relay of the 21st update');
      await waitFor(() => writer.isSaved(late), 5000, 'the 21st update acknowledged');
      await until(
        async () =>
          (await a.dataSource.query('SELECT 1 FROM document_snapshots WHERE document_id = $1', [documentId])).length >
          0,
        'a snapshot',
      );

      const [snapshot] = await a.dataSource.query(
        'SELECT state, last_update_id AS last FROM document_snapshots WHERE document_id = $1',
        [documentId],
      );
      const folded = new Y.Doc();
      Y.applyUpdate(folded, snapshot.state);
      const lateRows = await rowsWith(documentId, 'twenty-first');
      // Whatever the snapshot holds is covered by its id: the 21st update is either folded in or after it, never both.
      if (fragmentText(folded).includes('twenty-first'))
        expect(lateRows.every((id) => id <= Number(snapshot.last))).toBe(true);
      else expect(lateRows.length).toBe(1);
      folded.destroy();
      expect(fragmentText(observer.doc)).toBe(fragmentText(writer.doc));
    } finally {
      for (const client of clients.splice(0)) client.provider.destroy();
      await c.closeApp();
    }
  });

  it('sends presence changes made together as one message per socket, never a socket its own', async () => {
    const documentId = papers[3];
    /** A raw socket that records the client ids of every awareness message it receives. */
    const join = async () => {
      const socket = new WebSocket(`${a.baseUrl.replace('http', 'ws')}/collab/${documentId}`, { headers: { cookie } });
      const received: number[][] = [];
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 1) return;
        const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
        const ids: number[] = [];
        for (let n = decoding.readVarUint(update); n > 0; n--) {
          ids.push(decoding.readVarUint(update));
          decoding.readVarUint(update); // clock
          decoding.readVarString(update); // state
        }
        received.push(ids);
      });
      await new Promise((resolve) => socket.once('message', resolve)); // sync step 1: in the room
      return { socket, received };
    };
    const observer = await join();
    const movers = await Promise.all([0, 1, 2, 3, 4].map(() => join()));
    const docs = movers.map(() => new Y.Doc());
    try {
      movers.forEach(({ socket }, i) => {
        const awareness = new awarenessProtocol.Awareness(docs[i]);
        awareness.setLocalState({ user: { name: `Mover ${i}` } });
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [docs[i].clientID]));
        socket.send(encoding.toUint8Array(encoder));
        awareness.destroy();
      });
      const everyone = docs.map((doc) => doc.clientID);
      await waitFor(
        () => everyone.every((id) => observer.received.flat().includes(id)),
        5000,
        'every mover seen by the observer',
      );
      expect(observer.received.length).toBeLessThan(everyone.length);
      await waitFor(
        () =>
          movers.every(({ received }, i) =>
            everyone.every((id) => id === docs[i].clientID || received.flat().includes(id)),
          ),
        5000,
        'every mover sees the others',
      );
      movers.forEach(({ received }, i) => expect(received.flat()).not.toContain(docs[i].clientID));
    } finally {
      for (const { socket } of [observer, ...movers]) socket.terminate();
      for (const doc of docs) doc.destroy();
    }
  });
});
