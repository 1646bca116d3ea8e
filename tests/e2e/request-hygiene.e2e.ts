import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { HttpClient } from '../support/http-client';
import { openPapers, signIn, typeAtEnd, EDITOR } from '../support/e2e-page';
import { until } from '../support/poll';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';

/** Collects Content-Security-Policy violations the page reports (ADR 018). */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCsp', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCsp(text: string): void }).__reportCsp(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('the built app under its own CSP and origin check, in Chromium', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;
  let attacker: Server;
  let attackerUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });
    // Another port on the same host: the same *site* as the app, so SameSite=Lax cookies go along.
    attacker = createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x').searchParams.get('target') ?? '';
      response.setHeader('content-type', 'text/html');
      response.end(`<!doctype html><body>
        <form id="f" method="POST" action="${target}"><input name="paragraphs[]" value="planted by a form"></form>
        <script>
          fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include',
            body: new URLSearchParams({ 'paragraphs[]': 'planted by fetch' }) }).finally(() => document.getElementById('f').submit());
        </script></body>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.stop();
    await database?.drop();
    await browser?.close();
  });

  it('runs sign-in, the home page and live co-editing with carets without a single CSP violation', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      const pages: Page[] = [];
      const violations: string[][] = [];
      for (const [context, email] of [
        [rome, 'wg1-eu-cochair@example.org'],
        [beijing, 'wg1-cn-cochair@example.org'],
      ] as const) {
        const page = await context.newPage();
        violations.push(await recordCspViolations(page));
        await page.goto(`${server.baseUrl}/login`);
        await page.fill('input[name="email"]', email);
        await page.fill('input[name="password"]', 'roundtable-demo');
        await page.click('button[type="submit"]');
        await page.waitForSelector('[data-testid="current-user"]');
        pages.push(page);
      }
      const headers = (await pages[0].goto(server.baseUrl))!.headers();
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      for (const page of pages) {
        await openPapers(page);
        await page
          .locator('[data-testid="document-link"]', { hasText: /Awareness and empowerment|公民和患者的意识与授权/ })
          .first()
          .click();
        await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
      }
      await typeAtEnd(pages[0], 'Typed under a strict CSP');
      await pages[1].waitForFunction(
        (selector) => document.querySelector(selector)?.textContent?.includes('Typed under a strict CSP'),
        EDITOR,
      );
      // The other person's caret (coloured with a style attribute) is shown.
      await pages[1].waitForSelector(`${EDITOR} .collaboration-carets__caret`);
      expect(violations.flat()).toEqual([]);
    } finally {
      await rome.close();
      await beijing.close();
    }
  });

  it('shows an anonymous visitor the login page without a failed request or a console error', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      const probe = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/api/auth/'));
      await page.goto(`${server.baseUrl}/login`);
      await page.waitForSelector('input[name="email"]');
      // The session probe itself answers 200 (it used to be a 401 on /api/auth/me, logged by the browser).
      expect((await probe).status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('ignores a same-site page that posts to the API with the victim’s cookie', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.baseUrl, 'wg1-eu-cochair@example.org');
      const api = await new HttpClient(server.baseUrl).login('wg1-eu-cochair@example.org');
      const [paper] = (await api.get('/api/documents')).body as Array<{ id: string }>;
      const target = `${server.baseUrl}/api/documents/${paper.id}/paragraphs`;
      // The form's answer is shown to the page; the no-cors fetch's answer is withheld from it by
      // Cross-Origin-Resource-Policy, so it shows up as a blocked response. Either way: nothing written.
      const outcomes: string[] = [];
      page.on('response', (response) => {
        if (response.url() === target) outcomes.push(`${response.request().resourceType()} ${response.status()}`);
      });
      page.on('requestfailed', (request) => {
        if (request.url() === target) outcomes.push(`${request.resourceType()} ${request.failure()?.errorText}`);
      });
      await page.goto(`${attackerUrl}/?target=${encodeURIComponent(target)}`);
      await until(() => outcomes.length >= 2, 'both cross-site posts answered', 15_000);
      expect(outcomes.sort()).toEqual(['document 403', 'fetch net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']);
      const text = (await api.get(`/api/documents/${paper.id}/content`)).body.text as string;
      expect(text).not.toContain('planted');
    } finally {
      await context.close();
    }
  });
});
