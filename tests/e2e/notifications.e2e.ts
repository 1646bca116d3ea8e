import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'roundtable-demo');
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="current-user"]');
  return page;
}

/** The number the bell shows (0 when it shows none). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.locator('[data-testid="notification-bell"] [data-testid="notification-count"]');
  return (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
}

/** Waits until the bell shows `expected` (as the stream and the queries update it, without a reload). */
async function waitForBellCount(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(
        document.querySelector('[data-testid="notification-bell"] [data-testid="notification-count"]')?.textContent ??
          '0',
      ) === n,
    expected,
    { timeout: 5000 },
  );
}

describe('in Chromium: a mention reaches its target’s open app as a notification that links to the comment', () => {
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

  it('A mentions B; B’s bell counts up live; the notification opens the document on the thread', async () => {
    const b = await signIn(browser, server.baseUrl, 'wg2-expert@example.org');
    await b.waitForSelector('[data-testid="notification-bell"]');
    const before = await bellCount(b);

    const a = await signIn(browser, server.baseUrl, 'wg1-expert@example.org');
    // A comments as the app does (same origin, A's session), mentioning B.
    const { documentId, threadId } = await a.evaluate(async () => {
      const documents = (await (await fetch('/api/documents')).json()) as Array<{
        id: string;
        workingGroupCode: string;
      }>;
      const paper = documents.find((d) => d.workingGroupCode === 'WG1')!;
      const people = (await (await fetch(`/api/documents/${paper.id}/mentionable?q=WG2 expert`)).json()) as Array<{
        id: string;
        displayName: string;
      }>;
      const target = people.find((p) => p.displayName === 'WG2 expert')!;
      const response = await fetch(`/api/documents/${paper.id}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          anchorStart: { item: { client: 1, clock: 0 }, assoc: 0 },
          anchorEnd: { item: { client: 1, clock: 4 }, assoc: -1 },
          quote: 'the aims',
          body: `Could you check this, @[${target.displayName}](${target.id})?`,
        }),
      });
      if (response.status !== 201) throw new Error(`comment: ${response.status} ${await response.text()}`);
      return { documentId: paper.id, threadId: ((await response.json()) as { id: string }).id };
    });

    // B did nothing: the open app hears of it over its stream.
    await waitForBellCount(b, before + 1);

    await b.click('[data-testid="notification-bell"]');
    const item = b.locator('[data-testid="notification"][data-kind="mention"]').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('WG1 expert mentioned you');
    expect(await item.locator('a').getAttribute('href')).toBe(`/documents/${documentId}?thread=${threadId}`);
    await item.locator('a').click();
    await b.waitForURL(`**/documents/${documentId}?thread=${threadId}`);
    await b.waitForSelector(`[data-testid="comment-thread"][data-thread-id="${threadId}"][data-active="true"]`);
    // Opening it marked it read.
    await waitForBellCount(b, before);
  });
});
