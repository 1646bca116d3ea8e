import type { BrowserContext, Page } from 'playwright-core';

/** The editor's content element. */
export const EDITOR = '[data-testid="editor"] .ProseMirror';

/** Signs in through the login page, as a person would, and waits for the app shell. */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  password = 'roundtable-demo',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="current-user"]');
  return page;
}

/** Opens the Papers page from the menu (the first page after sign-in is the personal start page). */
export async function openPapers(page: Page): Promise<void> {
  await page.click('[data-testid="nav-papers"]');
  await page.waitForSelector('[data-testid="document-link"]');
}

/** Types a new paragraph at the end of the document. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  // Focus, not a click: a click in the middle of a paper can land in a block's controls (a recommendation's bar).
  await page.locator(EDITOR).focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 5 });
}

/**
 * The document's text, one line per block, without the other people's carets and name labels and without
 * blocks' controls (`data-editor-chrome`: labels in the reader's language, not document text).
 */
export function editorText(page: Page): Promise<string> {
  return page.locator(EDITOR).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret, [data-editor-chrome]').forEach((element) => element.remove());
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });
}

/** Puts the caret at the very end of the first block matching `selector` (End stops at a wrapped line's end). */
export async function caretAtEnd(page: Page, selector: string): Promise<void> {
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
  // ProseMirror reads the DOM selection on selectionchange: wait until the caret is really there.
  await page.waitForFunction((sel) => {
    const block = document.querySelector(sel);
    const focus = window.getSelection()?.focusNode;
    return Boolean(block && focus && block.contains(focus));
  }, selector);
}
