import { signIn } from '../support/e2e-page';
import { startMailJourney, type MailJourney } from '../support/mail-journey';

describe('passwords in Chromium: forgot → emailed link → new password; account page: change it, sign out everywhere', () => {
  let journey: MailJourney;

  beforeAll(async () => {
    journey = await startMailJourney();
  });
  afterAll(() => journey?.stop());

  it('runs the password journey in Chinese', async () => {
    const { browser, sink, server } = journey;
    const email = 'wg2-cn-cochair@example.org';
    const context = await browser.newContext({ locale: 'zh-CN' });
    const otherDevice = await browser.newContext();
    try {
      // 1. Forgot password, from the login page.
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.click('[data-testid="forgot-password-link"]');
      await page.fill('[data-testid="forgot-password-form"] input[name="email"]', email);
      await page.click('[data-testid="forgot-password-form"] button[type="submit"]');
      await page.waitForSelector('[data-testid="reset-requested"]');

      // 2. The mail, in the account's language, carries the link to this server.
      const mail = await sink.waitForMessage((m) => m.to.includes(email), 15_000);
      expect(mail.subject).toBe('重置您的 Roundtable 密码');
      const link = new RegExp(`${server.baseUrl}/reset-password/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
      expect(link).toBeDefined();

      // 3. A weak password is refused by name; a good one is set.
      await page.goto(link!);
      await page.fill('input[name="newPassword"]', 'aaaaaaaaaa');
      await page.fill('input[name="repeatPassword"]', 'aaaaaaaaaa');
      await page.click('[data-testid="reset-password-form"] button[type="submit"]');
      await page.waitForSelector('[data-testid="field-error"]');
      await page.fill('input[name="newPassword"]', 'juniper-lantern-river-8');
      await page.fill('input[name="repeatPassword"]', 'juniper-lantern-river-8');
      await page.click('[data-testid="reset-password-form"] button[type="submit"]');
      await page.waitForSelector('[data-testid="reset-done"]');

      // 4. Sign in with it on two devices; change it on the account page.
      await page.close();
      const elsewhere = await signIn(otherDevice, server.baseUrl, email, 'juniper-lantern-river-8');
      const here = await signIn(context, server.baseUrl, email, 'juniper-lantern-river-8');
      await here.click('[data-testid="current-user"]'); // the account menu
      await here.click('[data-testid="nav-account"]');
      await here.fill('input[name="currentPassword"]', 'juniper-lantern-river-8');
      await here.fill('input[name="newPassword"]', 'copper-meadow-falcon-3');
      await here.fill('input[name="repeatPassword"]', 'copper-meadow-falcon-3');
      await here.click('[data-testid="change-password-submit"]');
      await here.waitForSelector('[data-testid="password-changed"]');
      // The other device's session ended with the change.
      expect((await elsewhere.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);

      // 5. Sign out everywhere ends this session too and shows the login page.
      await here.click('[data-testid="sign-out-everywhere"]');
      await here.waitForURL(/\/login$/);
      expect((await here.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);
    } finally {
      await context.close();
      await otherDevice.close();
    }
  });
});
