import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EDITOR, editorText, signIn, typeAtEnd } from '../support/e2e-page';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A weekly WG1 series whose first occurrence was three days ago, so the next one is still to come. */
function startThreeDaysAgo(): string {
  const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T10:00`;
}

async function openMinutesDocument(page: Page): Promise<void> {
  await page.click('[data-testid="minutes-open-document"]');
  await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
  await page.waitForSelector(`${EDITOR} h1`);
}

describe('in Chromium: live minutes, circulation, approval by both co-chairs, sharing and action items', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
    await database?.drop();
    await browser?.close();
  });

  it('two co-chairs write the minutes live, circulate and approve them; another group reads them; the action follows its owner and the next agenda', async () => {
    const context = async () => {
      const created = await browser.newContext();
      contexts.push(created);
      return created;
    };
    const rome = await signIn(await context(), server.baseUrl, 'wg1-eu-cochair@example.org');
    const beijing = await signIn(await context(), server.baseUrl, 'wg1-cn-cochair@example.org');

    // A WG1 series (scheduling itself is covered by the meetings journey).
    const projectId = (
      (await (await rome.context().request.get(`${server.baseUrl}/api/projects`)).json()) as Array<{ id: string }>
    )[0].id;
    const groups = (await (await rome.context().request.get(`${server.baseUrl}/api/working-groups`)).json()) as Array<{
      id: string;
      code: string;
    }>;
    const response = await rome.context().request.post(`${server.baseUrl}/api/projects/${projectId}/meetings`, {
      data: {
        workingGroupId: groups.find((g) => g.code === 'WG1')!.id,
        type: 'wg-meeting',
        title: 'Weekly drafting call',
        timeZone: 'Europe/Rome',
        start: startThreeDaysAgo(),
        durationMinutes: 60,
        rrule: 'FREQ=WEEKLY;COUNT=4',
        agenda: [{ title: 'Chapter 2 draft' }],
      },
    });
    expect(response.status()).toBe(201);
    const meeting = (await response.json()) as { id: string };

    // Start minutes on the first occurrence: the template carries the agenda.
    await rome.goto(`${server.baseUrl}/meetings/${meeting.id}`);
    await rome.locator('[data-testid="occurrence"]').first().locator('[data-testid="minutes-start"]').click();
    await rome.waitForURL(/\/minutes\/[0-9a-f-]+$/);
    const minutesUrl = rome.url();
    await rome.waitForSelector('[data-testid="minutes-status"]');
    await rome.waitForSelector('[data-testid="minutes-status"][data-status="draft"]');

    // Both co-chairs write at the same time and see each other's words.
    await openMinutesDocument(rome);
    await beijing.goto(minutesUrl);
    await openMinutesDocument(beijing);
    expect(await editorText(rome)).toContain('Chapter 2 draft');
    await typeAtEnd(rome, 'Rome: the survey of hospitals is agreed.');
    await typeAtEnd(beijing, 'Beijing: biobank rules compared across provinces.');
    for (const page of [rome, beijing]) {
      await page.waitForFunction(() => {
        const text = document.querySelector('[data-testid="editor"] .ProseMirror')?.textContent ?? '';
        return text.includes('survey of hospitals is agreed') && text.includes('biobank rules compared');
      });
    }
    await rome.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    await beijing.waitForSelector('[data-testid="save-status"][data-state="saved"]');

    // An action item for the expert, then circulation for comments.
    await rome.goto(minutesUrl);
    await rome.fill('[data-testid="action-text"]', 'Send the biobank comparison to WG2');
    await rome.selectOption('[data-testid="action-owner"]', { label: 'WG1 expert' });
    await rome.fill('[data-testid="action-due"]', '2099-01-15');
    await rome.click('[data-testid="action-add"]');
    await rome.locator('[data-testid="action-item"]', { hasText: 'Send the biobank comparison to WG2' }).waitFor();
    await rome.click('[data-testid="minutes-circulate"]');
    await rome.waitForSelector('[data-testid="minutes-status"][data-status="circulated"]');
    await rome.waitForSelector('[data-testid="comments-until"]');

    // Both co-chairs approve; the second approval locks the minutes.
    await rome.click('[data-testid="minutes-approve"]');
    await rome.locator('[data-testid="approvals"] li', { hasText: 'WG1 EU co-chair' }).waitFor();
    expect(await rome.locator('[data-testid="minutes-approve"]').count()).toBe(0);
    expect(await rome.locator('[data-testid="minutes-status"][data-status="circulated"]').count()).toBe(1);
    await beijing.goto(minutesUrl);
    await beijing.click('[data-testid="minutes-approve"]');
    // (The China co-chair's interface is in Chinese: the status is checked by value, not by its words.)
    await beijing.waitForSelector('[data-testid="minutes-status"][data-status="approved"]');
    expect(await beijing.locator('[data-testid="approvals"] li').count()).toBe(2);

    // The document is read only now, for its authors too.
    await openMinutesDocument(beijing);
    await beijing.waitForSelector('[data-testid="locked-banner"]');
    expect(await beijing.locator(EDITOR).getAttribute('contenteditable')).toBe('false');

    // A member of another group finds the approved minutes in the archive and reads them.
    const wg3 = await signIn(await context(), server.baseUrl, 'wg3-eu-cochair@example.org');
    await wg3.click('[data-testid="nav-minutes"]');
    await wg3.fill('[data-testid="archive-q"]', 'biobank');
    await wg3.click('[data-testid="archive-submit"]');
    const entry = wg3.locator('[data-testid="archive-entry"]', { hasText: 'Weekly drafting call' });
    await entry.waitFor();
    expect(await wg3.locator('[data-testid="archive-entry"]').count()).toBe(1);
    await entry.locator('a').first().click();
    await wg3.waitForSelector('[data-testid="minutes-status"][data-status="approved"]');
    await openMinutesDocument(wg3);
    expect(await editorText(wg3)).toContain('Beijing: biobank rules compared across provinces.');
    // The document page shows the minutes' status (not the document row's "Draft") and leads back to them.
    expect(await wg3.innerText('[data-testid="document-status"]')).toBe('Approved');
    await wg3.click('[data-testid="document-back"]');
    await wg3.waitForSelector('[data-testid="minutes-status"][data-status="approved"]');

    // The action shows in its owner's "My actions" and on the next meeting's agenda.
    const expert = await signIn(await context(), server.baseUrl, 'wg1-expert@example.org');
    await expert.click('[data-testid="nav-my-actions"]');
    await expert
      .locator('[data-testid="my-actions"] [data-testid="action-item"]', {
        hasText: 'Send the biobank comparison to WG2',
      })
      .waitFor();
    await expert.goto(`${server.baseUrl}/meetings/${meeting.id}`);
    await expert
      .locator('[data-testid="carried-actions"] [data-testid="action-item"]', {
        hasText: 'Send the biobank comparison to WG2',
      })
      .waitFor();
  });
});
