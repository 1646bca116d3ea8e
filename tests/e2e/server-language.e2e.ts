import { signIn } from '../support/e2e-page';
import { startMailJourney, type MailJourney } from '../support/mail-journey';

/** The Chinese the web catalogs hold for what this journey provokes (libs/web/i18n, zh-CN). */
const ZH = {
  validationFailed: '您输入的部分信息无效。',
  conflict: '此操作与已有内容冲突，或相关内容已被他人修改。',
  /** form.fieldInvalid around validation.isEmail and validation.maxLength (max 120). */
  isEmail: '请检查此项：请输入有效的电子邮箱地址。',
  maxLength: '请检查此项：最多 120 个字符。',
  alreadyMember: '此人已是 WG1 的成员。',
};

const HAN = /[\u4e00-\u9fff]/;

describe('in Chromium: server text in the reader’s language (issue 17 item 2, ADR 044)', () => {
  let journey: MailJourney;

  beforeAll(async () => {
    journey = await startMailJourney();
  });
  afterAll(() => journey?.stop());

  it('a Chinese co-chair reads the server’s refusals in Chinese, and the invitation they send is written in Chinese', async () => {
    const { browser, sink, server } = journey;
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await signIn(context, server.baseUrl, 'wg1-cn-cochair@example.org');
      const groups = (await (await page.request.get(`${server.baseUrl}/api/working-groups`)).json()) as Array<{
        id: string;
        code: string;
      }>;
      await page.goto(`${server.baseUrl}/working-groups/${groups.find((g) => g.code === 'WG1')!.id}`);
      const form = page.locator('[data-testid="invite-form"]');
      await form.waitFor();

      // 1. An invalid form (the browser does not check it: noValidate): the server's 400 names each field with
      //    a code and its parameters, and the page says them in Chinese.
      await form.locator('input[name="email"]').fill('not-an-email');
      await form.locator('input[name="displayName"]').fill('名'.repeat(121));
      await form.locator('button[type="submit"]').click();
      const alert = form.locator('[data-testid="invite-error"]');
      await alert.waitFor();
      expect(await alert.getAttribute('data-code')).toBe('VALIDATION_FAILED');
      expect(await alert.innerText()).toContain(ZH.validationFailed);
      const fieldErrors = await form.locator('[data-testid="field-error"]').allInnerTexts();
      expect(fieldErrors).toEqual([ZH.isEmail, ZH.maxLength]);
      // Nothing of the server's English developer text reaches the reader.
      expect(await form.innerText()).not.toMatch(/must|invalid|characters/i);

      // 2. A domain rule, by its code: inviting someone who is already a member.
      await form.locator('input[name="displayName"]').fill('');
      await form.locator('input[name="email"]').fill('wg1-expert@example.org');
      await form.locator('button[type="submit"]').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="invite-error"]')?.getAttribute('data-code') === 'CONFLICT',
      );
      const rule = await alert.innerText();
      expect(rule).toContain(ZH.conflict);
      expect(rule).toContain(ZH.alreadyMember);
      expect(rule).not.toContain('already');

      // 3. A valid invitation to an address without an account: the mail is in the inviter's language, the
      //    expiry in the inviter's zone.
      await form.locator('input[name="email"]').fill('future-expert@example.org');
      await form.locator('button[type="submit"]').click();
      await form.locator('[data-testid="invite-sent"]').waitFor();
      const mail = await sink.waitForMessage((m) => m.to.includes('future-expert@example.org'), 15_000);
      expect(mail.subject).toBe('邀请您以专家身份加入 WG1「塑造可持续的医疗」');
      expect(mail.text).toMatch(/有效期至 .+ \(Shanghai, GMT\+8\)/);
      expect(HAN.test(mail.html ?? '')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
