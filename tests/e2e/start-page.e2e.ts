import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { HttpClient } from '../support/http-client';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** `YYYY-MM-DD` of today plus `days` (UTC). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** With E2E_SCREENSHOTS_DIR set (e.g. docs/screenshots), keeps a full-page screenshot for the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  // Chinese font subsets load when their characters first appear: wait until none is loading.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.fonts.ready.then(() => document.fonts.status === 'loaded'));
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Whether the page's main content fits its width (no horizontal scrolling at 390 px). */
function mainFits(): boolean {
  const main = document.querySelector('main');
  return !!main && main.scrollWidth <= document.documentElement.clientWidth;
}

describe('in Chromium: the start page shows each person their next step (issue 13 item 1)', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServerProcess;
  const contexts: BrowserContext[] = [];
  let actionText: string;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO: 'true' });

    // A WG1 meeting tomorrow, and minutes of one three days ago with an action for the expert due two days ago.
    const coChair = await new HttpClient(server.baseUrl).login('wg1-eu-cochair@example.org');
    const coordinator = await new HttpClient(server.baseUrl).login('coordinator@example.org');
    const groups = (await coordinator.get('/api/working-groups')).body as Array<{
      id: string;
      code: string;
      projectId: string;
    }>;
    const wg1 = groups.find((g) => g.code === 'WG1')!;
    const wg2 = groups.find((g) => g.code === 'WG2')!;
    const members = (await coordinator.get(`/api/working-groups/${wg1.id}`)).body.members as Array<{
      personId: string;
      displayName: string;
      role: string;
    }>;
    const invitees = members.filter((m) => m.role !== 'observer').map((m) => m.personId);
    const expert = members.find((m) => m.role === 'expert')!.personId;
    const schedule = (title: string, date: string) =>
      coChair.post(`/api/projects/${wg1.projectId}/meetings`, {
        workingGroupId: wg1.id,
        type: 'wg-meeting',
        title,
        timeZone: 'Europe/Rome',
        start: `${date}T10:00`,
        durationMinutes: 60,
        agenda: [{ title: 'Paper outline' }],
        inviteePersonIds: invitees,
      });
    expect((await schedule('Start page drafting sprint', day(1))).status).toBe(201);
    const past = (await schedule('Start page review', day(-3))).body;
    const minutes = await coChair.post(`/api/meetings/${past.id}/minutes`, {
      occurrenceStart: past.occurrences[0].originalStart,
    });
    expect(minutes.status).toBe(201);
    actionText = 'Send the start page survey draft';
    const action = await coChair.post(`/api/minutes/${minutes.body.id}/actions`, {
      text: actionText,
      ownerPersonId: expert,
      dueOn: day(-2),
    });
    expect(action.status).toBe(201);
    expect((await coChair.post(`/api/minutes/${minutes.body.id}/circulate`, {})).status).toBe(200);

    // WG2 loses its European co-chair: the coordinator records the vacancy (ADR 028).
    const wg2Members = (await coordinator.get(`/api/working-groups/${wg2.id}`)).body.members as Array<{
      personId: string;
      role: string;
      region: string;
    }>;
    const outgoing = wg2Members.find((m) => m.role === 'co-chair' && m.region === 'europe')!.personId;
    const vacancy = await coordinator.request('DELETE', `/api/working-groups/${wg2.id}/members/${outgoing}`, {
      vacancyReason: 'Left the partner institution',
    });
    expect(vacancy.status).toBe(204);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
    await database?.drop();
    await browser?.close();
  });

  it('an expert in Rome (English, 390 px) finds the meeting tomorrow in both zones and the overdue action, and opens it', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/Rome', viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await signIn(context, server.baseUrl, 'wg1-expert@example.org');
    await page.waitForSelector('[data-testid="start-page"]');
    const meeting = page.locator('[data-testid="start-meeting"]', { hasText: 'Start page drafting sprint' });
    await meeting.waitFor();
    const when = await meeting.textContent();
    expect(when).toContain('10:00');
    expect(when).toMatch(/Rome/);
    expect(when).toMatch(/Shanghai/);
    const action = page.locator('[data-testid="start-action"][data-overdue="true"]', { hasText: actionText });
    await action.waitFor();
    expect(await action.textContent()).toContain('Overdue');
    expect(await page.locator('[data-testid="start-notifications"]').count()).toBe(1);
    expect(await page.evaluate(mainFits)).toBe(true);
    await screenshot(page, 'start-page-expert-en-390');

    await action.locator('a').click();
    await page.waitForURL(/\/minutes\/[0-9a-f-]+$/);
    await page.waitForSelector('[data-testid="minutes-status"]');
  });

  it('the coordinator in Shanghai (Chinese) sees the project’s risks, with the group missing a co-chair, and opens the group', async () => {
    const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    contexts.push(context);
    const page = await signIn(context, server.baseUrl, 'coordinator@example.org');
    await page.waitForSelector('[data-testid="start-page"]');
    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    const risks = page.locator('[data-testid="start-risks"]');
    await risks.waitFor();
    expect(await risks.locator('h2').textContent()).toBe('项目风险');
    const vacancy = page.locator('[data-testid="start-vacancy"]', { hasText: 'WG2' });
    await vacancy.waitFor();
    const overdue = page.locator('[data-testid="start-risk-actions"]', { hasText: actionText });
    await overdue.waitFor();
    await page.locator('[data-testid="start-risk-minutes"]', { hasText: 'Start page review' }).waitFor();
    await screenshot(page, 'start-page-coordinator-zh-1280');

    await vacancy.locator('a').click();
    await page.waitForURL(/\/working-groups\/[0-9a-f-]+$/);
    await page.waitForSelector('[data-testid="co-chair-vacancy"]');

    // The overview moved to the Project page; working groups and papers have their own menu entries.
    await page.click('[data-testid="nav-project"]');
    await page.waitForSelector('[data-testid="project-page"] [data-testid="project"]');
    await page.click('[data-testid="nav-papers"]');
    await page.waitForSelector('[data-testid="documents-page"] [data-testid="document-link"]');
  });

  it('a co-chair in Shanghai (Chinese, 390 px) is asked to approve the circulated minutes and opens them', async () => {
    const context = await browser.newContext({
      timezoneId: 'Asia/Shanghai',
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    contexts.push(context);
    const page = await signIn(context, server.baseUrl, 'wg1-cn-cochair@example.org');
    await page.waitForSelector('[data-testid="start-page"]');
    const request = page.locator('[data-testid="start-request"][data-kind="minutes-approval"]', {
      hasText: 'Start page review',
    });
    await request.waitFor();
    expect(await request.textContent()).toContain('批准');
    expect(await page.evaluate(mainFits)).toBe(true);
    await screenshot(page, 'start-page-cochair-zh-390');
    await request.locator('a').click();
    await page.waitForURL(/\/minutes\/[0-9a-f-]+$/);
    await page.waitForSelector('[data-testid="minutes-status"][data-status="circulated"]');
  });
});
