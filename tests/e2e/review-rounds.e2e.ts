import { signIn } from '../support/e2e-page';
import { startMailJourney, type MailJourney } from '../support/mail-journey';

/**
 * Issue #15 items 2–3 in Chromium (ADR 041): a co-chair opens a round and invites a reviewer; the reviewer
 * (no account) opens the mailed link, comments on a sentence and answers in Chinese; an author records
 * "partly accepted" with a response and the change; the round becomes responded; the follow-up mail's link
 * shows the reviewer the answer.
 */
const SENTENCE = 'Medical schools in Europe and China should share one core curriculum for personalised medicine.';
const REVIEWER = 'officer@funder.example';

describe('review rounds in Chromium', () => {
  let journey: MailJourney;

  beforeAll(async () => {
    journey = await startMailJourney();
  });
  afterAll(() => journey?.stop());

  it('runs a round from opening to the follow-up mail', async () => {
    const { browser, sink, server } = journey;
    const staff = await browser.newContext({ locale: 'en' });
    const authors = await browser.newContext({ locale: 'en' });
    const outside = await browser.newContext({ locale: 'zh-CN' });
    try {
      // 1. The co-chair opens a round on the WG1 education outline, with a question, and invites a reviewer.
      const cochair = await signIn(staff, server.baseUrl, 'wg1-eu-cochair@example.org');
      const documents = (await (await cochair.request.get(`${server.baseUrl}/api/documents`)).json()) as Array<{
        id: string;
        title: { en: string };
      }>;
      const outline = documents.find((d) => d.title.en === 'Education and curricula for personalised medicine');
      expect(outline).toBeDefined();
      await cochair.goto(`${server.baseUrl}/documents/${outline!.id}`);
      await cochair.click('[data-testid="document-review-rounds"]');
      await cochair.fill('[data-testid="round-name"]', 'Funders’ review');
      await cochair.fill('[data-testid="round-instructions-en"]', 'Tell us what is missing.');
      await cochair.fill('[data-testid="round-instructions-zh"]', '请告诉我们还缺少什么。');
      await cochair.click('[data-testid="add-question"]');
      const question = cochair.locator('[data-testid="round-question"]').first();
      await question.locator('input').nth(0).fill('Relevance');
      await question.locator('input').nth(1).fill('相关性');
      await cochair.click('[data-testid="open-round"]');
      await cochair.waitForURL(/\/review-rounds\/[0-9a-f-]{36}$/);
      const roundUrl = cochair.url();
      await cochair.fill('[data-testid="invite-name"]', 'Programme officer');
      await cochair.fill('[data-testid="invite-email"]', REVIEWER);
      await cochair.fill('[data-testid="invite-organisation"]', 'Example Research Council');
      await cochair.selectOption('[data-testid="invite-locale"]', 'zh-CN');
      await cochair.click('[data-testid="invite-submit"]');
      await cochair.waitForSelector('[data-testid="reviewer"]');

      // 2. The reviewer opens the mailed link: the token is swapped for a session and leaves the address.
      const invitation = await sink.waitForMessage((m) => m.to.includes(REVIEWER), 15_000);
      expect(invitation.subject).toContain('邀请评审');
      const link = new RegExp(`${server.baseUrl}/review/link/([A-Za-z0-9_-]+)`).exec(invitation.text);
      expect(link).not.toBeNull();
      const reviewer = await outside.newPage();
      await reviewer.goto(link![0]);
      await reviewer.waitForURL(/\/review\/[0-9a-f-]{36}$/);
      expect(reviewer.url()).not.toContain(link![1]);
      await reviewer.waitForSelector('[data-testid="frozen-text"]');
      expect(await reviewer.textContent('[data-testid="instructions"]')).toBe('请告诉我们还缺少什么。');

      // 3. Selects the sentence, comments on it and answers the questionnaire in Chinese, then submits.
      await reviewer.locator('[data-testid="frozen-text"]').evaluate((root, sentence) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = (node.textContent ?? '').indexOf(sentence);
          if (index < 0) continue;
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + sentence.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
        throw new Error('sentence not found');
      }, SENTENCE);
      expect(await reviewer.textContent('[data-testid="selected-quote"]')).toBe(SENTENCE);
      await reviewer.fill('[data-testid="comment-body"]', '请说明由谁认证共同的核心课程。');
      await reviewer.click('[data-testid="add-comment"]');
      await reviewer.waitForSelector('[data-testid="my-comment"]');
      await reviewer.locator('[data-testid="question-q1"] input[type="radio"]').nth(3).check();
      await reviewer.fill('[data-testid="answer-q1"]', '与我们的人才培养重点高度相关。');
      await reviewer.click('[data-testid="save-answers"]');
      await reviewer.click('[data-testid="submit-review"]');
      await reviewer.waitForSelector('[data-testid="submitted"]');

      // 4. An author sees the comment beside the live text and records "partly accepted" with the change.
      const author = await signIn(authors, server.baseUrl, 'wg1-expert@example.org');
      await author.goto(roundUrl);
      const comment = author.locator('[data-testid="review-comment"]').first();
      await comment.waitFor();
      expect(await comment.locator('[data-testid="live-anchor"]').getAttribute('data-state')).toBe('same');
      await comment.locator('[data-testid="disposition"]').selectOption('partly-accepted');
      await comment.locator('[data-testid="response-en"]').fill('We name the accreditation bodies.');
      await comment.locator('[data-testid="response-zh"]').fill('我们列出了认证机构。');
      await comment.locator('[data-testid="change-links"]').fill(`/documents/${outline!.id}`);
      await comment.locator('[data-testid="save-disposition"]').click();
      await author.waitForFunction(() => document.body.textContent?.includes('1 of 1 comments have a disposition'));

      // 5. The co-chair closes the round and marks it responded.
      await cochair.reload();
      await cochair.click('[data-testid="close-round"]');
      await cochair.waitForSelector('[data-testid="respond-round"]');
      await cochair.click('[data-testid="respond-round"]');
      await cochair.waitForFunction(
        () => document.querySelector('[data-testid="round-status"]')?.textContent === 'Responded',
      );

      // 6. The follow-up mail, in Chinese, links to the reviewer's comments and the responses.
      const followUp = await sink.waitForMessage(
        (m) => m.to.includes(REVIEWER) && m.subject.includes('评审答复'),
        15_000,
      );
      const again = new RegExp(`${server.baseUrl}/review/link/[A-Za-z0-9_-]+`).exec(followUp.text);
      expect(again).not.toBeNull();
      const later = await outside.newPage();
      await later.goto(again![0]);
      await later.waitForSelector('[data-testid="my-comment-response"]');
      const answer = await later.textContent('[data-testid="my-comment-response"]');
      expect(answer).toContain('部分采纳');
      expect(answer).toContain('我们列出了认证机构。');
    } finally {
      await staff.close();
      await authors.close();
      await outside.close();
    }
  });
});
