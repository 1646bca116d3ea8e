import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { poll } from '../support/poll';
import { signIn } from '../support/e2e-page';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Issue 13 item 3 in the UI: a co-chair hands over to a successor; a coordinator records a vacancy in Chinese. */
describe('in Chromium: the co-chair rule on the group page', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;
  let groups: Record<string, string>;

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

  async function openGroup(page: Page, code: string): Promise<void> {
    groups ??= Object.fromEntries(
      (
        (await (await page.request.get(`${server.baseUrl}/api/working-groups`)).json()) as Array<{
          id: string;
          code: string;
        }>
      ).map((g) => [g.code, g.id]),
    );
    await page.goto(`${server.baseUrl}/working-groups/${groups[code]}`);
    await page.waitForSelector('[data-testid="member-row"] [data-testid="member-role-select"]');
  }
  const row = (page: Page, name: string) =>
    page.locator('[data-testid="member-row"][data-past="false"]', {
      has: page.getByRole('link', { name, exact: true }),
    });

  it('a co-chair steps down only by naming a successor from the same region', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.baseUrl, 'wg1-eu-cochair@example.org');
      const me = (await (await page.request.get(`${server.baseUrl}/api/people/me`)).json()) as { displayName: string };
      await openGroup(page, 'WG1');
      await row(page, me.displayName).locator('[data-testid="member-role-select"]').selectOption('expert');
      const form = page.locator('[data-testid="cochair-handover"]');
      await form.waitFor();
      expect(await form.textContent()).toContain('Before they become Expert, name a successor based in Europe');
      // A co-chair cannot leave the seat vacant: only coordinators can.
      expect(await form.locator('[data-testid="handover-mode-vacancy"]').count()).toBe(0);
      expect(await form.locator('[data-testid="handover-confirm"]').isDisabled()).toBe(true);
      const options = await form.locator('[data-testid="handover-successor"] option').allTextContents();
      const successor = options[1];
      expect(successor).toBeTruthy();
      await form.locator('[data-testid="handover-successor"]').selectOption({ label: successor });
      await form.locator('[data-testid="handover-confirm"]').click();
      // The successor holds the seat, the former co-chair is an expert, and the rule shows both regions.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="cochair-handover"]').length === 0);
      await page.waitForFunction(
        (name) =>
          [...document.querySelectorAll('[data-testid="co-chairs"] [data-testid="co-chair-name"]')].some(
            (a) => a.textContent === name,
          ),
        successor,
      );
      expect(
        await page.locator('[data-testid="co-chairs"] [data-testid="co-chair-name"]').allTextContents(),
      ).not.toContain(me.displayName);
      expect(await page.locator('[data-testid="co-chair-vacancy"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a coordinator working in Chinese records a vacancy with a reason; it shows until a co-chair of that region is appointed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
      await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
      await openGroup(page, 'WG2');
      const members = (await (
        await page.request.get(`${server.baseUrl}/api/working-groups/${groups.WG2}/members`)
      ).json()) as Array<{ personId: string; displayName: string; role: string; region: string }>;
      const outgoing = members.find((m) => m.role === 'co-chair' && m.region === 'china')!;
      const chineseExpert = members.find((m) => m.role === 'expert' && m.region === 'china')!;

      await row(page, outgoing.displayName).locator('[data-testid="member-remove"]').click();
      const form = page.locator('[data-testid="cochair-handover"]');
      await form.waitFor();
      expect(await form.textContent()).toContain('移出本组之前，请指定一位常驻中国的继任者');
      await form.locator('[data-testid="handover-mode-vacancy"]').check();
      await form.locator('[data-testid="handover-reason"]').fill('合作机构正在提名新的代表');
      await form.locator('[data-testid="handover-confirm"]').click();

      const vacancy = page.locator('[data-testid="co-chair-vacancy"][data-region="china"]');
      await vacancy.waitFor();
      expect(await vacancy.textContent()).toContain('中国方联合主席席位空缺');
      expect(await vacancy.textContent()).toContain('原因：合作机构正在提名新的代表');
      expect(await row(page, outgoing.displayName).count()).toBe(0);

      // The balance report lists it too.
      await page.click('[data-testid="nav-balance"]');
      // Inside the report's own section: right after the click the group page's list may still be on screen.
      const listed = page.locator('section[aria-labelledby="balance-vacancies"] [data-testid="co-chair-vacancy"]');
      await listed.waitFor();
      expect(await listed.textContent()).toContain('WG2：中国方联合主席席位空缺');

      // Appointing a Chinese co-chair fills the seat: the vacancy is gone from the group page and the report.
      await openGroup(page, 'WG2');
      await row(page, chineseExpert.displayName).locator('[data-testid="member-role-select"]').selectOption('co-chair');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="co-chair-vacancy"]').length === 0);
      await page.waitForFunction(
        (name) =>
          [...document.querySelectorAll('[data-testid="co-chairs"] [data-testid="co-chair-name"]')].some(
            (a) => a.textContent === name,
          ),
        chineseExpert.displayName,
      );
      await page.click('[data-testid="nav-balance"]');
      await page.waitForSelector('[data-testid="balance-csv"]');
      await page.waitForSelector('h2.section-title');
      // The report may first show its cached copy while it refetches: wait for the fresh one.
      await poll(
        () => page.locator('[data-testid="co-chair-vacancy"]').count(),
        (count) => count === 0,
        'the filled vacancy to leave the balance report',
      );
    } finally {
      await context.close();
    }
  });

  it('a co-chair moving region on their profile reads why not as a plain sentence in Chinese, not developer text', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await signIn(context, server.baseUrl, 'wg3-cn-cochair@example.org');
      await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
      await page.goto(`${server.baseUrl}/people/me`);
      const form = page.locator('[data-testid="profile-form"]');
      await form.waitFor();
      await form.locator('select[name="country"]').selectOption('IT');
      await form.locator('button[type="submit"]').click();
      const error = form.locator('[data-testid="field-error"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('联合主席不能改到其他地区：请先移交联合主席职务。');
      const alert = await form.locator('[data-testid="form-error"]').textContent();
      expect(alert).toContain('联合主席不能改到其他地区');
      for (const text of [await error.textContent(), alert]) {
        expect(text).not.toMatch(/country cannot|Co-chair rule|[A-Za-z]{4,} must/);
      }
    } finally {
      await context.close();
    }
  });
});
