import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 13 item 4 in Chromium: a coordinator creates a working group with a dimension and a guiding partner,
 * adds a partner with one of its people, creates a deliverable and links a document to it, and sets the
 * headcount target — in English; then reads the structure page in Chinese.
 */
describe('in Chromium: a coordinator manages the structure', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await browser?.close();
  });

  const fill = (page: Page, testId: string, value: string) => page.fill(`[data-testid="${testId}"]`, value);
  const api = async <T>(page: Page, path: string): Promise<T> =>
    (await (await page.request.get(`${server.baseUrl}${path}`)).json()) as T;

  it('creates a group, a partner, a deliverable with a document and the headcount target; the page reads in Chinese', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
      // Destructive steps ask first; this journey has none to decline.
      page.on('dialog', (dialog) => void dialog.accept());

      await page.click('[data-testid="current-user"]');
      await page.click('[data-testid="nav-structure"]');
      await page.waitForSelector('[data-testid="structure-group"][data-code="WG1"]');

      // A working group with one dimension, guided by UCSC.
      await page.click('[data-testid="group-new"]');
      await fill(page, 'group-code', 'WG4');
      await fill(page, 'group-title-en', 'Data sharing');
      await fill(page, 'group-title-zh', '数据共享');
      await fill(page, 'group-aim-en', 'Make genomic data findable and reusable');
      await fill(page, 'group-aim-zh', '使基因组数据可发现、可重用');
      await page.click('[data-testid="dimension-add"]');
      await fill(page, 'dimension-0-title-en', 'Standards');
      await fill(page, 'dimension-0-title-zh', '标准');
      await fill(page, 'dimension-0-focus-en', 'FAIR data');
      await fill(page, 'dimension-0-focus-zh', 'FAIR 数据');
      await fill(page, 'dimension-0-goal-en', 'A shared checklist');
      await fill(page, 'dimension-0-goal-zh', '共享清单');
      await page.check('[data-testid="guiding-partner-UCSC"]');
      await page.click('[data-testid="working-group-save"]');
      await page.waitForSelector('[data-testid="structure-group"][data-code="WG4"]');
      const groups = await api<Array<{ id: string; code: string }>>(page, '/api/working-groups');
      const wg4 = await api<{
        dimensions: Array<{ focus: { en: string } }>;
        guidingPartners: Array<{ shortName: string }>;
      }>(page, `/api/working-groups/${groups.find((g) => g.code === 'WG4')!.id}`);
      expect(wg4.dimensions.map((d) => d.focus.en)).toEqual(['FAIR data']);
      expect(wg4.guidingPartners.map((p) => p.shortName)).toEqual(['UCSC']);

      // A partner in Germany with one person.
      await page.click('[data-testid="partner-new"]');
      await fill(page, 'partner-short-name', 'Charité');
      await fill(page, 'partner-full-name', 'Charité – Universitätsmedizin Berlin');
      await page.selectOption('[data-testid="partner-country"]', 'DE');
      await page.locator('[data-testid="partner-form"] input[type="checkbox"]').first().check();
      await page.click('[data-testid="partner-save"]');
      await page.waitForSelector('[data-testid="structure-partner"][data-name="Charité"]');
      const projectId = (await api<Array<{ id: string }>>(page, '/api/projects'))[0].id;
      const charite = (
        await api<Array<{ shortName: string; country: string; people: unknown[] }>>(
          page,
          `/api/projects/${projectId}/partners`,
        )
      ).find((p) => p.shortName === 'Charité')!;
      expect(charite.country).toBe('DE');
      expect(charite.people).toHaveLength(1);

      // A deliverable, then a document linked to it.
      await page.click('[data-testid="nav-plan"]');
      await page.waitForSelector('[data-testid="plan-item-form"]');
      await page.selectOption('[data-testid="plan-item-kind"]', 'deliverable');
      await fill(page, 'plan-item-number', 'D4.1');
      await fill(page, 'plan-item-due', 'M30');
      await fill(page, 'plan-item-title-en', 'Data sharing checklist');
      await fill(page, 'plan-item-title-zh', '数据共享清单');
      await page.click('[data-testid="plan-item-create"]');
      await page.click('[data-testid="plan-item-created"]');
      await page.waitForSelector('[data-testid="link-document-form"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="link-document"] option').length > 1);
      const documentId = await page.locator('[data-testid="link-document"] option').nth(1).getAttribute('value');
      await page.selectOption('[data-testid="link-document"]', documentId!);
      await page.click('[data-testid="link-document-save"]');
      await page.waitForSelector(`[data-testid="plan-document"][data-document-id="${documentId}"]`);

      // The headcount target, shown against the count.
      await page.click('[data-testid="nav-balance"]');
      await page.waitForSelector('[data-testid="headcount-form"]');
      await fill(page, 'headcount-input', '35');
      await page.click('[data-testid="headcount-save"]');
      await page.waitForSelector('[data-testid="balance-headcount"][data-target="35"]');
      expect(await page.locator('[data-testid="balance-headcount"]').textContent()).toMatch(/of 35 people/);

      // The same structure page in Chinese.
      await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
      await page.click('[data-testid="current-user"]');
      await page.click('[data-testid="nav-structure"]');
      await page.waitForSelector('[data-testid="structure-group"][data-code="WG4"]');
      expect(await page.locator('h1').textContent()).toBe('项目结构');
      expect(await page.locator('[data-testid="structure-group"][data-code="WG4"]').textContent()).toContain(
        '数据共享',
      );
      expect(await page.locator('[data-testid="group-new"]').textContent()).toBe('新建工作组');
      expect(await page.locator('[data-testid="structure-partner"][data-name="Charité"]').textContent()).toContain(
        '德国',
      );
    } finally {
      await context.close();
    }
  });
});
