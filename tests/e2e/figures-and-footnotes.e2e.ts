import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { EDITOR, signIn } from '../support/e2e-page';
import { poll } from '../support/poll';
import { solidPng } from '../support/test-png';

/** Puts the caret at the very end of the `index`-th top-level paragraph. */
async function caretAtEndOfParagraph(page: Page, index: number): Promise<void> {
  const selector = `${EDITOR} > p:nth-of-type(${index + 1})`;
  await page.locator(EDITOR).focus();
  await page.locator(selector).evaluate((block) => {
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

/** The footnote marks in the text: their live number and their note, in document order. */
function footnoteMarks(page: Page): Promise<string[]> {
  return page
    .locator(`${EDITOR} sup[data-footnote]`)
    .evaluateAll((marks) =>
      marks.map((m) => `${m.getAttribute('data-footnote-number')} ${m.getAttribute('data-text')}`),
    );
}

/** The notes list under the text, as numbered there. */
function notesList(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="footnote-item"]')
    .evaluateAll((items) =>
      items.map(
        (item) => `${item.getAttribute('value')} ${(item.querySelector('textarea') as HTMLTextAreaElement).value}`,
      ),
    );
}

async function waitForNotes(page: Page, expected: string[]): Promise<void> {
  await poll(
    async () => [await footnoteMarks(page), await notesList(page)],
    ([marks, list]) =>
      JSON.stringify(marks) === JSON.stringify(expected) && JSON.stringify(list) === JSON.stringify(expected),
    `footnotes ${JSON.stringify(expected)}`,
    15_000,
  );
}

/** Each figure's label as the caption shows it (drawn by CSS from the live number) and whether its image loaded. */
function figures(page: Page): Promise<Array<{ label: string; loaded: boolean; caption: string }>> {
  return page.locator(`${EDITOR} figure[data-figure]`).evaluateAll((elements) =>
    elements.map((figure) => {
      const caption = figure.querySelector('figcaption')!;
      const img = figure.querySelector('img');
      return {
        label: getComputedStyle(caption, '::before').content,
        loaded: Boolean(img && img.complete && img.naturalWidth > 0),
        caption: caption.textContent ?? '',
      };
    }),
  );
}

describe('figures and footnotes in Chromium with a co-author editing nearby', () => {
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

  it('one inserts a figure with caption and footnotes, the other edits nearby; both see the same numbers', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      const eu = await signIn(rome, server.baseUrl, 'wg1-eu-cochair@example.org');
      const cn = await signIn(beijing, server.baseUrl, 'wg1-cn-cochair@example.org');
      const documents = await eu.evaluate(() =>
        fetch('/api/documents').then(
          (r) => r.json() as Promise<Array<{ id: string; workingGroupCode: string | null }>>,
        ),
      );
      const paper = documents.find((d) => d.workingGroupCode === 'WG1')!;
      for (const page of [eu, cn]) {
        await page.goto(`${server.baseUrl}/documents/${paper.id}`);
        await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
        await page.waitForSelector(`${EDITOR} h1`);
      }
      await eu.getByTestId('footnotes').waitFor();

      // Rome adds a sentence and its footnote (Ctrl+Alt+F, as in Word, says the tooltip) and writes the note.
      expect(await eu.getByTestId('toolbar-footnote').getAttribute('title')).toMatch(/Ctrl\+Alt\+F/);
      await caretAtEndOfParagraph(eu, 0);
      await eu.keyboard.type(' Cohorts grow every year.', { delay: 5 });
      await eu.getByTestId('toolbar-footnote').click();
      await eu.getByTestId('footnote-text-1').fill('Eurostat, 2025.');
      // Meanwhile Beijing writes in the next paragraph.
      await caretAtEndOfParagraph(cn, 1);
      await cn.keyboard.type('数据共享需要共同标准。', { delay: 5 });
      await caretAtEndOfParagraph(eu, 1);
      await eu.getByTestId('toolbar-footnote').click();
      await eu.getByTestId('footnote-text-2').fill('国家卫健委，2025年。');
      await waitForNotes(eu, ['1 Eurostat, 2025.', '2 国家卫健委，2025年。']);
      await waitForNotes(cn, ['1 Eurostat, 2025.', '2 国家卫健委，2025年。']);

      // Rome uploads a figure into WG1's library with a caption; it lands after the first paragraph.
      await caretAtEndOfParagraph(eu, 0);
      await eu.getByTestId('toolbar-figure').click();
      await eu
        .getByTestId('figure-file')
        .setInputFiles({ name: 'cohorts.png', mimeType: 'image/png', buffer: solidPng(320, 160) });
      await eu.getByTestId('figure-caption').fill('Cohort sizes by programme');
      await eu.getByTestId('figure-insert').click();
      // Beijing types in the first paragraph while the figure arrives.
      await caretAtEndOfParagraph(cn, 0);
      await cn.keyboard.type(' 队列', { delay: 5 });
      // Both see the figure, its image loaded through the members' route, labelled in their own language.
      await poll(
        () => figures(eu),
        (shown) => shown.length === 1 && shown[0].loaded,
        'Rome’s figure',
        15_000,
      );
      await poll(
        () => figures(cn),
        (shown) => shown.length === 1 && shown[0].loaded,
        'Beijing’s figure',
        15_000,
      );
      expect((await figures(eu))[0]).toMatchObject({ label: '"Figure 1: "', caption: 'Cohort sizes by programme' });
      expect((await figures(cn))[0]).toMatchObject({ label: '"图 1: "', caption: 'Cohort sizes by programme' });
      const src = await cn.locator(`${EDITOR} figure img`).getAttribute('src');
      // Enter at the end of a caption leaves the figure for a new paragraph below it (no second figure).
      await eu.locator(EDITOR).focus();
      await eu.locator(`${EDITOR} figcaption`).evaluate((caption) => {
        const range = document.createRange();
        range.selectNodeContents(caption);
        range.collapse(false);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
      });
      await eu.waitForFunction((sel) => {
        const focus = window.getSelection()?.focusNode;
        return Boolean(focus && document.querySelector(sel)?.contains(focus));
      }, `${EDITOR} figcaption`);
      await eu.keyboard.press('Enter');
      await eu.keyboard.type('Source: programme registries.', { delay: 5 });
      await cn.waitForFunction(
        (sel) =>
          document.querySelector(sel)?.nextElementSibling?.textContent?.includes('Source: programme registries.'),
        `${EDITOR} figure[data-figure]`,
        { timeout: 15_000 },
      );
      expect(await figures(cn)).toHaveLength(1);
      expect(src).toMatch(/^\/api\/library\/[0-9a-f-]{36}\/versions\/[0-9a-f-]{36}\/image$/);

      // Beijing adds a footnote between Rome's two: the numbers move for both at once.
      await caretAtEndOfParagraph(cn, 0);
      await cn.getByTestId('toolbar-footnote').click();
      await cn.getByTestId('footnote-text-2').fill('合著者的注释');
      const renumbered = ['1 Eurostat, 2025.', '2 合著者的注释', '3 国家卫健委，2025年。'];
      await waitForNotes(cn, renumbered);
      await waitForNotes(eu, renumbered);

      // The server renders the same document: the Markdown export has the notes in order, the HTML the image.
      const markdown = await eu.evaluate(
        (id) => fetch(`/api/documents/${id}/export?format=md`).then((r) => r.text()),
        paper.id,
      );
      expect(markdown).toMatch(/\[\^1\]: Eurostat, 2025\.\n\[\^2\]: 合著者的注释\n\[\^3\]: 国家卫健委，2025年。/);
      expect(markdown).toContain('*Figure 1:* Cohort sizes by programme');
      const html = await cn.evaluate(
        (id) => fetch(`/api/documents/${id}/export?format=html`).then((r) => r.text()),
        paper.id,
      );
      expect(html).toContain('<img src="data:image/png;base64,');
      expect(html).not.toContain('/api/library/');
      // Someone signed out cannot load the image.
      const outsider = await browser.newContext();
      try {
        const anonymous = await outsider.request.get(`${server.baseUrl}${src}`);
        expect(anonymous.status()).toBe(401);
      } finally {
        await outsider.close();
      }
    } finally {
      await rome.close();
      await beijing.close();
    }
  });
});
