import * as Y from 'yjs';
import { connectCollab, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Seeded random concurrent editing with random disconnects: every client and the stored state must end
 * identical. Sized for CI; RELIABILITY_LONG=1 runs ten times longer.
 */
const SCALE = process.env.RELIABILITY_LONG ? 10 : 1;

function prng(seed: number): () => number {
  // mulberry32: small, fast, reproducible.
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shared paragraph every client edits (created once, by the first client). */
function body(doc: Y.Doc): Y.XmlText | null {
  const fragment = doc.getXmlFragment('default');
  const last = fragment.get(fragment.length - 1);
  if (last instanceof Y.XmlElement && last.getAttribute('data-fuzz') === 'yes') {
    const text = last.get(0);
    return text instanceof Y.XmlText ? text : null;
  }
  return null;
}

describe.each([1, 2, 3])('random concurrent edits with disconnects converge (seed %i)', (seed) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ends with identical content on every client, equal to what the server stored', async () => {
    const random = prng(seed);
    const login = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const documentId = ((await login.get('/api/documents')).body as Array<{ id: string }>)[seed].id;
    const clients = await Promise.all(
      [
        'coordinator@example.org',
        'wg1-eu-cochair@example.org',
        'wg2-cn-cochair@example.org',
        'wg3-expert@example.org',
      ].map(async () => connectCollab(t.baseUrl, documentId, login.cookie)),
    );
    try {
      await Promise.all(clients.map((c) => waitForSync(c.provider)));
      const first = clients[0].doc;
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('data-fuzz', 'yes');
      paragraph.insert(0, [new Y.XmlText('')]);
      first.getXmlFragment('default').push([paragraph]);
      await waitFor(() => clients.every((c) => body(c.doc) !== null), 5000, 'shared paragraph');

      for (let round = 0; round < 60 * SCALE; round++) {
        const client = clients[Math.floor(random() * clients.length)];
        const text = body(client.doc)!;
        const action = random();
        if (action < 0.08) {
          if (client.provider.wsconnected) client.provider.disconnect();
          else client.provider.connect();
        } else if (action < 0.75 || text.length === 0) {
          const at = Math.floor(random() * (text.length + 1));
          text.insert(at, String.fromCharCode(97 + Math.floor(random() * 26)).repeat(1 + Math.floor(random() * 3)));
        } else {
          const at = Math.floor(random() * text.length);
          text.delete(at, Math.min(1 + Math.floor(random() * 3), text.length - at));
        }
        if (random() < 0.3) await new Promise((r) => setTimeout(r, Math.floor(random() * 15)));
      }
      for (const client of clients) if (!client.provider.wsconnected) client.provider.connect();
      await Promise.all(clients.map((c) => waitForSync(c.provider)));
      const expected = () => body(clients[0].doc)?.toString();
      await waitFor(() => clients.every((c) => body(c.doc)?.toString() === expected()), 10_000, 'convergence');
      const final = clients[0].doc.getXmlFragment('default').toString();
      for (const client of clients) expect(client.doc.getXmlFragment('default').toString()).toBe(final);

      // What PostgreSQL holds, replayed into a fresh doc, is the same document.
      let stored = '';
      for (let i = 0; i < 100; i++) {
        const doc = new Y.Doc();
        const [snapshot] = await t.dataSource.query('SELECT state FROM document_snapshots WHERE document_id = $1', [
          documentId,
        ]);
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of await t.dataSource.query(
          'SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id',
          [documentId],
        )) {
          Y.applyUpdate(doc, row.data);
        }
        stored = doc.getXmlFragment('default').toString();
        doc.destroy();
        if (stored === final) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(stored).toBe(final);
    } finally {
      for (const client of clients) client.provider.destroy();
    }
  });
});
