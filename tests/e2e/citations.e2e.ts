import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { caretAtEnd, EDITOR, signIn } from '../support/e2e-page';
import { poll } from '../support/poll';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const BIBTEX = String.raw`@article{smith2020, author = {Smith, Jane and Wang, Li}, title = {Climate policy in the {EU} and {China}},
  journal = {Energy Policy}, year = {2020}, volume = {12}, pages = {1--10}}
@book{alpha2018, author = {Alpha, Bo}, title = {Research programmes compared}, publisher = {Coordinator Press}, year = 2018}`;

const P1 = `${EDITOR} > p:nth-of-type(1)`;
const P2 = `${EDITOR} > p:nth-of-type(2)`;

/** The labels the editor shows on its citations (data-label, drawn by CSS), in document order. */
function labels(page: Page): Promise<string[]> {
  return page
    .locator(`${EDITOR} span[data-citation]`)
    .evaluateAll((spans) => spans.map((span) => span.getAttribute('data-label') ?? ''));
}

/** The entries of the reference list block in the text. */
function listEntries(page: Page): Promise<string[]> {
  return page
    .locator(`${EDITOR} .bibliography__entry`)
    .evaluateAll((entries) => entries.map((entry) => entry.textContent ?? ''));
}

async function waitForLabels(page: Page, expected: string[]): Promise<void> {
  await poll(
    () => labels(page),
    (shown) => JSON.stringify(shown) === JSON.stringify(expected),
    `citation labels ${JSON.stringify(expected)}`,
    15_000,
  );
}

/** The id of the reference whose entry in the references panel contains `text`. */
function referenceId(page: Page, text: string): Promise<string> {
  return page
    .locator('[data-testid="reference-entries"] li', { hasText: text })
    .first()
    .evaluate((li) => li.getAttribute('data-reference-id') ?? '');
}

/** Opens the picker from the toolbar, ticks the references with the keyboard (Tab, Space), inserts (Enter). */
async function cite(page: Page, ids: string[]): Promise<void> {
  await page.getByTestId('toolbar-cite').click();
  await page.getByTestId('citation-picker').waitFor();
  for (const id of ids) {
    await page.getByTestId(`cite-choice-${id}`).focus();
    await page.keyboard.press('Space');
  }
  for (let i = 0; i < 10; i++) {
    if (await page.getByTestId('cite-insert').evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('citation-picker').waitFor({ state: 'detached' });
}

describe('citations in Chromium: an expert cites while a co-author edits nearby', () => {
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

  it('both see the same numbers, renumbered live, and the same reference list; exports agree', async () => {
    const rome = await browser.newContext();
    const beijing = await browser.newContext({ locale: 'zh-CN' });
    try {
      const expert = await signIn(rome, server.baseUrl, 'wg1-expert@example.org');
      const coAuthor = await signIn(beijing, server.baseUrl, 'wg1-cn-cochair@example.org');
      const documents = await expert.evaluate(() =>
        fetch('/api/documents').then(
          (r) => r.json() as Promise<Array<{ id: string; workingGroupCode: string | null }>>,
        ),
      );
      const paper = documents.find((d) => d.workingGroupCode === 'WG1')!;
      for (const page of [expert, coAuthor]) {
        await page.goto(`${server.baseUrl}/documents/${paper.id}`);
        await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
        await page.waitForSelector(`${EDITOR} h1`);
      }

      // The expert pastes BibTeX, then a DOI (recognised as one); no resolver: the DOI is kept alone.
      await expert.getByTestId('references-import-text').fill(BIBTEX);
      expect(await expert.getByTestId('references-import-format').inputValue()).toBe('bibtex');
      await expert.getByTestId('references-import-submit').click();
      await expert.getByTestId('references-import-done').waitFor();
      await expert.getByTestId('references-import-text').fill('doi:10.5555/joint.2022');
      expect(await expert.getByTestId('references-import-format').inputValue()).toBe('doi');
      await expert.getByTestId('references-import-submit').click();
      await poll(
        () => expert.getByTestId('references-import-done').textContent(),
        (text) => /without its details/.test(text ?? ''),
        'the DOI added',
      );
      for (const page of [expert, coAuthor])
        await poll(
          () => page.locator('[data-testid="reference-entries"] li').count(),
          (count) => count === 3,
          'three references in both panels',
          15_000,
        );
      const smith = await referenceId(expert, 'Smith');
      const alpha = await referenceId(expert, 'Alpha');
      const doi = await referenceId(expert, '10.5555');

      // The co-author types in the first paragraph while the expert cites in the second, then the first.
      await caretAtEnd(coAuthor, P1);
      const typing = coAuthor.keyboard.type(' 中欧合作', { delay: 60 });
      await caretAtEnd(expert, P2);
      await expert.keyboard.type(' See', { delay: 5 });
      await cite(expert, [alpha]);
      await waitForLabels(expert, ['(1)']);
      await typing;
      // The co-author's words have reached the expert before the expert cites at the end of that paragraph.
      await poll(
        () => expert.locator(P1).textContent(),
        (text) => (text ?? '').includes('中欧合作'),
        'the co-author’s text on the expert’s screen',
        15_000,
      );
      await caretAtEnd(expert, P1);
      await cite(expert, [smith, doi]);
      // Alpha, cited first until now, moves to 3: numbers follow the order of first citation.
      await waitForLabels(expert, ['(1,2)', '(3)']);
      await caretAtEnd(expert, P2);
      await cite(expert, [smith]);
      await expert.getByTestId('toolbar-bibliography').click();
      const expected = ['(1,2)', '(3)', '(1)'];
      await waitForLabels(expert, expected);
      await waitForLabels(coAuthor, expected);
      const entries = [
        '1. Smith J, Wang L. Climate policy in the EU and China. Energy Policy. 2020;12:1–10.',
        '2. doi:10.5555/joint.2022',
        '3. Alpha B. Research programmes compared. Coordinator Press; 2018.',
      ];
      for (const page of [expert, coAuthor])
        await poll(
          () => listEntries(page),
          (shown) => JSON.stringify(shown) === JSON.stringify(entries),
          'the reference list',
          15_000,
        );
      // Both kept the co-author's text.
      for (const page of [expert, coAuthor]) expect(await page.locator(P1).textContent()).toContain('中欧合作');

      // The server's render (the Markdown export) shows the same labels and list.
      const markdown = await expert.evaluate(
        (id) => fetch(`/api/documents/${id}/export?format=md`).then((r) => r.text()),
        paper.id,
      );
      expect(markdown).toMatch(/中欧合作\(1,2\)/);
      expect(markdown).toMatch(/See\(3\)\(1\)/);
      for (const entry of entries) expect(markdown).toContain(entry);

      // The co-author chooses APA for the document; the expert removes a reference: a broken marker for both.
      await coAuthor.getByTestId('citation-style').selectOption('apa');
      await poll(
        () => labels(expert),
        (shown) => shown[2] === '(Smith & Wang, 2020)',
        'APA labels',
        15_000,
      );
      await expert.getByTestId(`reference-remove-${alpha}`).click();
      await poll(
        () => labels(coAuthor),
        (shown) => shown[1] === '[?]',
        'the broken marker',
        15_000,
      );
      expect(
        await coAuthor.locator(`${EDITOR} span[data-citation][data-broken="true"]`).first().getAttribute('title'),
      ).toBe('该参考文献已从参考文献列表中移除');
    } finally {
      await rome.close();
      await beijing.close();
    }
  });
});
