import { signIn } from '../support/e2e-page';
import { startMailJourney, type MailJourney } from '../support/mail-journey';

describe('privacy in Chromium: a member withdraws a consent, downloads their data and erases the account; the audit log shows both', () => {
  let journey: MailJourney;

  beforeAll(async () => {
    journey = await startMailJourney();
  });
  afterAll(() => journey?.stop());

  it('runs the journey', async () => {
    const { browser, server } = journey;
    const memberContext = await browser.newContext();
    const coordinatorContext = await browser.newContext();
    try {
      // 1. The account menu leads to Privacy; a consent is withdrawn with one click, at once.
      const page = await signIn(memberContext, server.baseUrl, 'wg3-expert@example.org');
      await page.click('[data-testid="current-user"]');
      await page.click('[data-testid="nav-privacy"]');
      await page.waitForSelector('[data-testid="consent"][data-purpose="directory"]');
      await page.click('[data-testid="consent"][data-purpose="directory"] [data-testid="consent-withdraw"]');
      await page.waitForSelector('[data-testid="consent"][data-purpose="directory"][data-answer="no"]');

      // 2. Download my data: prepared by a job, then a link to the ZIP.
      await page.click('[data-testid="data-export-request"]');
      const link = await page.waitForSelector('[data-testid="data-export-download"]', { timeout: 30_000 });
      const href = await link.getAttribute('href');
      const zip = await page.request.get(`${server.baseUrl}${href}`);
      expect(zip.status()).toBe(200);
      expect(zip.headers()['content-type']).toBe('application/zip');
      expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');

      // 3. Erase the account: a wrong password is refused by name, the right one erases and signs out.
      await page.fill('[data-testid="erase-form"] input[type="password"]', 'not my password');
      await page.click('[data-testid="erase-submit"]');
      await page.waitForSelector('[data-testid="erase-form"] [data-testid="field-error"]');
      await page.fill('[data-testid="erase-form"] input[type="password"]', 'roundtable-demo');
      await page.click('[data-testid="erase-submit"]');
      await page.waitForSelector('[data-testid="erased"]');
      expect(page.url()).toMatch(/\/privacy\?erased=\d+$/);
      expect((await page.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);

      // 4. A coordinator sees the export and the erasure in the audit log.
      const audit = await signIn(coordinatorContext, server.baseUrl, 'coordinator@example.org');
      await audit.click('[data-testid="current-user"]');
      await audit.click('[data-testid="nav-audit"]');
      await audit.waitForSelector('[data-testid="audit-action"]');
      await audit.selectOption('[data-testid="audit-action"]', 'privacy.erased');
      await audit.waitForSelector('[data-testid="audit-row"][data-action="privacy.erased"]');
      await audit.selectOption('[data-testid="audit-action"]', 'privacy.exportRequested');
      await audit.waitForSelector('[data-testid="audit-row"][data-action="privacy.exportRequested"]');
      expect(await audit.textContent('h1')).toBe('Audit log');
    } finally {
      await memberContext.close();
      await coordinatorContext.close();
    }
  });
});
