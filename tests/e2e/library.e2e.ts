import { readFile } from 'fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

async function downloadBytes(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { bytes: await readFile(path), name: download.suggestedFilename() };
}

describe('in Chromium: the working-documents library shared across groups', () => {
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

  it('a WG1 expert uploads with tags, a WG2 member finds it by tag and downloads it; a new version shows as two versions', async () => {
    const v1 = Buffer.from('country,consent_model\nIT,broad\nCN,specific\n', 'utf8');
    const v2 = Buffer.from('country,consent_model\nIT,broad\nCN,specific\nDE,dynamic\n', 'utf8');
    const fileName = 'WG1 数据共享 consent models.csv';
    const expertContext = await browser.newContext();
    const memberContext = await browser.newContext({ acceptDownloads: true });
    try {
      // The WG1 expert uploads from the group's page.
      const expert = await signIn(expertContext, server.baseUrl, 'wg1-expert@example.org');
      const groups = (await (await expertContext.request.get(`${server.baseUrl}/api/working-groups`)).json()) as Array<{
        id: string;
        code: string;
      }>;
      await expert.goto(`${server.baseUrl}/working-groups/${groups.find((g) => g.code === 'WG1')!.id}`);
      const section = expert.locator('[data-testid="wg-library"]');
      await section
        .locator('[data-testid="library-file-input"]')
        .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: v1 });
      await section
        .locator('[data-testid="library-description-input"]')
        .fill('Consent models by country, for the harmonisation workshop');
      await section.locator('[data-testid="library-tags-input"]').fill('Consent, e2e-shared');
      await section.locator('[data-testid="library-upload-submit"]').click();
      const row = section.locator(`[data-testid="library-file"][data-name="${fileName}"]`);
      await row.waitFor();
      expect(await row.locator('[data-testid="library-tag"], .tag').allTextContents()).toEqual([
        'consent',
        'e2e-shared',
      ]);

      // A WG2 member finds it in the project library by its tag and downloads the same bytes.
      const member = await signIn(memberContext, server.baseUrl, 'wg2-expert@example.org');
      await member.click('[data-testid="nav-library"]');
      await member.waitForSelector('[data-testid="library-files"]');
      await member.waitForSelector('[data-testid="library-tag-filter"] option[value="e2e-shared"]', {
        state: 'attached',
      });
      await member.selectOption('[data-testid="library-tag-filter"]', 'e2e-shared');
      await member.waitForFunction(() => document.querySelectorAll('[data-testid="library-file"]').length === 1);
      const found = member.locator('[data-testid="library-file"]');
      expect(await found.getAttribute('data-name')).toBe(fileName);
      const first = await downloadBytes(member, () => found.locator('[data-testid="library-download"]').click());
      expect(first.bytes.equals(v1)).toBe(true);
      expect(first.name).toBe(fileName);

      // The expert uploads a new version from the file's page.
      await row.locator('[data-testid="library-file-link"]').click();
      await expert.waitForSelector('[data-testid="library-version-form"]');
      await expert
        .locator('[data-testid="library-version-form"] [data-testid="library-file-input"]')
        .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: v2 });
      await expert.fill('[data-testid="library-version-note"]', 'Second row added.');
      await expert.click('[data-testid="library-version-form"] [data-testid="library-upload-submit"]');
      await expert.waitForFunction(() => document.querySelectorAll('[data-testid="library-version"]').length === 2);

      // The WG2 member sees two versions; the newest is the default download, the first is still there.
      await found.locator('[data-testid="library-file-link"]').click();
      await member.waitForSelector('[data-testid="library-versions"]');
      await member.waitForFunction(() => document.querySelectorAll('[data-testid="library-version"]').length === 2);
      expect(await member.locator('[data-testid="library-file-tags"] .tag').allTextContents()).toEqual([
        'consent',
        'e2e-shared',
      ]);
      expect(await member.locator('[data-testid="library-version-form"]').count()).toBe(0);
      expect(await member.locator('[data-testid="library-version-note-text"]').allTextContents()).toEqual([
        'Second row added.',
        '—',
      ]);
      const newest = await downloadBytes(member, () => member.click('[data-testid="library-download-latest"]'));
      expect(newest.bytes.equals(v2)).toBe(true);
      const older = await downloadBytes(member, () =>
        member.locator('[data-testid="library-version-download"]').nth(1).click(),
      );
      expect(older.bytes.equals(v1)).toBe(true);
    } finally {
      await expertContext.close();
      await memberContext.close();
    }
  });

  it('a file of the wrong type is refused by the server, explained in both languages, and not listed', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.baseUrl, 'wg1-expert@example.org');
      await page.click('[data-testid="nav-library"]');
      const form = page.locator('[data-testid="library-upload-form"]');
      await form.waitFor();
      // An HTML page disguised as a PDF passes the browser's extension check; the server's magic-byte check refuses it (415).
      await form.locator('[data-testid="library-file-input"]').setInputFiles({
        name: 'paper.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html>not a pdf</html>'),
      });
      await form.locator('[data-testid="library-upload-submit"]').click();
      const error = form.locator('[data-testid="field-error"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('its content does not match its extension');
      await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="field-error"]')?.textContent?.includes('文件内容与扩展名不符'),
      );
      expect(await page.locator('[data-testid="library-file"][data-name="paper.pdf"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
