import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { poll } from '../support/poll';
import { readDocx } from '../support/export-readers';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The package's unicode ranges per subset number (regular weight). */
function subsetRanges(): Map<number, Array<[number, number]>> {
  const css = readFileSync(join(__dirname, '../../node_modules/@fontsource/noto-sans-sc/400.css'), 'utf8');
  const ranges = new Map<number, Array<[number, number]>>();
  for (const face of css.split('@font-face').slice(1)) {
    const subset = Number(/noto-sans-sc-(\d+)-400-normal\.woff2/.exec(face)?.[1]);
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1] ?? '';
    ranges.set(
      subset,
      range.split(',').map((part) => {
        const [lo, hi = lo] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(lo, 16), parseInt(hi, 16)];
      }),
    );
  }
  return ranges;
}

/** Issue #14 items 2 and 4 in the browser: the export menu, and the CJK font fetched only when needed. */
describe('in Chromium: exporting a paper, and the CJK font only for Chinese', () => {
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

  it('an English page fetches only the Noto Sans SC subsets of the Chinese it shows (none for Latin text)', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const fetched = new Set<number>();
      page.on('request', (request) => {
        const subset = /noto-sans-sc-(\d+)-\d+-normal/.exec(request.url());
        if (subset) fetched.add(Number(subset[1]));
      });
      await page.goto(`${server.baseUrl}/login`);
      await page.waitForSelector('input[name="email"]');
      await page.evaluate(() => document.fonts.ready);
      // What the page shows in Chinese: the language switch offers 中文 (a select lays out all its options).
      const shown = await page.evaluate(
        () => document.body.innerText + [...document.querySelectorAll('option')].map((o) => o.text).join(''),
      );
      const chinese = [...shown].filter((c) => c.codePointAt(0)! >= 0x2e80).map((c) => c.codePointAt(0)!);
      const ranges = subsetRanges();
      const needless = [...fetched].filter(
        (subset) => !chinese.some((cp) => (ranges.get(subset) ?? []).some(([lo, hi]) => cp >= lo && cp <= hi)),
      );
      expect(needless).toEqual([]);
      expect(fetched.size).toBeLessThanOrEqual(new Set(chinese).size);

      // A page of the app's styles with Latin text only (quotes, dashes, accents): no subset at all, even on a
      // machine whose system fonts do not cover it.
      const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(
        readFileSync(join(__dirname, '../../dist/web/index.html'), 'utf8'),
      )![1];
      const english = await context.newPage();
      const englishFetched: string[] = [];
      english.on('request', (request) => {
        if (/noto-sans-sc/.test(request.url())) englishFetched.push(request.url());
      });
      await english.route(`${server.baseUrl}/english-only`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="${stylesheet}"></head><body><main class="page"><h1>Position paper</h1><p>“Shared standards” — café, naïve, 2026.</p></main></body></html>`,
        }),
      );
      await english.goto(`${server.baseUrl}/english-only`);
      await english.waitForSelector('h1');
      await english.evaluate(() => document.fonts.ready);
      expect(englishFetched).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a reader exports the paper as DOCX from the document page, in either language', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await signIn(context, server.baseUrl, 'wg1-observer@example.org');
      const documents = (await (await context.request.get(`${server.baseUrl}/api/documents`)).json()) as Array<{
        id: string;
        workingGroupCode: string | null;
      }>;
      await page.goto(`${server.baseUrl}/documents/${documents.find((d) => d.workingGroupCode === 'WG1')!.id}`);
      const menu = page.locator('[data-testid="export-menu"]');
      await menu.locator('summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        menu.locator('[data-testid="export-docx"]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const docx = readDocx(await readFile(await download.path()));
      expect(docx.paragraphs.filter((p) => p.style === 'Title')).toHaveLength(1);

      await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="export-menu"] summary')?.textContent?.includes('导出'),
      );
    } finally {
      await context.close();
    }
  });
});

describe('npm start and PDF export', () => {
  it('says at start which Chromium PDF export uses, or clearly that it is off, and keeps serving', async () => {
    const database = await createTestDatabase();
    const withChromium = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'false' });
    try {
      await poll(
        () => withChromium.output(),
        (out) => /PDF export: .+\((CHROMIUM_PATH|system|npm): /.test(out),
        'the PDF export line',
        60_000,
      );
    } finally {
      await withChromium.stop();
    }
    const without = await startServerProcess({
      DATABASE_URL: database.url,
      DEMO: 'false',
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    try {
      const out = await poll(
        () => without.output(),
        (text) => /PDF export is OFF/.test(text),
        'the PDF-off warning',
        60_000,
      );
      expect(out).toMatch(
        /PDF export is OFF \(it answers 503 PDF_RENDERER_UNAVAILABLE; .*\): CHROMIUM_PATH=\/nonexistent\/chromium cannot start/,
      );
      expect((await fetch(`${without.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await without.stop();
      await database.drop();
    }
  });
});
