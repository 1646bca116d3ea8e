import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { openPapers, signIn, typeAtEnd, editorText } from '../support/e2e-page';

/** Every request the page makes must stay on our own origin (users in mainland China cannot reach others). */
function trackForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith(origin.replace('http', 'ws')) && !url.startsWith('data:'))
      foreign.push(url);
  });
  return foreign;
}

async function openFirstWg1Paper(page: Page): Promise<string> {
  await openPapers(page);
  const link = page
    .locator('[data-testid="document-link"]', { hasText: /Awareness and empowerment|公民和患者的意识与授权/ })
    .first();
  await link.click();
  await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
  await page.waitForSelector('[data-testid="editor"] .ProseMirror h1');
  return page.url();
}

describe('walking skeleton in Chromium: log in, open a paper, co-edit live, every keystroke stored', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe('on a PostgreSQL server chosen by DATABASE_URL', () => {
    let database: TestDatabase;
    let server: ServerProcess;
    beforeAll(async () => {
      database = await createTestDatabase();
      server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });
    });
    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    });

    it('two people in two browsers see each other’s text live, and it is still there after a reload', async () => {
      const rome = await browser.newContext();
      const beijing = await browser.newContext({ locale: 'zh-CN' });
      try {
        const euPage = await signIn(rome, server.baseUrl, 'wg1-eu-cochair@example.org');
        const cnPage = await signIn(beijing, server.baseUrl, 'wg1-cn-cochair@example.org');
        const foreign = [
          ...trackForeignRequests(euPage, server.baseUrl),
          ...trackForeignRequests(cnPage, server.baseUrl),
        ];

        // The menu's Working groups page lists the three working groups; Papers lists the papers.
        await euPage.click('[data-testid="nav-working-groups"]');
        await euPage.waitForSelector('[data-testid="working-group"]');
        expect(await euPage.locator('[data-testid="working-group"]').count()).toBe(3);
        const url = await openFirstWg1Paper(euPage);
        await cnPage.goto(url);
        await cnPage.waitForSelector('[data-testid="collab-status"][data-status="connected"]');

        await typeAtEnd(euPage, 'Written in Rome');
        await cnPage.waitForFunction(
          () => document.querySelector('[data-testid="editor"] .ProseMirror')?.textContent?.includes('Written in Rome'),
          undefined,
          { timeout: 10_000 },
        );
        await typeAtEnd(cnPage, '北京补充');
        await euPage.waitForFunction(
          () => document.querySelector('[data-testid="editor"] .ProseMirror')?.textContent?.includes('北京补充'),
          undefined,
          { timeout: 10_000 },
        );

        await cnPage.reload();
        await cnPage.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
        await cnPage.waitForFunction(() =>
          document.querySelector('[data-testid="editor"] .ProseMirror')?.textContent?.includes('北京补充'),
        );
        const text = await editorText(cnPage);
        expect(text).toContain('Written in Rome');
        expect(text).toContain('北京补充');
        // Seeded once on the server, never duplicated by the clients.
        expect(text.split('Awareness and empowerment of citizens and patients').length - 1).toBe(1);
        expect(foreign).toEqual([]);
      } finally {
        await rome.close();
        await beijing.close();
      }
    });

    it('shows an observer the paper read-only', async () => {
      const context = await browser.newContext();
      try {
        const page = await signIn(context, server.baseUrl, 'wg1-observer@example.org');
        await openFirstWg1Paper(page);
        await page.waitForSelector('[data-testid="read-only-banner"]');
        expect(await page.getAttribute('[data-testid="editor"]', 'data-editable')).toBe('false');
      } finally {
        await context.close();
      }
    });
  });

  describe('with the embedded database (npm start without DATABASE_URL)', () => {
    let dataDir: string;
    let server: ServerProcess | null = null;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'roundtable-e2e-data-'));
    });
    afterAll(async () => {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('kill -9 of the app, then a restart, loses no text another browser had already shown', async () => {
      server = await startServerProcess({ DATA_DIR: dataDir });
      const port = server.port;
      const writer = await browser.newContext();
      const reader = await browser.newContext();
      try {
        const writerPage = await signIn(writer, server.baseUrl, 'coordinator@example.org');
        const readerPage = await signIn(reader, server.baseUrl, 'wg1-expert@example.org');
        const url = await openFirstWg1Paper(writerPage);
        await readerPage.goto(url);
        await readerPage.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
        await typeAtEnd(writerPage, 'Saved before the crash');
        await readerPage.waitForFunction(
          () =>
            document
              .querySelector('[data-testid="editor"] .ProseMirror')
              ?.textContent?.includes('Saved before the crash'),
          undefined,
          { timeout: 10_000 },
        );
        await writer.close();

        await server.kill9();
        server = await startServerProcess({ DATA_DIR: dataDir }, port);

        // A brand-new browser session sees the text: it came from PostgreSQL, not from any client.
        const fresh = await browser.newContext();
        try {
          const freshPage = await signIn(fresh, server.baseUrl, 'wg2-expert@example.org');
          await freshPage.goto(url);
          await freshPage.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
          await freshPage.waitForFunction(
            () =>
              document
                .querySelector('[data-testid="editor"] .ProseMirror')
                ?.textContent?.includes('Saved before the crash'),
            undefined,
            { timeout: 10_000 },
          );
          // Demo seeding on restart did not duplicate anything.
          const documents = await (
            await fetch(`${server.baseUrl}/api/documents`, {
              headers: { cookie: (await fresh.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
            })
          ).json();
          expect(documents).toHaveLength(8);
        } finally {
          await fresh.close();
        }
      } finally {
        await reader.close();
      }
    });
  });
});
