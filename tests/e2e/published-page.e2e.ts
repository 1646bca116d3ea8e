import { readFile } from 'fs/promises';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { readDocx, readPdf } from '../support/export-readers';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const ENGLISH = 'Published finding for every reader: cohorts share one consent form.';
const CHINESE = '面向所有读者的结论：队列使用统一的知情同意书。';

/**
 * A published paper in Chromium without login (ADR 031): /p/{slug} in English and, through the language
 * switch, in Chinese; DOCX and PDF downloads of the published version; the index; and not one request to
 * another host (fonts and styles come from this server).
 */
describe('a published paper in Chromium, without login', () => {
  let t: TestApp;
  let browser: Browser;
  let slug: string;
  let documentId: string;

  beforeAll(async () => {
    t = await startTestApp({ webDist: join(__dirname, '../../dist/web') });
    browser = await launchChromium();
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    [{ id: documentId }] = await t.dataSource.query(
      `SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id
        WHERE g.code = 'WG1' AND d.type = 'position-paper' ORDER BY d.created_at, d.id LIMIT 1`,
    );
    expect(
      (await coordinator.post(`/api/documents/${documentId}/paragraphs`, { paragraphs: [ENGLISH, CHINESE] })).status,
    ).toBe(200);
    const version = await coordinator.post(`/api/documents/${documentId}/versions`, { name: 'Final for the funders' });
    const publication = await coordinator.get(`/api/documents/${documentId}/publication`);
    const published = await coordinator.post(`/api/documents/${documentId}/publish`, {
      versionId: version.body.id,
      authorPersonIds: [publication.body.authorCandidates[0].personId],
    });
    expect(published.status).toBe(200);
    slug = published.body.slug;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the paper in both languages, downloads DOCX and PDF, and asks no other host for anything', async () => {
    const context = await browser.newContext({ locale: 'en', acceptDownloads: true });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    try {
      const page = await context.newPage();
      const response = await page.goto(`${t.baseUrl}/p/${slug}`);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const body = await page.textContent('body');
      expect(body).toContain(ENGLISH);
      expect(body).toContain(CHINESE);
      expect(body).toContain('How to cite');
      expect(body).toContain('D2.2 · M24');

      // The language switch: the same page in Chinese.
      await page.click('a[hreflang="zh-CN"]');
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.textContent('body')).toContain('引用格式');
      expect(await page.textContent('body')).toContain(ENGLISH);
      // The Chinese text is set in the self-hosted font, which the page fetched from this server.
      await page.waitForFunction(() => document.fonts.check('16px "Noto Sans SC"', '结论'));
      expect(requests.some((url) => url.startsWith(`${t.baseUrl}/p/_fonts/`))).toBe(true);

      const [docx] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/download/docx"]')]);
      expect(docx.suggestedFilename()).toBe(`${slug}-v1.docx`);
      const paragraphs = readDocx(await readFile((await docx.path()) as string)).paragraphs.map((p) => p.text);
      expect(paragraphs).toEqual(expect.arrayContaining([ENGLISH, CHINESE]));
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/download/pdf"]')]);
      expect(pdf.suggestedFilename()).toBe(`${slug}-v1.pdf`);
      const text = (await readPdf(await readFile((await pdf.path()) as string))).pages.join('');
      expect(text.replace(/\s+/g, '')).toContain(CHINESE);

      // The index lists it and links to it.
      await page.goto(`${t.baseUrl}/p`);
      await page.click(`a[href="/p/${slug}"]`);
      await page.waitForLoadState('networkidle');
      expect(await page.textContent('body')).toContain(ENGLISH);

      expect(requests.filter((url) => !url.startsWith(`${t.baseUrl}/`))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the deliverable page shows where its document is published; a coordinator unpublishes and publishes again', async () => {
    const context = await browser.newContext({ locale: 'en' });
    try {
      const page = await signIn(context, t.baseUrl, 'coordinator@example.org');
      page.on('dialog', (dialog) => void dialog.accept());
      const [{ item_id: itemId }] = await t.dataSource.query(
        'SELECT item_id FROM plan_item_documents WHERE document_id = $1 LIMIT 1',
        [documentId],
      );
      await page.goto(`${t.baseUrl}/plan/items/${itemId}`);
      const published = page.locator(`[data-document-id="${documentId}"] [data-testid="plan-document-published"]`);
      await published.waitFor();
      expect(await published.locator('a').getAttribute('href')).toBe(`/p/${slug}`);

      await page.goto(`${t.baseUrl}/documents/${documentId}`);
      await page.locator('[data-testid="publication-link"]').waitFor();
      await page.click('[data-testid="unpublish-document"]');
      await page.waitForSelector('[data-testid="publication-status"]:has-text("Withdrawn")');
      expect((await fetch(`${t.baseUrl}/p/${slug}`)).status).toBe(410);

      await page.click('[data-testid="publish-document"]');
      const form = page.locator('[data-testid="publish-form"]');
      const option = form.locator('select option:not([disabled])').first();
      await option.waitFor({ state: 'attached' });
      await form.locator('select').selectOption((await option.getAttribute('value')) as string);
      await form.locator('input[type="checkbox"]').first().check();
      await page.click('[data-testid="publish-submit"]');
      await page.locator('[data-testid="publication-link"]').waitFor();
      expect(await page.textContent('[data-testid="publication-status"]')).toContain('version 2');
      expect((await fetch(`${t.baseUrl}/p/${slug}`)).status).toBe(200);
    } finally {
      await context.close();
    }
  });
});
