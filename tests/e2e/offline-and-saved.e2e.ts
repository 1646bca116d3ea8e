import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { openPapers, signIn, typeAtEnd, editorText, EDITOR } from '../support/e2e-page';

function saveState(page: Page, state: 'saving' | 'saved' | 'offline', timeout = 15_000) {
  return page.waitForSelector(`[data-testid="save-status"][data-state="${state}"]`, { timeout });
}

function waitForText(page: Page, text: string, timeout = 15_000) {
  return page.waitForFunction(
    ([selector, expected]) => document.querySelector(selector)?.textContent?.includes(expected) ?? false,
    [EDITOR, text] as const,
    { timeout },
  );
}

/** Names of this origin's IndexedDB databases. */
function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name ?? ''));
}

/** Text of the document as stored on the server (rendered from PostgreSQL / the live room, no browser state). */
async function serverText(baseUrl: string, context: BrowserContext, documentId: string): Promise<string> {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${baseUrl}/api/documents/${documentId}/content`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { text?: string; html?: string };
  return body.text ?? body.html ?? '';
}

describe('offline editing and the saved indicator in Chromium', () => {
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

  /*
   * What this journey exercises, honestly:
   * - "Saving…" → "Saved" comes from the server's COLLAB_MESSAGE_SAVED acknowledgement (sent after the commit).
   * - Going offline is Playwright's context.setOffline(true): Chromium blocks the network and fires the page's
   *   `offline` event, on which the editor drops its socket (otherwise only y-websocket's 30 s watchdog would).
   * - The page cannot be reloaded while offline (there is no service worker, the app shell needs the network).
   *   So the "reload while offline" is: go back online for HTTP only, while every /collab socket of Rome's
   *   browser is still refused (routeWebSocket closes it), then reload. After the reload the offline text is
   *   on screen although the server never received it (checked through the content API and Beijing's screen):
   *   it can only have come from IndexedDB. Then the sockets are let through and both browsers converge.
   */
  it('one person goes offline, keeps typing, reloads, comes back, and both converge', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      // Rome's collaboration sockets pass through this route: forwarded to the server, or refused while held.
      let holdSockets = false;
      const routed: WebSocketRoute[] = [];
      await rome.routeWebSocket(/\/collab\//, (ws) => {
        routed.push(ws);
        if (holdSockets) void ws.close({ code: 4500, reason: 'held by the test (still offline)' });
        else ws.connectToServer();
      });

      const romePage = await signIn(rome, server.baseUrl, 'wg1-eu-cochair@example.org');
      const beijingPage = await signIn(beijing, server.baseUrl, 'wg1-cn-cochair@example.org');
      await openPapers(romePage);
      await romePage
        .locator('[data-testid="document-link"]', { hasText: /Awareness and empowerment/ })
        .first()
        .click();
      await romePage.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
      await romePage.waitForSelector(`${EDITOR} h1`);
      const url = romePage.url();
      const documentId = url.split('/documents/')[1];
      await beijingPage.goto(url);
      await beijingPage.waitForSelector(`${EDITOR} h1`);

      // Nothing typed yet: both are saved once synced (the empty sync step 2 is acknowledged too).
      await saveState(romePage, 'saved');
      await saveState(beijingPage, 'saved');
      expect(await beijingPage.locator('[data-testid="save-status"]').innerText()).toContain('已保存');

      // Typing: Saving… until the server has stored it, then Saved.
      await romePage.evaluate(() => {
        const status = document.querySelector('[data-testid="save-status"]') as HTMLElement;
        const seen: string[] = [];
        (window as unknown as { seenSaveStates: string[] }).seenSaveStates = seen;
        new MutationObserver(() => seen.push(status.dataset['state'] ?? '')).observe(status, { attributes: true });
      });
      await typeAtEnd(romePage, 'Rome while online');
      await saveState(romePage, 'saved');
      const seen = await romePage.evaluate(() => (window as unknown as { seenSaveStates: string[] }).seenSaveStates);
      expect(seen).toContain('saving');
      expect(seen[seen.length - 1]).toBe('saved');
      await waitForText(beijingPage, 'Rome while online');
      expect(await serverText(server.baseUrl, beijing, documentId)).toContain('Rome while online');
      // Named per user and document, so another person's session never loads Rome's unsent edits.
      const romeUser = await (await rome.request.get(`${server.baseUrl}/api/auth/me`)).json();
      expect(await databases(romePage)).toContain(`roundtable:${romeUser.id}:${documentId}`);

      // Rome loses the network.
      await rome.setOffline(true);
      await saveState(romePage, 'offline', 10_000);
      expect(await romePage.locator('[data-testid="save-status"]').innerText()).toContain('Offline');
      await typeAtEnd(romePage, 'Rome while offline');
      // Meanwhile Beijing keeps writing, online.
      await typeAtEnd(beijingPage, 'Beijing at the same time');
      await saveState(beijingPage, 'saved');
      await saveState(romePage, 'offline');
      // Give IndexedDB a moment to commit Rome's last keystrokes (each update is its own transaction).
      await romePage.waitForTimeout(500);

      // The server has not seen Rome's offline text.
      expect(await serverText(server.baseUrl, beijing, documentId)).not.toContain('Rome while offline');
      expect(await editorText(beijingPage)).not.toContain('Rome while offline');

      // Reload: HTTP back (the app shell must load), collaboration sockets still refused.
      holdSockets = true;
      await rome.setOffline(false);
      await romePage.reload();
      await romePage.waitForSelector(`${EDITOR} h1`);
      await waitForText(romePage, 'Rome while offline');
      const afterReload = await editorText(romePage);
      expect(afterReload).toContain('Rome while online');
      // From IndexedDB alone: Beijing's concurrent text has not reached this browser yet.
      expect(afterReload).not.toContain('Beijing at the same time');
      await saveState(romePage, 'offline');
      expect(await serverText(server.baseUrl, beijing, documentId)).not.toContain('Rome while offline');

      // Back online for real: the offline text goes out in the sync step 2, and is acknowledged.
      const refused = routed.length;
      holdSockets = false;
      await saveState(romePage, 'saved', 20_000);
      expect(routed.length).toBeGreaterThan(refused);
      await waitForText(romePage, 'Beijing at the same time');
      await waitForText(beijingPage, 'Rome while offline');

      const romeText = await editorText(romePage);
      const beijingText = await editorText(beijingPage);
      expect(romeText).toBe(beijingText);
      for (const expected of ['Rome while online', 'Rome while offline', 'Beijing at the same time']) {
        expect(romeText.split(expected).length - 1).toBe(1);
      }
      // Seeded once on the server; the IndexedDB copy did not duplicate anything.
      expect(romeText.split('Awareness and empowerment of citizens and patients').length - 1).toBe(1);
      const stored = await serverText(server.baseUrl, beijing, documentId);
      expect(stored).toContain('Rome while offline');
      expect(stored).toContain('Beijing at the same time');

      // Signing out removes the offline copies from this computer.
      await romePage.click('[data-testid="current-user"]'); // the account menu
      await romePage.click('[data-testid="logout"]');
      await romePage.waitForURL(/\/login/);
      // The login page may show before the (asynchronous) deletion has finished: wait for it.
      await romePage.waitForFunction(
        async () => (await indexedDB.databases()).every((info) => !info.name?.startsWith('roundtable:')),
        undefined,
        { timeout: 10_000, polling: 100 },
      );
      expect((await databases(romePage)).filter((name) => name.startsWith('roundtable:'))).toEqual([]);
    } finally {
      await rome.close();
      await beijing.close();
    }
  });
});
