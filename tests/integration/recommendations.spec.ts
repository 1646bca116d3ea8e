import type { RecommendationDetailDto, RecommendationDto, RecommendationPairDto } from '@roundtable/contracts';
import { Client } from 'pg';
import * as Y from 'yjs';
import { connectCollab, waitFor, waitForSync } from '../support/collab-client';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

interface Paper {
  id: string;
  workingGroupCode: string | null;
  projectId: string;
  type: string;
}

function block(recId: string, title: string, body: string): Y.XmlElement {
  const element = new Y.XmlElement('recommendation');
  element.setAttribute('recId', recId);
  element.setAttribute('title', title);
  element.setAttribute('addressee', 'funders');
  element.setAttribute('horizon', 'short');
  element.setAttribute('priority', 'high');
  element.setAttribute('frameworks', '');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(body)]);
  element.insert(0, [paragraph]);
  return element;
}

describe('recommendations registry (issue 16)', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let papers: Paper[];
  let projectId: string;

  const paperOf = (code: string, n = 0) => papers.filter((p) => p.workingGroupCode === code)[n].id;
  const registry = async (query = ''): Promise<RecommendationDto[]> => {
    const response = await coordinator.get(`/api/projects/${projectId}/recommendations?limit=500${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const ofDocument = async (documentId: string) => registry(`&documentId=${documentId}`);
  const detail = async (id: string): Promise<RecommendationDetailDto> =>
    (await coordinator.get(`/api/recommendations/${id}`)).body;
  const insert = async (documentId: string, body: Record<string, unknown>): Promise<string> => {
    const response = await coordinator.post(`/api/documents/${documentId}/recommendations`, body);
    expect(response.status).toBe(201);
    return response.body.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    papers = ((await coordinator.get('/api/documents')).body as Paper[]).filter((d) => d.type === 'position-paper');
    projectId = papers[0].projectId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the database is UTF-8 with a UTF-8 character type, so Chinese text has trigrams', async () => {
    const [row] = await t.dataSource.query(
      "SELECT getdatabaseencoding() AS encoding, cardinality(show_trgm('精准医学')) AS trigrams, similarity('精准 医学 数据', '精准 医学 平台') AS alike",
    );
    expect(row.encoding).toBe('UTF8');
    expect(row.trigrams).toBeGreaterThan(0);
    expect(row.alike).toBeGreaterThan(0.2);
  });

  it('an insert through the API is a block of the live document, and the registry follows with its history', async () => {
    const documentId = paperOf('WG1');
    const id = await insert(documentId, {
      title: 'Fund interoperable health data infrastructures',
      body: 'Funders should finance shared data infrastructures.\nWith FAIR principles.',
      addressee: 'funders',
      horizon: 'medium',
      priority: 'high',
      frameworks: ['icpermed-p2'],
    });
    const content = (await coordinator.get(`/api/documents/${documentId}/content`)).body;
    expect(content.html).toContain('Fund interoperable health data infrastructures');
    const [row] = await poll(
      async () => (await ofDocument(documentId)).filter((r) => r.id === id),
      (rows) => rows.length === 1,
      'the inserted recommendation in the registry',
    );
    expect(row).toMatchObject({
      addressee: 'funders',
      horizon: 'medium',
      priority: 'high',
      frameworks: ['icpermed-p2'],
      status: 'active',
      workingGroupCode: 'WG1',
    });
    expect(row.body).toBe('Funders should finance shared data infrastructures.\nWith FAIR principles.');

    expect(
      (
        await coordinator.patch(`/api/documents/${documentId}/recommendations/${id}`, {
          title: 'Fund shared health data infrastructures',
        })
      ).status,
    ).toBe(204);
    const edited = await poll(
      () => detail(id),
      (d) => d.revision === 2,
      'the edit in the registry',
    );
    expect(edited.title).toBe('Fund shared health data infrastructures');
    expect(edited.history.map((h) => h.changes)).toEqual([['created'], ['title']]);
  });

  it('moves and deletes through the API; restoring an older version brings the recommendation back', async () => {
    const documentId = paperOf('WG2');
    const first = await insert(documentId, { title: 'First', body: 'Alpha body' });
    const second = await insert(documentId, { title: 'Second', body: 'Beta body' });
    await poll(
      () => ofDocument(documentId),
      (rows) => rows.filter((r) => r.status === 'active').length >= 2,
      'both rows',
    );
    expect(
      (await coordinator.post(`/api/documents/${documentId}/recommendations/${second}/move`, { beforeId: first }))
        .status,
    ).toBe(204);
    await poll(
      async () =>
        (await ofDocument(documentId))
          .filter((r) => r.id === first || r.id === second)
          .sort((a, b) => a.position - b.position)
          .map((r) => r.id),
      (ids) => ids[0] === second && ids[1] === first,
      'the new order',
    );
    const named = await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'with both' });
    expect(named.status).toBe(201);
    expect((await coordinator.delete(`/api/documents/${documentId}/recommendations/${first}`)).status).toBe(204);
    await poll(
      () => detail(first),
      (d) => d.status === 'removed',
      'the delete in the registry',
    );
    expect((await coordinator.post(`/api/documents/${documentId}/versions/${named.body.id}/restore`, {})).status).toBe(
      200,
    );
    const back = await poll(
      () => detail(first),
      (d) => d.status === 'active',
      'the restore in the registry',
    );
    expect(back.history.map((h) => h.status)).toEqual(['active', 'removed', 'active']);
    expect(back.history[0].version?.name ?? null).toBe('with both');
  });

  it('concurrent co-authors: a pasted copy and a copy from another paper get fresh ids, nothing is lost', async () => {
    const documentId = paperOf('WG3');
    const elsewhere = paperOf('WG1');
    const taken = await insert(elsewhere, { title: 'Taken id', body: 'Held by WG1' });
    await poll(
      () => ofDocument(elsewhere),
      (rows) => rows.some((r) => r.id === taken),
      'the WG1 row',
    );
    const cookie = coordinator.cookie;
    const one = connectCollab(t.baseUrl, documentId, cookie);
    const two = connectCollab(t.baseUrl, documentId, cookie);
    try {
      await Promise.all([waitForSync(one.provider), waitForSync(two.provider)]);
      const shared = '0b8e7a10-3f5e-4c3a-9d5e-000000000001';
      // Both write at once: the same block twice (a paste), and a block carrying another paper's id.
      one.doc.getXmlFragment('default').push([block(shared, 'Pasted one', 'Copy A')]);
      two.doc
        .getXmlFragment('default')
        .push([block(shared, 'Pasted two', 'Copy B'), block(taken, 'Copied from WG1', 'Copy C')]);
      const rows = await poll(
        async () =>
          (await ofDocument(documentId)).filter(
            (r) => (r.status === 'active' && r.title.startsWith('Pasted')) || r.title === 'Copied from WG1',
          ),
        (found) => found.length === 3,
        'three registered blocks with distinct ids',
      );
      expect(new Set(rows.map((r) => r.id)).size).toBe(3);
      expect(rows.map((r) => r.id)).not.toContain(taken);
      // The fix is a document edit: every co-author's doc converges on the new ids.
      await waitFor(
        () => {
          const ids = (one.doc.getXmlFragment('default').toArray() as Y.XmlElement[])
            .filter((e) => e instanceof Y.XmlElement && e.nodeName === 'recommendation')
            .map((e) => e.getAttribute('recId'));
          return new Set(ids).size === ids.length && !ids.includes(taken);
        },
        10_000,
        'ids fixed in the live doc',
      );
      expect((await detail(taken)).documentId).toBe(elsewhere);
    } finally {
      one.provider.destroy();
      two.provider.destroy();
    }
  });

  it('after a kill -9 between a commit and its sync, the next start catches up (sweep at start)', async () => {
    const documentId = paperOf('WG2', 1);
    const database = t.database;
    await t.closeApp();
    // Updates committed while no process could sync them: as after a crash right after the commit.
    const doc = new Y.Doc();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT s.state AS snapshot, (SELECT array_agg(data ORDER BY id) FROM document_updates u WHERE u.document_id = $1) AS updates
           FROM (SELECT 1) x LEFT JOIN document_snapshots s ON s.document_id = $1`,
        [documentId],
      );
      if (rows.rows[0].snapshot) Y.applyUpdate(doc, rows.rows[0].snapshot);
      for (const update of rows.rows[0].updates ?? []) Y.applyUpdate(doc, update);
      const before = Y.encodeStateVector(doc);
      doc
        .getXmlFragment('default')
        .push([block('4f7e1c2a-1111-4a4a-8b8b-000000000042', 'Written before the crash', 'Body')]);
      await client.query('SELECT ids FROM roundtable_append_updates($1, $2, NULL)', [
        documentId,
        [Buffer.from(Y.encodeStateAsUpdate(doc, before))],
      ]);
    } finally {
      await client.end();
      doc.destroy();
    }
    t = await startTestApp({ database, seed: false });
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const rows = await poll(
      () => ofDocument(documentId),
      (found) => found.some((r) => r.title === 'Written before the crash'),
      'the caught-up row',
    );
    expect(rows.find((r) => r.title === 'Written before the crash')?.id).toBe('4f7e1c2a-1111-4a4a-8b8b-000000000042');
  });

  it('filters, searches in English and Chinese, and exports CSV and DOCX', async () => {
    const documentId = paperOf('WG3', 1);
    await insert(documentId, {
      title: '建立国家级精准医学数据共享平台',
      body: '政府应当建立统一的数据共享平台。',
      addressee: 'policy-makers',
      horizon: 'long',
    });
    await poll(
      () => registry('&q=' + encodeURIComponent('数据共享')),
      (rows) => rows.some((r) => r.documentId === documentId),
      'Chinese search',
    );
    expect(
      (await registry('&q=' + encodeURIComponent('infrastructure'))).some((r) => r.title.includes('infrastructures')),
    ).toBe(true);
    const longTerm = await registry('&horizon=long&addressee=policy-makers');
    expect(longTerm.length).toBeGreaterThan(0);
    expect(longTerm.every((r) => r.horizon === 'long' && r.addressee === 'policy-makers')).toBe(true);
    const firstPage = await coordinator.get(`/api/projects/${projectId}/recommendations?limit=1`);
    expect(firstPage.body).toHaveLength(1);
    expect(firstPage.headers.get('x-next-cursor')).toBeTruthy();
    const csv = await coordinator.get(`/api/projects/${projectId}/recommendations/export.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('建立国家级精准医学数据共享平台');
    const docx = await coordinator.get(`/api/projects/${projectId}/recommendations/export.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
  });

  it('the demo has recommendations in all six papers, in English and Chinese, with its planted duplicates as candidates', async () => {
    const rows = await poll(
      () => registry('&status=active'),
      (found) => new Set(found.map((r) => r.documentId)).size >= 6,
      'six papers',
    );
    expect(rows.some((r) => /\p{Script=Han}/u.test(r.title))).toBe(true);
    const pairs = (await coordinator.get(`/api/projects/${projectId}/recommendations/duplicates`))
      .body as RecommendationPairDto[];
    const planted = (x: number, y: number) =>
      pairs.some(
        (p) =>
          [p.a.id, p.b.id].sort().join() ===
          [x, y]
            .map((n) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`)
            .sort()
            .join(),
      );
    expect(planted(121, 142)).toBe(true);
    expect(planted(102, 141)).toBe(true);
  });

  it('bad input is a 400 naming the field', async () => {
    const documentId = paperOf('WG1');
    const bad = await coordinator.post(`/api/documents/${documentId}/recommendations`, {
      title: ' ',
      body: 'x',
      horizon: 'soon',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['horizon', 'title']);
    const filter = await coordinator.get(`/api/projects/${projectId}/recommendations?addressee=aliens`);
    expect(filter.status).toBe(400);
    expect(filter.body.fields[0].field).toBe('addressee');
    const missing = await coordinator.patch(
      `/api/documents/${documentId}/recommendations/00000000-0000-4000-8000-000000000000`,
      { title: 'x' },
    );
    expect(missing.status).toBe(404);
  });

  it('ranks planted paraphrase pairs above unrelated ones in both languages; co-chairs decide and merge', async () => {
    const en = [
      await insert(paperOf('WG1', 1), {
        title: 'Train health professionals in genomics',
        body: 'Medical schools should train doctors and nurses in genomic medicine and data literacy.',
      }),
      await insert(paperOf('WG2', 1), {
        title: 'Genomics training for health professionals',
        body: 'Doctors and nurses need training in genomic medicine and data literacy during medical school.',
      }),
    ];
    const zh = [
      await insert(paperOf('WG1', 1), { title: '加强患者参与', body: '在个体化医学研究中加强患者组织的参与和赋权。' }),
      await insert(paperOf('WG3'), { title: '患者组织参与研究', body: '个体化医学研究应当加强患者组织的参与。' }),
    ];
    const pairs = await poll(
      async () =>
        (await coordinator.get(`/api/projects/${projectId}/recommendations/duplicates`))
          .body as RecommendationPairDto[],
      (found) => [en, zh].every(([x, y]) => found.some((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join())),
      'the planted pairs among the candidates',
    );
    const rank = ([x, y]: string[]) => pairs.findIndex((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());
    const score = (pair: string[]) => pairs[rank(pair)].score;
    // For each planted recommendation, its paraphrase ranks above every other candidate it has.
    for (const pair of [en, zh]) {
      const others = pairs.filter((p) => pair.includes(p.a.id) !== pair.includes(p.b.id));
      expect(others.every((p) => p.score < score(pair))).toBe(true);
    }

    const enPair = pairs[rank(en)];
    const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    expect(
      (await expert.post(`/api/recommendation-pairs/${enPair.id}/decision`, { decision: 'duplicate' })).status,
    ).toBe(403);
    const coChair = await new HttpClient(t.baseUrl).login('wg2-eu-cochair@example.org');
    expect((await coChair.post(`/api/recommendation-pairs/${enPair.id}/decision`, { decision: 'maybe' })).status).toBe(
      400,
    );
    expect(
      (await coChair.post(`/api/recommendation-pairs/${enPair.id}/decision`, { decision: 'duplicate' })).status,
    ).toBe(204);
    // Marked duplicate, it stays listed (first) until it is merged.
    const marked = (await coordinator.get(`/api/projects/${projectId}/recommendations/duplicates`))
      .body as RecommendationPairDto[];
    expect(marked[0]).toMatchObject({ id: enPair.id, status: 'duplicate' });
    const merged = await coChair.post(`/api/recommendation-pairs/${enPair.id}/merge`, { canonicalId: en[0] });
    expect(merged.status).toBe(200);
    expect(merged.body.mergedSources.map((s: RecommendationDto) => s.id)).toEqual([en[1]]);
    expect((await detail(en[1])).status).toBe('merged');
    const open = (await coordinator.get(`/api/projects/${projectId}/recommendations/duplicates`))
      .body as RecommendationPairDto[];
    expect(open.some((p) => p.id === enPair.id)).toBe(false);
  });
});
