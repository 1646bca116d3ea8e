import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { caretAtEnd, EDITOR, signIn } from '../support/e2e-page';
import { poll } from '../support/poll';

/** The numbers the editor shows before its headings (data-section-number), in order. */
function sectionNumbers(page: Page): Promise<string[]> {
  return page.locator(`${EDITOR} > [data-section-number]`).evaluateAll((headings) =>
    headings.map((h) => {
      // Without the other person's caret and name label, which sit inside the text.
      const copy = h.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return `${h.getAttribute('data-section-number')} ${copy.textContent ?? ''}`.trim();
    }),
  );
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

async function waitForNumbers(page: Page, expected: string[]): Promise<void> {
  await poll(
    () => sectionNumbers(page),
    (shown) => JSON.stringify(shown) === JSON.stringify(expected),
    `section numbers ${JSON.stringify(expected)}`,
    15_000,
  );
}

describe('the writing surface in Chromium: sections, tables and links with a co-author editing', () => {
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

  it('both co-authors see the same section numbers and table; the server keeps and exports both', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      const eu = await signIn(rome, server.baseUrl, 'wg1-eu-cochair@example.org');
      const cn = await signIn(beijing, server.baseUrl, 'wg1-cn-cochair@example.org');
      const documents = await eu.evaluate(() =>
        fetch('/api/documents').then(
          (r) => r.json() as Promise<Array<{ id: string; title: string; workingGroupCode: string | null }>>,
        ),
      );
      const paper = documents.find((d) => d.workingGroupCode === 'WG1')!;
      for (const page of [eu, cn]) {
        await page.goto(`${server.baseUrl}/documents/${paper.id}`);
        await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
        await page.waitForSelector(`${EDITOR} h1`);
      }
      const before = await sectionNumbers(eu);
      expect(before.length).toBeGreaterThan(0);
      expect(before[0]).toMatch(/^1 /);

      // Rome adds a section with a subsection at the very top, through the toolbar (shortcut in the tooltip).
      expect(await eu.getByTestId('toolbar-heading2').getAttribute('title')).toMatch(/Ctrl\+Alt\+2/);
      await caretAtEnd(eu, `${EDITOR} h1`);
      await eu.keyboard.press('Enter');
      await eu.getByTestId('toolbar-heading2').click();
      await eu.keyboard.type('Scope of the paper', { delay: 5 });
      await eu.keyboard.press('Enter');
      await eu.getByTestId('toolbar-heading3').click();
      await eu.keyboard.type('Background', { delay: 5 });
      const renumbered = [
        '1 Scope of the paper',
        '1.1 Background',
        ...before.map((n) => n.replace(/^(\d+)/, (d) => String(Number(d) + 1))),
      ];
      // Beijing, who did nothing, sees the same numbers as Rome: every later section moved down by one.
      await waitForNumbers(eu, renumbered);
      await waitForNumbers(cn, renumbered);

      // Beijing inserts a table below the subsection while Rome types in it; adds a row; names the columns.
      await caretAtEnd(cn, `${EDITOR} h3`);
      await cn.keyboard.press('Enter');
      await cn.getByTestId('toolbar-table').click();
      await cn.keyboard.type('欧盟项目', { delay: 5 });
      await cn.keyboard.press('Tab');
      await cn.keyboard.type('中国项目', { delay: 5 });
      await cn.getByTestId('toolbar-addRowAfter').click();
      await caretAtEnd(eu, `${EDITOR} h3`);
      await eu.keyboard.type(' and aims', { delay: 5 });
      await eu.waitForFunction((selector) => document.querySelectorAll(`${selector} table tr`).length === 4, EDITOR, {
        timeout: 15_000,
      });
      expect(await texts(eu, `${EDITOR} table th`)).toEqual(['欧盟项目', '中国项目', '']);
      await waitForNumbers(cn, ['1 Scope of the paper', '1.1 Background and aims', ...renumbered.slice(2)]);

      // A link through the link form: a script address is refused, a web address is kept.
      await eu.locator(`${EDITOR} h2`).first().dblclick();
      await eu.getByTestId('toolbar-link').click();
      await eu.getByTestId('link-href').fill('javascript:alert(1)');
      await eu.getByTestId('link-href').press('Enter');
      await eu.getByRole('alert').waitFor();
      await eu.getByTestId('link-href').fill('www.icpermed.eu');
      await eu.getByTestId('link-href').press('Enter');
      await cn.waitForSelector(`${EDITOR} h2 a[href="https://www.icpermed.eu"]`, { timeout: 15_000 });

      // The outline lists the new sections with their numbers and counts Chinese characters as words.
      await eu.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="outline-entry"]')].some(
            (entry) => entry.getAttribute('data-number') === '1.1' && /\d+ words/.test(entry.textContent ?? ''),
          ),
        undefined,
        { timeout: 10_000 },
      );

      // Undo is one's own: Beijing's undo removes Beijing's last change, never Rome's text.
      await cn.locator(`${EDITOR} table td`).first().click();
      await cn.keyboard.type('地平线', { delay: 5 });
      await poll(
        () => texts(eu, `${EDITOR} table td`),
        (cells) => cells[0] === '地平线',
        'Beijing’s cell text',
      );
      await cn.getByTestId('toolbar-undo').click();
      await poll(
        () => texts(eu, `${EDITOR} table td`),
        (cells) => cells[0] === '',
        'Beijing’s undo',
      );
      expect((await texts(eu, `${EDITOR} h3`))[0]).toBe('Background and aims');

      // The server's own render (the Markdown export) has the numbered outline's headings and the table.
      const markdown = await eu.evaluate(
        (id) => fetch(`/api/documents/${id}/export?format=md`).then((r) => r.text()),
        paper.id,
      );
      expect(markdown).toContain('| 欧盟项目 | 中国项目 |  |');
      expect(markdown).toContain('Background and aims');
      expect(markdown).toMatch(/\[(Scope|of|the|paper)\]\(https:\/\/www\.icpermed\.eu\)/);
    } finally {
      await rome.close();
      await beijing.close();
    }
  });
});
