import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EDITOR, signIn, typeAtEnd } from '../support/e2e-page';
import { poll } from '../support/poll';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Issue 13 item 6: the layout at 390 px (a phone) and 1280 px, in English and Chinese.

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };

const LOCALES = ['en', 'zh-CN'] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function newContext(browser: Browser, locale: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((chosen) => localStorage.setItem('roundtable.locale', chosen), locale);
  return context;
}

function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (elements) =>
    elements
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map(({ left, top, right, bottom, width, height }) => ({ left, top, right, bottom, width, height })),
  );
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every element of the header's row (name, menu entries, language, account) on one line inside the window. */
async function headerRow(page: Page): Promise<Box[]> {
  return boxes(
    page,
    '[data-testid="app-header"] a.brand, [data-testid="main-nav"] a, [data-testid="language-switch"], [data-testid="notification-bell"], [data-testid="current-user"], [data-testid="app-header"] [data-extra]',
  );
}

function expectOneLine(row: Box[], width: number): void {
  // One line: some horizontal line crosses every box; nothing sticks out of the window.
  expect(Math.max(...row.map((b) => b.top))).toBeLessThan(Math.min(...row.map((b) => b.bottom)));
  expect(Math.max(...row.map((b) => b.right))).toBeLessThanOrEqual(width);
  const sorted = [...row].sort((a, b) => a.left - b.left);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i].left).toBeGreaterThanOrEqual(sorted[i - 1].right - 0.5);
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('in Chromium: the layout at 390 px and 1280 px, in English and Chinese', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;
  const contexts: BrowserContext[] = [];
  // Pages to visit, found once: a working group, a paper, minutes.
  let groupId: string;
  let documentId: string;
  let minutesPath: string;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    // December 2021: the plan's today line is in M24, next to the M24 tick where the walk-through saw "今天" overlap.
    server = await startServerProcess({
      DATABASE_URL: database.url,
      DEMO: 'true',
      ROUNDTABLE_CLOCK: '2021-12-20T08:00:00Z',
    });

    const context = await newContext(browser, 'en', DESKTOP);
    contexts.push(context);
    const page = await signIn(context, server.baseUrl, 'wg1-eu-cochair@example.org');
    const get = async <T>(path: string) => (await (await context.request.get(`${server.baseUrl}${path}`)).json()) as T;
    const groups = await get<Array<{ id: string; code: string }>>('/api/working-groups');
    groupId = groups.find((g) => g.code === 'WG1')!.id;
    documentId = (await get<Array<{ id: string; workingGroupCode: string }>>('/api/documents')).find(
      (d) => d.workingGroupCode === 'WG1',
    )!.id;
    const projectId = (await get<Array<{ id: string }>>('/api/projects'))[0].id;
    const created = await context.request.post(`${server.baseUrl}/api/projects/${projectId}/meetings`, {
      data: {
        workingGroupId: groupId,
        type: 'wg-meeting',
        title: 'Drafting call on the position paper on citizens’ and patients’ empowerment',
        timeZone: 'Europe/Rome',
        start: '2021-12-17T10:00',
        durationMinutes: 60,
        agenda: [{ title: 'Chapter 2 draft, section by section, with the partners’ comments' }],
      },
    });
    expect(created.status()).toBe(201);
    const meeting = (await created.json()) as { id: string };
    await page.goto(`${server.baseUrl}/meetings/${meeting.id}`);
    await page.locator('[data-testid="occurrence"]').first().locator('[data-testid="minutes-start"]').click();
    await page.waitForURL(/\/minutes\/[0-9a-f-]+$/);
    minutesPath = new URL(page.url()).pathname;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await server?.stop();
    await database?.drop();
    await browser?.close();
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it('at 1280 px the header is one line with every entry a coordinator sees and the bell', async () => {
      const context = await newContext(browser, locale, DESKTOP);
      contexts.push(context);
      const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
      await expect(page.locator('[data-testid="menu-button"]').isVisible()).resolves.toBe(false);
      await page.locator('[data-testid="notification-bell"]').waitFor();
      const row = await headerRow(page);
      // Name, twelve entries (a coordinator's Structure and outbox are in the account menu), language, bell, account.
      expect(row).toHaveLength(16);
      expectOneLine(row, DESKTOP.width);

      // English fills the line at twelve entries and the bell: a further entry needs the account menu or a group.
    });

    it('at 390 px the menu folds behind a button that opens and closes by mouse and keyboard, and its links work', async () => {
      const context = await newContext(browser, locale, PHONE);
      contexts.push(context);
      const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
      const button = page.locator('[data-testid="menu-button"]');
      const plan = page.locator('[data-testid="nav-plan"]');
      await expect(button.isVisible()).resolves.toBe(true);
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(plan.isVisible()).resolves.toBe(false);
      await expect(button.textContent()).resolves.toBe(locale === 'en' ? 'Menu' : '菜单');
      // The collapsed header: one line, inside the window; the language is in the menu.
      const row = await boxes(
        page,
        '[data-testid="app-header"] a.brand, [data-testid="menu-button"], [data-testid="current-user"]',
      );
      expect(row).toHaveLength(3);
      expectOneLine(row, PHONE.width);
      await expect(page.locator('[data-testid="language-switch"]').isVisible()).resolves.toBe(false);
      const controls = await button.getAttribute('aria-controls');
      await expect(page.locator(`[id="${controls}"] [data-testid="main-nav"]`).count()).resolves.toBe(1);

      // Opened by a click: the entries show, one per line, and the focus moves to the first.
      await button.click();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(plan.isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-testid="language-switch"]').isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('nav-home');
      const entries = await boxes(page, '[data-testid="main-nav"] a');
      expect(entries).toHaveLength(12);
      for (const entry of entries) {
        expect(entry.right).toBeLessThanOrEqual(PHONE.width);
        // Chinese names on one line, not one character per line.
        expect(entry.height).toBeLessThan(60);
      }
      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(plan.isVisible()).resolves.toBe(false);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
        'menu-button',
      );
      // By keyboard: Enter opens, Tab walks the entries, Enter follows one, and the menu closes behind it.
      await page.keyboard.press('Enter');
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
        'nav-project',
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/project$/);
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      // By mouse: a link goes to its page; a click outside closes.
      await button.click();
      await plan.click();
      await page.waitForURL(/\/plan$/);
      await page.waitForSelector('[data-testid="timeline"]');
      await expect(plan.isVisible()).resolves.toBe(false);
      await button.click();
      await page.mouse.click(200, 700);
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      // The account menu: profile, account and sign-out behind the avatar.
      await page.click('[data-testid="current-user"]');
      await page.click('[data-testid="nav-account"]');
      await page.waitForURL(/\/account$/);
    });

    it('at 390 px the main pages do not scroll sideways', async () => {
      const context = await newContext(browser, locale, PHONE);
      contexts.push(context);
      const page = await signIn(context, server.baseUrl, 'wg1-eu-cochair@example.org');
      const pages: Array<[string, string]> = [
        ['/', 'main h1'],
        [`/working-groups/${groupId}`, 'main h1'],
        ['/meetings', 'main h1'],
        ['/minutes', 'main h1'],
        [minutesPath, '[data-testid="minutes-status"]'],
        [`/documents/${documentId}`, `${EDITOR} h1`],
        ['/plan', '[data-testid="timeline"]'],
        ['/library', 'main h1'],
      ];
      const wide: Array<[string, number]> = [];
      for (const [path, ready] of pages) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.waitForSelector(ready);
        await page.waitForLoadState('networkidle');
        const width = await scrollWidth(page);
        if (width > PHONE.width) wide.push([path, width]);
      }
      expect(wide).toEqual([]);
    });

    it('at 390 px table column headers stay on one line: the table scrolls inside its frame instead', async () => {
      const context = await newContext(browser, locale, PHONE);
      contexts.push(context);
      const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
      await page.goto(`${server.baseUrl}/plan`);
      await page.waitForSelector('table thead th');
      // Lines a header's text is laid out on (the walk-through saw 类型 broken into one character per line).
      const wrapped = await page.$$eval('table thead th', (headers) =>
        headers
          .map((header) => {
            const range = document.createRange();
            range.selectNodeContents(header);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            return [header.textContent ?? '', lines.size] as const;
          })
          .filter(([, lines]) => lines > 1),
      );
      expect(wrapped).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });

    it.each([PHONE, DESKTOP])("the plan's today label does not touch the month ticks (%o)", async (viewport) => {
      const context = await newContext(browser, locale, viewport);
      contexts.push(context);
      const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
      await page.goto(`${server.baseUrl}/plan`);
      await page.waitForSelector('[data-testid="timeline-today"] span');
      const [today] = await boxes(page, '[data-testid="timeline-today"] span');
      await expect(page.textContent('[data-testid="timeline-today"] span')).resolves.toBe(
        locale === 'en' ? 'Today' : '今天',
      );
      // On one line (not 今 above 天).
      expect(today.height).toBeLessThan(20);
      const ticks = await boxes(page, '[data-testid="timeline-tick"]');
      expect(ticks.length).toBeGreaterThanOrEqual(5);
      expect(ticks.filter((tick) => intersects(tick, today))).toEqual([]);
    });
  });

  it('comment threads sit beside their passages on a wide screen and below the text on a phone', async () => {
    const wideContext = await newContext(browser, 'en', DESKTOP);
    contexts.push(wideContext);
    const page = await signIn(wideContext, server.baseUrl, 'wg1-eu-cochair@example.org');
    await page.goto(`${server.baseUrl}/documents/${documentId}`);
    await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
    await page.waitForSelector(`${EDITOR} h1`);
    const passage = 'Layout check: a passage far down the paper.';
    await typeAtEnd(page, passage);
    await page.evaluate((needle) => {
      const root = document.querySelector('[data-testid="editor"] .ProseMirror')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`not found: ${needle}`);
    }, passage);
    await page.click('[data-testid="add-comment"]');
    await page.fill('[data-testid="new-comment-body"]', 'Beside its passage?');
    await page.click('[data-testid="new-comment-submit"]');
    await page.waitForSelector('[data-testid="comment-thread"]');
    await expect(page.getAttribute('[data-testid="comments-panel"]', 'data-placement')).resolves.toBe('beside');

    // The thread's top is level with its passage (the highlighted text), and the panel is to the right of the text.
    const offset = async () =>
      page.evaluate(() => {
        const thread = document.querySelector('[data-testid="comment-thread"]')!.getBoundingClientRect();
        const anchor = document.querySelector('[data-testid="editor"] .comment-highlight')!.getBoundingClientRect();
        return Math.round(thread.top - anchor.top);
      });
    await poll(offset, (dy) => Math.abs(dy) <= 4, 'the thread level with its passage');
    const [editorBox] = await boxes(page, '[data-testid="editor"]');
    const [panelBox] = await boxes(page, '[data-testid="comments-panel"]');
    expect(panelBox.left).toBeGreaterThanOrEqual(editorBox.right);
    // Scrolled, and with new paragraphs above the passage, the thread follows it.
    await page.mouse.wheel(0, 300);
    await poll(offset, (dy) => Math.abs(dy) <= 4, 'the thread level with its passage after scrolling');
    const before = (await boxes(page, '[data-testid="comment-thread"]'))[0].top;
    await page.locator(`${EDITOR} h1`).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Enter');
      await page.keyboard.type('A new paragraph above.');
    }
    await poll(offset, (dy) => Math.abs(dy) <= 4, 'the thread level with its passage after an edit above it');
    expect((await boxes(page, '[data-testid="comment-thread"]'))[0].top).toBeGreaterThan(before + 40);

    // On a phone the comments come after the text.
    const phoneContext = await newContext(browser, 'zh-CN', PHONE);
    contexts.push(phoneContext);
    const phone = await signIn(phoneContext, server.baseUrl, 'wg1-cn-cochair@example.org');
    await phone.goto(`${server.baseUrl}/documents/${documentId}`);
    await phone.waitForSelector('[data-testid="comment-thread"]');
    await expect(phone.getAttribute('[data-testid="comments-panel"]', 'data-placement')).resolves.toBe('below');
    const [phoneEditor] = await boxes(phone, '[data-testid="editor"]');
    const [phoneThread] = await boxes(phone, '[data-testid="comment-thread"]');
    expect(phoneThread.top).toBeGreaterThanOrEqual(phoneEditor.bottom);
    expect(phoneThread.right).toBeLessThanOrEqual(PHONE.width);
  });
});
