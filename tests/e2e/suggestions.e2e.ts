import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { EDITOR, signIn } from '../support/e2e-page';
import { poll } from '../support/poll';

/** Puts the caret at the very end of the first block matching `selector`. */
async function caretAtEnd(page: Page, selector: string): Promise<void> {
  await page.locator(EDITOR).focus();
  await page
    .locator(selector)
    .first()
    .evaluate((block) => {
      const range = document.createRange();
      range.selectNodeContents(block);
      range.collapse(false);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
  await page.waitForFunction((sel) => {
    const block = document.querySelector(sel);
    const focus = window.getSelection()?.focusNode;
    return Boolean(block && focus && block.contains(focus));
  }, selector);
}

/** Texts of the matching elements without the other person's caret and name label. */
function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    }),
  );
}

describe('suggestion mode in Chromium: one co-author suggests, the other accepts', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;
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

  it('the expert suggests an insertion and a deletion in their colour; the co-chair (in Chinese) accepts and rejects', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      const expert = await signIn(rome, server.baseUrl, 'wg1-expert@example.org');
      const coChair = await signIn(beijing, server.baseUrl, 'wg1-cn-cochair@example.org');
      const documents = await expert.evaluate(() =>
        fetch('/api/documents').then(
          (r) => r.json() as Promise<Array<{ id: string; workingGroupCode: string | null }>>,
        ),
      );
      const paper = documents.find((d) => d.workingGroupCode === 'WG1')!;
      for (const page of [expert, coChair]) {
        await page.goto(`${server.baseUrl}/documents/${paper.id}`);
        await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
        await page.waitForSelector(`${EDITOR} h1`);
      }

      // The expert turns Suggesting on and types at the end of the title, then deletes two characters of it.
      await expert.getByTestId('suggesting-switch').check();
      await caretAtEnd(expert, `${EDITOR} h1`);
      await expert.keyboard.type(' (draft for funders)', { delay: 5 });
      await poll(
        () => texts(coChair, `${EDITOR} ins.suggestion-insert`),
        (shown) => shown.join('') === ' (draft for funders)',
        'the insertion reaching the co-chair',
        15_000,
      );
      // It shows in the expert's colour once the list knows the author (a palette class, not the neutral one).
      await poll(
        () => coChair.locator(`${EDITOR} .suggestion-author[class*="suggestion-author-"]`).count(),
        (n) => n > 0,
        'the author colour',
        15_000,
      );
      const title = (await texts(coChair, `${EDITOR} h1`))[0]!;

      // The co-chair's side list, in Chinese, has it with the expert's name.
      const item = coChair.locator('[data-testid="suggestion"][data-kind="insert"]');
      await item.waitFor();
      expect(await item.textContent()).toContain('WG1');
      expect(await coChair.getByTestId('suggestion-accept').first().textContent()).toBe('接受');
      await item.getByTestId('suggestion-accept').click();
      await poll(
        () => expert.locator(`${EDITOR} ins.suggestion-insert`).count(),
        (n) => n === 0,
        'the accepted insertion to lose its mark for the expert',
        15_000,
      );
      expect((await texts(expert, `${EDITOR} h1`))[0]).toBe(title);

      // A deletion: the struck text stays until decided; rejecting keeps it.
      await caretAtEnd(expert, `${EDITOR} h1`);
      await expert.keyboard.press('Backspace');
      await expert.keyboard.press('Backspace');
      await poll(
        () => texts(coChair, `${EDITOR} del.suggestion-delete`),
        (shown) => shown.join('') === 's)',
        'the deletion reaching the co-chair',
        15_000,
      );
      await coChair.locator('[data-testid="suggestion"][data-kind="delete"]').getByTestId('suggestion-reject').click();
      await poll(
        () => expert.locator(`${EDITOR} del.suggestion-delete`).count(),
        (n) => n === 0,
        'the rejected deletion to go',
        15_000,
      );
      expect((await texts(expert, `${EDITOR} h1`))[0]).toBe(title);
      await poll(
        () => coChair.locator('[data-testid="suggestion"]').count(),
        (n) => n === 0,
        "the co-chair's side list to empty",
        15_000,
      );
    } finally {
      await rome.close();
      await beijing.close();
    }
  }, 120_000);
});
