import { signIn } from '../support/e2e-page';
import { startMailJourney, type MailJourney } from '../support/mail-journey';

describe('open call in Chromium: a visitor applies, a co-chair accepts, the emailed link brings them into the WG', () => {
  let journey: MailJourney;

  beforeAll(async () => {
    journey = await startMailJourney();
  });
  afterAll(() => journey?.stop());

  it('runs the whole recruitment journey', async () => {
    const { browser, sink, server } = journey;
    const coordinatorContext = await browser.newContext();
    const visitorContext = await browser.newContext();
    const coChairContext = await browser.newContext();
    const inviteeContext = await browser.newContext();
    try {
      // 1. The coordinator opens a call for WG1 and WG2.
      const coordinator = await signIn(coordinatorContext, server.baseUrl, 'coordinator@example.org');
      await coordinator.click('[data-testid="nav-calls"]');
      const form = '[data-testid="call-form"]';
      await coordinator.waitForSelector(form);
      await coordinator.fill(`${form} input[name="title.en"]`, 'Call for experts on personalised medicine');
      await coordinator.fill(`${form} input[name="title.zh"]`, '个性化医疗专家征集');
      await coordinator.fill(`${form} textarea[name="description.en"]`, 'Join a working group.');
      await coordinator.fill(`${form} textarea[name="description.zh"]`, '加入工作组。');
      await coordinator.fill(`${form} textarea[name="eligibility.en"]`, 'Senior experts.');
      await coordinator.fill(`${form} textarea[name="eligibility.zh"]`, '高级专家。');
      await coordinator.locator(`${form} input[name="workingGroupIds"]`).nth(0).check();
      await coordinator.locator(`${form} input[name="workingGroupIds"]`).nth(1).check();
      await coordinator.click(`${form} button[type="submit"]`);
      await coordinator.waitForSelector('[data-testid="call"]');
      const callId = await coordinator.locator('[data-testid="call"]').first().getAttribute('data-call-id');
      expect(callId).toMatch(/^[0-9a-f-]{36}$/);

      // 2. A visitor, not signed in, applies for WG1.
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${server.baseUrl}/apply/${callId}`);
      const apply = '[data-testid="apply-form"]';
      await visitor.waitForSelector(apply);
      await visitor.fill(`${apply} input[name="name"]`, 'Applicant from Shanghai');
      await visitor.fill(`${apply} input[name="email"]`, 'applicant@example.org');
      await visitor.selectOption(`${apply} select[name="country"]`, 'CN');
      await visitor.fill(`${apply} input[name="affiliation"]`, 'A university hospital');
      await visitor.selectOption(`${apply} select[name="sector"]`, 'academia');
      await visitor.fill(`${apply} input[name="expertise"]`, 'pharmacogenomics');
      await visitor.locator(`${apply} input[name="preferredWorkingGroupIds"]`).first().check();
      await visitor.fill(`${apply} textarea[name="motivation"]`, 'I want to help align EU and Chinese practice.');
      await visitor.fill(`${apply} textarea[name="conflictOfInterest"]`, 'None');
      await visitor.check(`${apply} input[name="consentGdpr"]`);
      await visitor.check(`${apply} input[name="consentPipl"]`);
      await visitor.click(`${apply} button[type="submit"]`);
      await visitor.waitForSelector('[data-testid="apply-success"]');

      // 2b. Nothing counts until the visitor opens the link mailed to them and confirms.
      const confirmation = await sink.waitForMessage(
        (m) => m.to.includes('applicant@example.org') && /\/apply\/confirm\//.test(m.text),
        15_000,
      );
      const confirmLink = /https?:\/\/\S+\/apply\/confirm\/[\w-]+/.exec(confirmation.text)?.[0];
      expect(confirmLink).toBeDefined();
      await visitor.goto(confirmLink!);
      await visitor.click('[data-testid="confirm-application-button"]');
      await visitor.waitForSelector('[data-testid="confirm-application-done"]');

      // 3. The WG1 co-chair reviews and accepts.
      const coChair = await signIn(coChairContext, server.baseUrl, 'wg1-eu-cochair@example.org');
      await coChair.goto(`${server.baseUrl}/calls/${callId}/applications`);
      await coChair.waitForSelector('[data-testid="application-row"]');
      await coChair.selectOption('[data-testid="review-form"] select[name="score"]', '5');
      await coChair.fill('[data-testid="review-form"] textarea[name="comment"]', 'Excellent fit for WG1');
      await coChair.click('[data-testid="review-submit"]');
      await coChair.waitForSelector('[data-testid="average-score"]');
      await coChair.click('[data-testid="accept-button"]');

      // 4. The invitation arrives over real SMTP; the invitee follows the link and creates the account.
      const mail = await sink.waitForMessage(
        (m) => m.to.includes('applicant@example.org') && /\/invitations\//.test(m.text),
        15_000,
      );
      const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(mail.text)?.[0];
      expect(link).toBeDefined();
      const invitee = await inviteeContext.newPage();
      await invitee.goto(link!);
      const accept = '[data-testid="accept-invitation-form"]';
      await invitee.waitForSelector(accept);
      await invitee.fill(`${accept} input[name="displayName"]`, 'New WG1 expert');
      await invitee.fill(`${accept} input[name="password"]`, 'a-long-password-123');
      await invitee.selectOption(`${accept} select[name="country"]`, 'CN');
      await invitee.click('[data-testid="accept-invitation"]');
      await invitee.waitForURL(/\/working-groups\//);
      await invitee.waitForSelector('[data-testid="current-user"]');

      // 5. Now a WG1 expert: edits WG1's paper, only reads WG2's.
      const documents = await (await inviteeContext.request.get(`${server.baseUrl}/api/documents`)).json();
      const wg1Paper = documents.find((d: { workingGroupCode: string }) => d.workingGroupCode === 'WG1');
      const wg2Paper = documents.find((d: { workingGroupCode: string }) => d.workingGroupCode === 'WG2');
      await invitee.goto(`${server.baseUrl}/documents/${wg1Paper.id}`);
      await invitee.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
      expect(await invitee.getAttribute('[data-testid="editor"]', 'data-editable')).toBe('true');
      await invitee.goto(`${server.baseUrl}/documents/${wg2Paper.id}`);
      await invitee.waitForSelector('[data-testid="read-only-banner"]');
      expect(await invitee.getAttribute('[data-testid="editor"]', 'data-editable')).toBe('false');

      // The link is single-use.
      const again = await visitorContext.newPage();
      await again.goto(link!);
      await again.waitForSelector('[data-testid="invitation-problem"]');
      expect(await again.getAttribute('[data-testid="invitation-problem"]', 'data-code')).toBe('INVITATION_USED');
    } finally {
      await Promise.all([
        coordinatorContext.close(),
        visitorContext.close(),
        coChairContext.close(),
        inviteeContext.close(),
      ]);
    }
  });
});
