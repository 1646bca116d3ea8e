import { readFile } from 'fs/promises';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { readDocx } from '../support/export-readers';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Issue #14 items 2 and 4 in the browser: the export menu, and the CJK font fetched only when needed. */
describe('in Chromium: exporting a paper, and the CJK font only for Chinese', () => {
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

  it('an English page fetches no Noto Sans SC subset', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (/noto-sans-sc/.test(request.url())) fonts.push(request.url());
      });
      await page.goto(`${server.baseUrl}/login`);
      await page.waitForSelector('input[name="email"]');
      await page.evaluate(() => document.fonts.ready);
      expect(fonts).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a reader exports the paper as DOCX from the document page, in either language', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await signIn(context, server.baseUrl, 'wg1-observer@example.org');
      const documents = (await (await context.request.get(`${server.baseUrl}/api/documents`)).json()) as Array<{
        id: string;
        workingGroupCode: string | null;
      }>;
      await page.goto(`${server.baseUrl}/documents/${documents.find((d) => d.workingGroupCode === 'WG1')!.id}`);
      const menu = page.locator('[data-testid="export-menu"]');
      await menu.locator('summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        menu.locator('[data-testid="export-docx"]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const docx = readDocx(await readFile(await download.path()));
      expect(docx.paragraphs.filter((p) => p.style === 'Title')).toHaveLength(1);

      await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="export-menu"] summary')?.textContent?.includes('导出'),
      );
    } finally {
      await context.close();
    }
  });
});
