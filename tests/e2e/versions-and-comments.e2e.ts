import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { typeAtEnd, editorText } from '../support/e2e-page';

async function openPaper(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  documentId?: string,
): Promise<{ page: Page; documentId: string }> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'roundtable-demo');
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="current-user"]');
  const id =
    documentId ??
    (
      (await (await context.request.get(`${baseUrl}/api/documents`)).json()) as Array<{
        id: string;
        workingGroupCode: string;
      }>
    ).find((d) => d.workingGroupCode === 'WG1')!.id;
  await page.goto(`${baseUrl}/documents/${id}`);
  await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
  await page.waitForSelector('[data-testid="editor"] .ProseMirror h1');
  return { page, documentId: id };
}

/** Selects `text` inside the editor with a DOM range; ProseMirror picks the selection up. */
async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="editor"] .ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        (root as HTMLElement).focus();
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`text not found: ${needle}`);
  }, text);
}

describe('in Chromium: named versions (view, diff, restore) and comments that stay on their text', () => {
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

  it('names a version, views and diffs it, and restores it for everyone', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext();
    try {
      const { page, documentId } = await openPaper(rome, server.baseUrl, 'wg1-eu-cochair@example.org');
      const { page: other } = await openPaper(beijing, server.baseUrl, 'wg1-cn-cochair@example.org', documentId);
      await typeAtEnd(page, 'Outline paragraph for the funders.');
      await page.waitForSelector('[data-testid="save-status"][data-state="saved"]').catch(() => undefined);

      await page.click('[data-testid="versions-toggle"]');
      await page.fill('[data-testid="version-name-form"] input', 'Outline sent to funders');
      await page.click('[data-testid="version-name-form"] button[type="submit"]');
      const named = page.locator('[data-testid="version-row"][data-kind="named"]', {
        hasText: 'Outline sent to funders',
      });
      await named.waitFor();

      await typeAtEnd(page, 'Added after the outline.');
      await other.waitForFunction(() =>
        document
          .querySelector('[data-testid="editor"] .ProseMirror')
          ?.textContent?.includes('Added after the outline.'),
      );

      await named.locator('button', { hasText: /View|查看/ }).click();
      const view = page.locator('[data-testid="version-view"]');
      await view.waitFor();
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="version-view"]')
          ?.textContent?.includes('Outline paragraph for the funders.'),
      );
      expect(await view.innerText()).not.toContain('Added after the outline.');

      await named.locator('button', { hasText: /Compare|比较|对比/ }).click();
      const diff = page.locator('[data-testid="version-diff"]');
      await diff.waitFor();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="version-diff"]')?.textContent?.includes('Added after the outline.'),
      );

      page.once('dialog', (dialog) => void dialog.accept());
      await named.locator('[data-testid="version-restore"]').click();
      for (const p of [page, other]) {
        await p.waitForFunction(
          () =>
            !document
              .querySelector('[data-testid="editor"] .ProseMirror')
              ?.textContent?.includes('Added after the outline.'),
          undefined,
          { timeout: 10_000 },
        );
        expect(await editorText(p)).toContain('Outline paragraph for the funders.');
      }
      // The restore is a forward edit: the history keeps a "before restore" version.
      await page.locator('[data-testid="version-row"][data-kind="restore"]').first().waitFor();

      // A long history comes a page at a time: Beijing opens the panel after 50 more named versions.
      for (let i = 1; i <= 50; i++) {
        const response = await beijing.request.post(`${server.baseUrl}/api/documents/${documentId}/versions`, {
          data: { name: `Checkpoint ${i}` },
        });
        expect(response.status()).toBe(201);
      }
      await other.click('[data-testid="versions-toggle"]');
      await other.locator('[data-testid="version-row"]', { hasText: 'Checkpoint 50' }).waitFor();
      expect(await other.locator('[data-testid="version-row"]').count()).toBe(50);
      expect(await other.locator('[data-testid="version-row"]', { hasText: 'Outline sent to funders' }).count()).toBe(
        0,
      );
      await other.click('[data-testid="versions-older"]');
      await other.locator('[data-testid="version-row"]', { hasText: 'Outline sent to funders' }).waitFor();
      expect(await other.locator('[data-testid="versions-older"]').count()).toBe(0);
    } finally {
      await rome.close();
      await beijing.close();
    }
  });

  it('keeps a comment on its text while someone else edits around it', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext();
    try {
      const { page, documentId } = await openPaper(rome, server.baseUrl, 'wg1-expert@example.org');
      const { page: other } = await openPaper(beijing, server.baseUrl, 'wg1-cn-cochair@example.org', documentId);
      await typeAtEnd(page, 'Biobank governance must be aligned.');
      await other.waitForFunction(() =>
        document
          .querySelector('[data-testid="editor"] .ProseMirror')
          ?.textContent?.includes('Biobank governance must be aligned.'),
      );

      await selectText(page, 'governance must');
      await page.locator('[data-testid="add-comment"]').click();
      await page.fill('[data-testid="new-comment-body"]', 'Which regulations apply in both regions?');
      await page.click('[data-testid="new-comment-submit"]');
      await page.locator('[data-testid="comment-thread"]', { hasText: 'governance must' }).waitFor();

      // Beijing edits before and after the commented text.
      await selectText(other, 'Biobank');
      await other.keyboard.press('Home');
      await other.keyboard.type('Cross-border ', { delay: 5 });
      await other.keyboard.press('End');
      await other.keyboard.type(' Soon.', { delay: 5 });
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="editor"] .ProseMirror')
          ?.textContent?.includes('Cross-border Biobank governance must be aligned. Soon.'),
      );

      // Beijing sees the new thread without reloading (the server signals comment changes on the socket), and
      // the commented words are highlighted in its editor, exactly, after its own edits around them.
      const beijingThread = other.locator('[data-testid="comment-thread"]', { hasText: 'governance must' });
      await beijingThread.waitFor({ timeout: 5000 });
      await other.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="editor"] .comment-highlight')]
            .map((e) => e.textContent)
            .join('') === 'governance must',
      );
      // Clicking the highlighted words activates their thread in the panel.
      await other.locator('[data-testid="editor"] .comment-highlight').first().click();
      await other
        .locator('[data-testid="comment-thread"][data-active="true"]', { hasText: 'governance must' })
        .waitFor();

      // The author edits the comment; Beijing sees the new words (marked edited) live.
      await page.locator('[data-testid="comment-edit"]').first().click();
      await page.fill('[data-testid="comment-edit-body"]', 'Which regulations apply in the EU and in China?');
      await page.click('[data-testid="comment-edit-save"]');
      await beijingThread
        .locator('[data-testid="comment"]', { hasText: 'in the EU and in China?' })
        .locator('[data-testid="comment-edited"]')
        .waitFor({ timeout: 5000 });
      // Beijing (a co-chair) may delete but not edit Rome's comment.
      expect(await beijingThread.locator('[data-testid="comment-edit"]').count()).toBe(0);
      expect(await beijingThread.locator('[data-testid="comment-delete"]').count()).toBe(1);

      const threads = await (await rome.request.get(`${server.baseUrl}/api/documents/${documentId}/comments`)).json();
      const thread = threads.find((t: { quote: string }) => t.quote === 'governance must');
      expect(thread.detached).toBe(false);
      expect(thread.currentText).toBe('governance must');
      // Readers (observers) see the comments too.
      const observer = await browser.newContext();
      try {
        const { page: observerPage } = await openPaper(
          observer,
          server.baseUrl,
          'wg1-observer@example.org',
          documentId,
        );
        await observerPage.locator('[data-testid="comment-thread"]', { hasText: 'governance must' }).waitFor();
        // A reader may neither edit nor delete someone else's comment.
        expect(await observerPage.locator('[data-testid="comment-edit"], [data-testid="comment-delete"]').count()).toBe(
          0,
        );

        // The co-chair deletes the thread's only comment: the thread and its highlight go, for everyone, live.
        await beijingThread.locator('[data-testid="comment-delete"]').click();
        await beijingThread.locator('[data-testid="comment-delete-confirm"]').click();
        await observerPage
          .locator('[data-testid="comment-thread"]', { hasText: 'governance must' })
          .waitFor({ state: 'detached', timeout: 5000 });
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="editor"] .comment-highlight').length === 0,
        );
      } finally {
        await observer.close();
      }
    } finally {
      await rome.close();
      await beijing.close();
    }
  });

  it('locks a document for everyone: the co-chair’s open editor turns read only and says why', async () => {
    const coordinatorContext = await browser.newContext();
    const cochairContext = await browser.newContext();
    try {
      const { page: coordinator, documentId: paperId } = await openPaper(
        coordinatorContext,
        server.baseUrl,
        'coordinator@example.org',
      );
      const { page: cochair } = await openPaper(cochairContext, server.baseUrl, 'wg1-cn-cochair@example.org', paperId);
      await typeAtEnd(cochair, 'Written before the lock.');
      await coordinator.waitForFunction(() =>
        document
          .querySelector('[data-testid="editor"] .ProseMirror')
          ?.textContent?.includes('Written before the lock.'),
      );

      await coordinator.click('[data-testid="lock-document"]');
      await coordinator.fill('[data-testid="lock-form"] input', 'Final version submitted to the funders');
      await coordinator.click('[data-testid="lock-submit"]');

      for (const page of [cochair, coordinator]) {
        await page
          .locator('[data-testid="locked-banner"]', { hasText: 'Final version submitted to the funders' })
          .waitFor({ timeout: 10_000 });
        await page.waitForSelector('[data-testid="editor"][data-editable="false"]');
      }
      await cochair.locator('[data-testid="collab-close-message"][data-code="4423"]').waitFor();
      expect(await editorText(cochair)).toContain('Written before the lock.');
      // The co-chair sees no lock controls; the coordinator can unlock.
      expect(await cochair.locator('[data-testid="unlock-document"]').count()).toBe(0);
      await coordinator.click('[data-testid="unlock-document"]');
      await coordinator.locator('[data-testid="lock-document"]').waitFor();
    } finally {
      await coordinatorContext.close();
      await cochairContext.close();
    }
  });

  it('mentions: the picker keeps suggesting across a space, the textarea shows the name, the comment carries the id', async () => {
    const context = await browser.newContext();
    try {
      const { page, documentId } = await openPaper(context, server.baseUrl, 'wg1-expert@example.org');
      await typeAtEnd(page, 'Data access committees differ.');
      await selectText(page, 'access committees');
      await page.locator('[data-testid="add-comment"]').click();
      const body = page.locator('[data-testid="new-comment-body"]');
      await body.click();
      await body.pressSequentially('Please check, @WG1 EU co', { delay: 10 });
      const option = page.locator('[data-testid="mention-options"] [role="option"]', { hasText: 'WG1 EU co-chair' });
      await option.waitFor();
      await page.keyboard.press('Enter');
      // The name, not the markup, is what the writer sees.
      expect(await body.inputValue()).toBe('Please check, @WG1 EU co-chair ');
      await body.pressSequentially('thanks');
      expect(await page.locator('[data-testid="mention-options"]').count()).toBe(0);
      await page.click('[data-testid="new-comment-submit"]');
      const thread = page.locator('[data-testid="comment-thread"]', { hasText: 'access committees' });
      await thread.locator('.comment__mention', { hasText: '@WG1 EU co-chair' }).waitFor();
      const threads = (await (
        await context.request.get(`${server.baseUrl}/api/documents/${documentId}/comments`)
      ).json()) as Array<{
        quote: string;
        comments: Array<{ body: string }>;
      }>;
      const sent = threads.find((th) => th.quote === 'access committees')!.comments[0].body;
      expect(sent).toMatch(/^Please check, @\[WG1 EU co-chair\]\([0-9a-f-]{36}\) thanks$/);
    } finally {
      await context.close();
    }
  });
});
