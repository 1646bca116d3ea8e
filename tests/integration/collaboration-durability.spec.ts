import { COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import { DocumentStore } from '@roundtable/api-collaboration';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  appendParagraph,
  connectCollab,
  fragmentText,
  waitFor,
  waitForSync,
  collabSocketUrl,
} from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { poll, until } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

describe('collaboration durability: saved acknowledgements, compaction, several processes', () => {
  let a: TestApp;
  let b: TestApp;
  let cookie: string;
  let papers: string[];

  beforeAll(async () => {
    a = await startTestApp();
    // A second API process on the same database (its own socket server, its own LISTEN connections).
    b = await startTestApp({ database: a.database, seed: false });
    const client = await new HttpClient(a.baseUrl).login('coordinator@example.org');
    cookie = client.cookie!;
    papers = ((await client.get('/api/documents')).body as Array<{ id: string }>).map((d) => d.id);
  });
  afterAll(async () => {
    await b.closeApp();
    await a.close();
  });

  async function tailRows(app: TestApp, documentId: string): Promise<number> {
    const [{ tail }] = await app.dataSource.query(
      'SELECT count(*)::int AS tail FROM document_updates WHERE document_id = $1',
      [documentId],
    );
    return tail;
  }

  async function snapshotOf(documentId: string): Promise<{ last: string; bytes: number } | null> {
    const [row] = await a.dataSource.query(
      'SELECT last_update_id AS last, length(state) AS bytes FROM document_snapshots WHERE document_id = $1',
      [documentId],
    );
    return row ? { last: row.last, bytes: Number(row.bytes) } : null;
  }

  /** Opens the document as a fresh client of `app` and checks what it loads. */
  async function loadedThrough(app: TestApp, documentId: string, check: (doc: Y.Doc) => void): Promise<void> {
    const reader = connectCollab(app.baseUrl, documentId, cookie);
    try {
      await waitForSync(reader.provider);
      check(reader.doc);
    } finally {
      reader.provider.destroy();
    }
  }

  async function text(app: TestApp, documentId: string): Promise<string> {
    return (
      await (
        await new HttpClient(app.baseUrl).login('coordinator@example.org')
      ).get(`/api/documents/${documentId}/content`)
    ).body.text;
  }

  it('acknowledges each update message as saved only once it is stored, counting per socket', async () => {
    const documentId = papers[0];
    const socket = new WebSocket(collabSocketUrl(a.baseUrl, documentId), { headers: { cookie } });
    const acks: number[] = [];
    let storedAtFirstAck: string | null = null;
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== COLLAB_MESSAGE_SAVED) return;
      acks.push(decoding.readVarUint(decoder));
      if (acks.length === 1) void text(a, documentId).then((t) => (storedAtFirstAck ??= t));
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['alpha', 'beta', 'gamma']) appendParagraph(doc, `saved-${word}`);
    for (const update of updates) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    }
    await waitFor(() => acks.at(-1) === 3, 5000, 'ack of 3 updates');
    expect(acks).toEqual([...acks].sort((x, y) => x - y));
    const stored = await text(a, documentId);
    for (const word of ['alpha', 'beta', 'gamma']) expect(stored).toContain(`saved-${word}`);
    socket.close();
    doc.destroy();
  });

  it('relays an edit made through one process to clients of the other, both ways', async () => {
    const documentId = papers[1];
    const onA = connectCollab(a.baseUrl, documentId, cookie);
    const onB = connectCollab(b.baseUrl, documentId, cookie);
    try {
      await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)]);
      appendParagraph(onA.doc, 'from process A');
      await waitFor(() => fragmentText(onB.doc).includes('from process A'), 5000, 'A → B');
      appendParagraph(onB.doc, 'from process B');
      await waitFor(() => fragmentText(onA.doc).includes('from process B'), 5000, 'B → A');
      expect(fragmentText(onA.doc)).toBe(fragmentText(onB.doc));
    } finally {
      onA.provider.destroy();
      onB.provider.destroy();
    }
  });

  it('detects a gap by sequence number and replays the missing update from PostgreSQL', async () => {
    const documentId = papers[2];
    const onB = connectCollab(b.baseUrl, documentId, cookie);
    try {
      await waitForSync(onB.provider);
      // An update stored without any notification (as if the NOTIFY had been lost)…
      const silent = new Y.Doc();
      Y.applyUpdate(silent, Y.encodeStateAsUpdate(onB.doc));
      const before = Y.encodeStateVector(silent);
      appendParagraph(silent, 'stored while nobody was told');
      await a.dataSource.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [
        documentId,
        Buffer.from(Y.encodeStateAsUpdate(silent, before)),
      ]);
      // …is picked up when the next announced update reveals the gap.
      const onA = connectCollab(a.baseUrl, documentId, cookie);
      await waitForSync(onA.provider);
      appendParagraph(onA.doc, 'announced later');
      await waitFor(() => fragmentText(onB.doc).includes('announced later'), 5000, 'announced update');
      expect(fragmentText(onB.doc)).toContain('stored while nobody was told');
      onA.provider.destroy();
      silent.destroy();
    } finally {
      onB.provider.destroy();
    }
  });

  it('compacts through a garbage-collected doc: same content, small storage, tail emptied', async () => {
    const documentId = papers[3];
    const writer = connectCollab(a.baseUrl, documentId, cookie);
    await waitForSync(writer.provider);
    const text = writer.doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    const body = new Y.XmlText();
    paragraph.insert(0, [body]);
    text.push([paragraph]);
    // Many small edits, with deletions, as typing produces them.
    for (let i = 0; i < 300; i++) {
      body.insert(body.length, `w${i} `);
      if (i % 3 === 0) body.delete(0, 2);
    }
    const expected = fragmentText(writer.doc);
    await waitFor(() => false, 500).catch(() => undefined);
    writer.provider.destroy(); // last one out → flush, then compact from the room's doc
    await until(async () => (await tailRows(a, documentId)) === 0, 'the tail compacted when the last editor left');
    const [snapshot] = await a.dataSource.query(
      'SELECT length(state) AS bytes FROM document_snapshots WHERE document_id = $1',
      [documentId],
    );
    await loadedThrough(b, documentId, (doc) => {
      expect(fragmentText(doc)).toBe(expected);
      expect(Number(snapshot.bytes)).toBeLessThanOrEqual(Y.encodeStateAsUpdate(doc).byteLength * 1.5);
    });
  });

  it('compacts a live document from memory once its tail outgrows a quarter of the snapshot, editors still connected', async () => {
    // A third process with a low threshold: compact after 20 updates (tail ≥ ¼ of the snapshot), or 200 whatever their size.
    process.env.COLLAB_COMPACT_AFTER = '20';
    const c = await startTestApp({ database: a.database, seed: false }).finally(
      () => delete process.env.COLLAB_COMPACT_AFTER,
    );
    const documentId = papers[6];
    const writer = connectCollab(c.baseUrl, documentId, cookie);
    try {
      await waitForSync(writer.provider);
      appendParagraph(writer.doc, 'pasted '.repeat(3000)); // ~21 KB: the snapshot will be large
      const body = new Y.XmlText();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [body]);
      writer.doc.getXmlFragment('default').push([paragraph]);
      for (let i = 0; i < 25; i++) body.insert(body.length, 'a');
      const first = await poll(
        async () => (await snapshotOf(documentId))?.last ?? null,
        (last) => last !== null,
        'a first snapshot at 20 updates',
        5000,
      );
      expect((await snapshotOf(documentId))!.bytes).toBeGreaterThan(20_000);

      // 60 one-letter edits are far less than ¼ of 21 KB: no compaction, however many times the count passes 20.
      for (let i = 0; i < 60; i++) body.insert(body.length, 'b');
      await until(async () => (await tailRows(c, documentId)) >= 60, '60 more updates stored');
      await waitFor(() => false, 300).catch(() => undefined);
      expect((await snapshotOf(documentId))!.last).toBe(first);

      // 200 updates in the tail: compacted whatever their size; the writer never left.
      for (let i = 0; i < 150; i++) body.insert(body.length, 'c');
      await until(async () => (await snapshotOf(documentId))!.last !== first, 'a second snapshot at 200 updates');
      expect(await tailRows(c, documentId)).toBeLessThan(200);
      expect(writer.provider.wsconnected).toBe(true);

      const expected = fragmentText(writer.doc);
      await until(async () => (await text(b, documentId)).includes('c'.repeat(150)), 'content through another process');
      await loadedThrough(b, documentId, (doc) => expect(fragmentText(doc)).toBe(expected));
    } finally {
      writer.provider.destroy();
      await c.closeApp();
    }
  });

  it('lets only one process compact a document at a time and never replaces a newer snapshot', async () => {
    const documentId = papers[4];
    const writer = connectCollab(a.baseUrl, documentId, cookie);
    await waitForSync(writer.provider);
    for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `line ${i}`);
    const expected = fragmentText(writer.doc);
    await waitFor(() => false, 500).catch(() => undefined);
    const [x, y] = await Promise.all([
      a.app.get(DocumentStore).compact(documentId),
      b.app.get(DocumentStore).compact(documentId),
    ]);
    expect([x, y].filter(Boolean).length).toBeLessThanOrEqual(1);
    const [{ last }] = await a.dataSource.query(
      'SELECT last_update_id AS last FROM document_snapshots WHERE document_id = $1',
      [documentId],
    );
    // An older state must not overwrite it.
    await a.dataSource.query(
      `INSERT INTO document_snapshots (document_id, state, last_update_id) VALUES ($1, '\\x00', 1)
       ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id
         WHERE document_snapshots.last_update_id < EXCLUDED.last_update_id`,
      [documentId],
    );
    const [{ after }] = await a.dataSource.query(
      'SELECT last_update_id AS after FROM document_snapshots WHERE document_id = $1',
      [documentId],
    );
    expect(after).toBe(last);
    writer.provider.destroy();
    await waitFor(() => false, 500).catch(() => undefined);
    await loadedThrough(b, documentId, (doc) => expect(fragmentText(doc)).toBe(expected));
  });

  it('loads and compacts a document with a very long update log (150,000 rows)', async () => {
    const documentId = papers[5];
    const doc = new Y.Doc();
    appendParagraph(doc, 'one of very many');
    const update = Buffer.from(Y.encodeStateAsUpdate(doc));
    await a.dataSource.query(
      'INSERT INTO document_updates (document_id, data) SELECT $1, $2 FROM generate_series(1, 150000)',
      [documentId, update],
    );
    const store = a.app.get(DocumentStore);
    const state = await store.load(documentId);
    expect(state.updates.length).toBeGreaterThanOrEqual(150_000);
    expect(state.lastId).toBe(state.updates[state.updates.length - 1].id);
    expect(await store.compact(documentId)).toBe(true);
    const [{ tail }] = await a.dataSource.query(
      'SELECT count(*)::int AS tail FROM document_updates WHERE document_id = $1',
      [documentId],
    );
    expect(tail).toBe(0);
    expect(await text(a, documentId)).toContain('one of very many');
    doc.destroy();
  });
});
