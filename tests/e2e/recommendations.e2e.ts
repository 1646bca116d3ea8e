import type { RecommendationDetailDto, RecommendationDto, RecommendationPairDto } from '@roundtable/contracts';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EDITOR, signIn } from '../support/e2e-page';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 16 items 1–3 in Chromium and across a kill -9: an expert writes a recommendation in a WG1 paper with
 * the editor; a WG3 co-chair finds it offered as a likely duplicate of a bilingual WG3 recommendation, marks
 * it duplicate and merges. Then recommendations inserted through the API just before a kill -9 are in the
 * registry after the restart (the start-up sweep), each once.
 */
describe('recommendations: written in the editor, found as duplicates, in step after a kill -9', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('an expert inserts a recommendation; a WG3 co-chair marks it duplicate of a WG3 one and merges', async () => {
    const base = server!.baseUrl;
    const context = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      const expert = await signIn(context, base, 'wg1-expert@example.org');
      const documents = await expert.evaluate(() =>
        fetch('/api/documents').then(
          (r) =>
            r.json() as Promise<
              Array<{ id: string; type: string; workingGroupCode: string | null; projectId: string }>
            >,
        ),
      );
      const paper = documents.find((d) => d.workingGroupCode === 'WG1' && d.type === 'position-paper')!;
      await expert.goto(`${base}/documents/${paper.id}`);
      await expert.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
      await expert.waitForSelector(`${EDITOR} [data-testid="recommendation-block"]`);
      const before = await expert.locator(`${EDITOR} [data-testid="recommendation-block"]`).count();
      await expert.locator(EDITOR).click();
      await expert.keyboard.press('Control+End');
      await expert.getByTestId('toolbar-recommendation').click();
      await poll(
        () => expert.locator(`${EDITOR} [data-testid="recommendation-block"]`).count(),
        (n) => n === before + 1,
        'the new block',
      );
      const block = expert.locator(`${EDITOR} [data-testid="recommendation-block"]`).last();
      await block.getByTestId('recommendation-body').click();
      await expert.keyboard.type(
        'Funders should finance shared, interoperable data infrastructures for clinical research that follow the FAIR principles.',
        { delay: 2 },
      );
      await block.getByTestId('recommendation-title').fill('Finance shared clinical research data infrastructures');
      await block.getByTestId('recommendation-addressee').selectOption('funders');

      // The registry follows what the editor stored.
      const api = await new HttpClient(base).login('coordinator@example.org');
      await poll(
        async () =>
          (
            (await api.get(`/api/projects/${paper.projectId}/recommendations?documentId=${paper.id}`))
              .body as RecommendationDto[]
          ).map((r) => `${r.title} | ${r.addressee} | ${r.body}`),
        (rows) =>
          rows.some((r) =>
            r.startsWith('Finance shared clinical research data infrastructures | funders | Funders should'),
          ),
        'the registry row of the new block',
        20_000,
      );

      // The WG3 co-chair, reading Chinese, sees the pair among the candidates and decides.
      const coChair = await signIn(beijing, base, 'wg3-cn-cochair@example.org');
      await coChair.goto(`${base}/recommendations`);
      const pair = coChair
        .getByTestId('duplicate-pair')
        .filter({ hasText: 'Fund shared data infrastructures for clinical research · 资助临床研究共享数据基础设施' })
        .filter({ hasText: 'Finance shared clinical research data infrastructures' });
      await poll(
        async () => {
          await coChair.reload();
          await coChair.waitForSelector('[data-testid="duplicate-pair"]');
          return pair.count();
        },
        (n) => n === 1,
        'the new recommendation offered as a duplicate',
        30_000,
      );
      const candidates = (await api.get(`/api/projects/${paper.projectId}/recommendations/duplicates`))
        .body as RecommendationPairDto[];
      const found = candidates.find(
        (p) =>
          [p.a.title, p.b.title].includes('Finance shared clinical research data infrastructures') &&
          [p.a.title, p.b.title].some((title) => title.includes('资助临床研究共享数据基础设施')),
      )!;
      expect([found.a.workingGroupCode, found.b.workingGroupCode].sort()).toEqual(['WG1', 'WG3']);
      await pair.getByTestId('pair-duplicate').click();
      await pair.getByTestId('pair-merge').first().click();
      const canonical = await poll(
        async () => (await api.get(`/api/recommendations/${found.a.id}`)).body as RecommendationDetailDto,
        (detail) => detail.mergedSources.length === 1,
        'the merge',
      );
      // The canonical recommendation keeps both sources: its WG1 paper and the WG3 one merged into it.
      expect([canonical.workingGroupCode, canonical.mergedSources[0].workingGroupCode].sort()).toEqual(['WG1', 'WG3']);
      expect(((await api.get(`/api/recommendations/${found.b.id}`)).body as RecommendationDetailDto).status).toBe(
        'merged',
      );
      const open = (await api.get(`/api/projects/${paper.projectId}/recommendations/duplicates`))
        .body as RecommendationPairDto[];
      expect(open.some((p) => p.id === found.id)).toBe(false);
    } finally {
      await context.close();
      await beijing.close();
    }
  });

  it('recommendations stored just before a kill -9 are in the registry after the restart, once each', async () => {
    const coordinator = await new HttpClient(server!.baseUrl).login('coordinator@example.org');
    const documents = (await coordinator.get('/api/documents')).body as Array<{
      id: string;
      type: string;
      workingGroupCode: string | null;
      projectId: string;
    }>;
    const paper = documents.find((d) => d.workingGroupCode === 'WG2' && d.type === 'position-paper')!;
    // Concurrent inserts; each answer comes once its Yjs update is stored. Killed right after the last one.
    const ids = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const response = await coordinator.post(`/api/documents/${paper.id}/recommendations`, {
          title: `Stored before the crash ${i}`,
          body: `Body ${i}`,
        });
        expect(response.status).toBe(201);
        return response.body.id as string;
      }),
    );
    await server!.kill9();
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });
    const again = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const rows = await poll(
      async () =>
        (
          (await again.get(`/api/projects/${paper.projectId}/recommendations?documentId=${paper.id}`))
            .body as RecommendationDto[]
        ).filter((r) => r.title.startsWith('Stored before the crash')),
      (found) => found.length === ids.length,
      'every inserted recommendation in the registry',
      30_000,
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.status === 'active')).toBe(true);
  });
});
