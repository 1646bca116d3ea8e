import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../libs/api/database/src/embedded-postgres';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/e2e-page';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Left edge of an element relative to the timeline's item lane, as a share of its width. */
async function laneShare(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel) as HTMLElement;
    const lane = element.parentElement as HTMLElement;
    return (
      (element.getBoundingClientRect().left - lane.getBoundingClientRect().left) / lane.getBoundingClientRect().width
    );
  }, selector);
}

describe('in Chromium: the coordinator’s deadline dashboard', () => {
  let browser: Browser;
  let database: TestDatabase;
  let sink: SmtpSink;
  let server: ServerProcess;
  let port: number;
  // The server's clock: 11 days before D2.2 (due at M24, 31 Dec 2021); reminders swept every second.
  const serverEnv = (clock: string) => ({
    DATABASE_URL: database.url,
    DEMO: 'true',
    SMTP_URL: sink.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ROUNDTABLE_CLOCK: clock,
    REMINDER_SWEEP_SECONDS: '1',
  });

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    sink = await startSmtpSink();
    port = await freePort();
    server = await startServerProcess(serverEnv('2021-12-20T08:00:00Z'), port);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await sink?.close();
    await browser?.close();
  });

  it('places M18/M24/M30 on the timeline, follows a co-chair’s paper to final, flags overdue when the clock passes the due date, and e-mails reminders', async () => {
    const coordinatorContext = await browser.newContext();
    const coChairContext = await browser.newContext();
    try {
      const coordinator = await signIn(coordinatorContext, server.baseUrl, 'coordinator@example.org');
      await coordinator.click('[data-testid="nav-plan"]');
      await coordinator.waitForSelector('[data-testid="timeline-item"][data-number="D2.3"]');

      // 1. The timeline: each item at the end of its due month on a 48-month axis, today's line in M24.
      const months = await coordinator.$$eval('[data-testid="timeline-item"]', (items) =>
        items.map((i) => [i.getAttribute('data-number'), Number(i.getAttribute('data-month'))]),
      );
      expect(months).toEqual([
        ['MS1', 18],
        ['D2.2', 24],
        ['D2.3', 30],
      ]);
      const marker = (n: string) => `[data-testid="timeline-item"][data-number="${n}"]`;
      // The marker is centred on its month end (half a marker to the left of it).
      const slack = 0.02;
      expect(Math.abs((await laneShare(coordinator, marker('MS1'))) - 18 / 48)).toBeLessThan(slack);
      expect(Math.abs((await laneShare(coordinator, marker('D2.2'))) - 24 / 48)).toBeLessThan(slack);
      expect(Math.abs((await laneShare(coordinator, marker('D2.3'))) - 30 / 48)).toBeLessThan(slack);
      const today = await laneShare(coordinator, '[data-testid="timeline-today"]');
      expect(today).toBeGreaterThan(23 / 48);
      expect(today).toBeLessThan(24 / 48);
      await expect(coordinator.textContent('[data-testid="timeline"] figcaption')).resolves.toContain(
        'M24 · 20 Dec 2021',
      );
      const risks = await coordinator.$$eval('[data-testid="timeline-item"]', (items) =>
        items.map((i) => i.getAttribute('data-risk')),
      );
      expect(risks).toEqual(['overdue', 'at-risk', 'on-track']);
      const d22 = coordinator.locator('[data-testid="upcoming-item"][data-number="D2.2"]');
      await expect(d22.locator('[data-testid="risk-badge"]').textContent()).resolves.toBe('At risk');
      await expect(d22.textContent()).resolves.toContain('M24 · 31 Dec 2021');

      // 2. Reminder e-mails arrive over SMTP, to the coordinator among others.
      const reminder = await sink.waitForMessage(
        (m) => m.to.includes('coordinator@example.org') && m.subject.includes('D2.2'),
        20_000,
      );
      expect(reminder.subject).toBe('Reminder: D2.2 is due at M24 (December 31, 2021)');
      expect(reminder.text).toContain(`http://127.0.0.1:${port}/plan/items/`);
      await sink.waitForMessage(
        (m) => m.to.includes('wg1-cn-cochair@example.org') && m.subject.includes('D2.2'),
        20_000,
      );

      // 3. Readiness follows the documents: a WG1 co-chair moves a paper from draft to final.
      await d22.getByTestId('upcoming-item-link').click();
      await coordinator.waitForSelector('[data-testid="item-readiness"]');
      const before = Number(await coordinator.getAttribute('[data-testid="item-readiness"]', 'data-value'));
      const itemUrl = coordinator.url();

      const coChair = await signIn(coChairContext, server.baseUrl, 'wg1-eu-cochair@example.org');
      await coChair.goto(itemUrl);
      const draft = coChair
        .locator('[data-testid="plan-document"][data-status="draft"]', {
          has: coChair.locator('[data-testid="document-status-select"]'),
        })
        .first();
      const documentId = await draft.getAttribute('data-document-id');
      await draft.locator('[data-testid="document-status-select"]').selectOption('final');
      await coChair.waitForSelector(
        `[data-testid="plan-document"][data-document-id="${documentId}"][data-status="final"]`,
      );
      // Another group's paper has no control for this co-chair.
      await expect(coChair.locator('[data-testid="plan-document"]').count()).resolves.toBe(7);
      await expect(coChair.locator('[data-testid="document-status-select"]').count()).resolves.toBe(2);

      await coordinator.reload();
      await coordinator.waitForSelector(
        `[data-testid="plan-document"][data-document-id="${documentId}"][data-status="final"]`,
      );
      const after = Number(await coordinator.getAttribute('[data-testid="item-readiness"]', 'data-value'));
      expect(after).toBeGreaterThan(before);
      await expect(
        coordinator.getAttribute(
          `[data-testid="plan-document"][data-document-id="${documentId}"] [data-testid="document-progress"]`,
          'data-value',
        ),
      ).resolves.toBe('100');

      // The same control sits on the group's page: the co-chair moves the other WG1 paper on to draft.
      const groups = (await (
        await coChairContext.request.get(`${server.baseUrl}/api/working-groups`)
      ).json()) as Array<{ id: string; code: string }>;
      await coChair.goto(`${server.baseUrl}/working-groups/${groups.find((g) => g.code === 'WG1')!.id}`);
      const outline = coChair.locator('[data-testid="document-status"][data-status="outline"]').first();
      await outline.locator('select').selectOption('draft');
      await coChair.waitForSelector('[data-testid="document-status"][data-status="outline"]', { state: 'detached' });
      await coordinator.reload();
      await coordinator.waitForSelector('[data-testid="item-readiness"]');
      expect(Number(await coordinator.getAttribute('[data-testid="item-readiness"]', 'data-value'))).toBeGreaterThan(
        after,
      );

      // 4. The server's clock passes the due date (restart on the same database): D2.2 is flagged overdue.
      const remindersBefore = sink.messages.length;
      await server.stop();
      server = await startServerProcess(serverEnv('2022-01-05T08:00:00Z'), port);
      await coordinator.goto(`${server.baseUrl}/plan`);
      await coordinator.waitForSelector('[data-testid="timeline-item"][data-number="D2.2"][data-risk="overdue"]');
      await expect(
        coordinator
          .locator('[data-testid="upcoming-item"][data-number="D2.2"] [data-testid="risk-badge"]')
          .textContent(),
      ).resolves.toBe('Overdue');
      await expect(
        coordinator.locator('[data-testid="upcoming-item"][data-number="D2.2"]').textContent(),
      ).resolves.toContain('5 days overdue');
      // Past the due date no reminder is due: the restarted server sends nothing.
      expect(sink.messages.length).toBe(remindersBefore);
    } finally {
      await coordinatorContext.close();
      await coChairContext.close();
    }
  });
});
