import { appendParagraph, connectCollab, fragmentText, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Two API processes (real OS processes) on one database serve the same document. */
describe('two API processes serve one document', () => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    servers.push(await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' }));
    servers.push(await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
  });

  it('relays interleaved edits between clients of different processes until both converge, stored once', async () => {
    const [one, two] = servers;
    const login = await new HttpClient(one.baseUrl).login('coordinator@example.org');
    const documentId = ((await login.get('/api/documents')).body as Array<{ id: string }>)[0].id;
    const a = connectCollab(one.baseUrl, documentId, login.cookie);
    const b = connectCollab(two.baseUrl, documentId, login.cookie);
    try {
      await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
      // Seeded once even though both processes started with the demo seed.
      expect(fragmentText(a.doc).split('Awareness and empowerment of citizens and patients').length - 1).toBe(1);
      for (let i = 0; i < 20; i++) {
        appendParagraph(i % 2 ? a.doc : b.doc, `edit ${i} via ${i % 2 ? 'one' : 'two'}`);
      }
      await waitFor(
        () => fragmentText(a.doc) === fragmentText(b.doc) && fragmentText(a.doc).includes('edit 19 via one'),
        10_000,
        'convergence',
      );
      for (let i = 0; i < 20; i++) expect(fragmentText(b.doc)).toContain(`edit ${i} via`);
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
    const stored = (
      await (
        await new HttpClient(two.baseUrl).login('wg1-expert@example.org')
      ).get(`/api/documents/${documentId}/content`)
    ).body.text;
    expect(stored).toContain('edit 19 via one');
    expect(stored).toContain('edit 0 via two');
  });
});
