import { signIn } from '../support/e2e-page';
import { expandOccurrences, icsAttachment, parseIcs } from '../support/ical';
import { startMailJourney, type MailJourney } from '../support/mail-journey';

describe('meetings in Chromium: a co-chair finds a time, schedules a monthly series, invitees get the .ics, one answers', () => {
  let journey: MailJourney;

  beforeAll(async () => {
    journey = await startMailJourney();
  });
  afterAll(() => journey?.stop());

  it('runs the scheduling journey', async () => {
    const { browser, sink, server } = journey;
    const coChairContext = await browser.newContext({ timezoneId: 'Europe/Rome' });
    const inviteeContext = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    try {
      // 1. The WG3 EU co-chair opens Meetings and the schedule form.
      const coChair = await signIn(coChairContext, server.baseUrl, 'wg3-eu-cochair@example.org');
      await coChair.click('[data-testid="nav-meetings"]');
      await coChair.click('[data-testid="schedule-meeting"]');
      await coChair.waitForSelector('[data-testid="invitee-list"] input[type="checkbox"]');
      await coChair.fill('[data-testid="meeting-title"]', 'Monthly meeting on biobanking');
      await coChair.selectOption('[data-testid="meeting-zone"]', 'Europe/Rome');
      await coChair.fill('input[type="number"][max="1440"]', '60');

      // 2. Find a time for the whole group in the first half of March 2027.
      const finder = '[data-testid="find-a-time"]';
      await coChair.fill(`${finder} input[type="date"]`, '2027-03-01');
      await coChair.fill(`${finder} input[type="number"]`, '10');
      await coChair.click('[data-testid="find-a-time-run"]');
      await coChair.waitForSelector('[data-testid="slots"] li');
      // Each proposal shows the viewer's (Rome) time and the counterpart zones, Shanghai among them.
      const firstSlot = await coChair.locator('[data-testid="slots"] li').first().innerText();
      expect(firstSlot).toContain('Rome');
      expect(firstSlot).toContain('Shanghai');
      await coChair.locator('[data-testid="use-slot"]').first().click();
      const date = await coChair.inputValue('[data-testid="meeting-date"]');
      const time = await coChair.inputValue('[data-testid="meeting-time"]');
      expect(date >= '2027-03-01' && date <= '2027-03-10').toBe(true);
      expect(Number(time.slice(0, 2))).toBeGreaterThanOrEqual(8);

      // 3. Monthly, six times: the series crosses the end of March, so the DST warning shows.
      await coChair.selectOption('[data-testid="meeting-repeat"]', 'monthly');
      await coChair.fill('[data-testid="meeting-count"]', '6');
      await coChair.waitForSelector('[data-testid="dst-warning"]');
      expect(await coChair.innerText('[data-testid="dst-warning"]')).toContain('Shanghai');
      await coChair.click('[data-testid="meeting-submit"]');
      await coChair.waitForSelector('h1[data-testid="meeting-title"]');
      expect(await coChair.innerText('h1[data-testid="meeting-title"]')).toBe('Monthly meeting on biobanking');
      const meetingId = /\/meetings\/([0-9a-f-]{36})$/.exec(coChair.url())![1];
      expect(await coChair.locator('[data-testid="occurrence"]').count()).toBe(6);
      await coChair.waitForSelector('[data-testid="dst-warning"]');

      // 4. Invitees receive the invitation with the .ics; the Chinese co-chair's is in Chinese, and its
      //    occurrences (expanded by ical.js) are the ones the app shows.
      const mail = await sink.waitForMessage(
        (m) => m.to.includes('wg3-cn-cochair@example.org') && m.subject.includes('Monthly meeting on biobanking'),
        15_000,
      );
      expect(mail.subject).toBe('会议邀请：WG3 Monthly meeting on biobanking');
      const cookie = (await coChairContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const meeting = (await (
        await fetch(`${server.baseUrl}/api/meetings/${meetingId}`, { headers: { cookie } })
      ).json()) as { occurrences: Array<{ start: string }>; invitees: unknown[] };
      expect(expandOccurrences(parseIcs(icsAttachment(mail)).events)).toEqual(meeting.occurrences.map((o) => o.start));
      await sink.waitForMessage(
        (m) => m.to.includes('wg3-expert@example.org') && m.subject === 'Invitation: WG3 Monthly meeting on biobanking',
      );

      // 5. The Chinese co-chair opens the meeting (times in Shanghai first) and answers yes.
      const invitee = await signIn(inviteeContext, server.baseUrl, 'wg3-cn-cochair@example.org');
      await invitee.goto(`${server.baseUrl}/meetings/${meetingId}`);
      await invitee.waitForSelector('[data-testid="meeting-when"]');
      expect(await invitee.innerText('[data-testid="meeting-when"] [data-testid="zoned-time-mine"]')).toContain(
        'Shanghai',
      );
      await invitee.click('[data-testid="rsvp-yes"]');
      await invitee.waitForSelector('[data-testid="rsvp-yes"][aria-pressed="true"]');

      // 6. The organiser sees the answer.
      await coChair.reload();
      const row = coChair.locator('[data-testid="invitee"]', { hasText: 'WG3 China co-chair' });
      await row.waitFor();
      expect(await row.innerText()).toContain('Yes');

      // 7. The co-chair cancels the second meeting of the series; invitees' calendars drop it (EXDATE).
      // The button only asks (cancelling mails every invitee): "Keep it" leaves the meeting as it was.
      const second = coChair.locator('[data-testid="occurrence"]').nth(1);
      await second.locator('[data-testid="occurrence-cancel"]').click();
      const confirmation = second.locator('[data-testid="occurrence-cancel-confirm"]');
      expect(await confirmation.innerText()).toContain(`(${meeting.invitees.length})`);
      await second.locator('[data-testid="occurrence-cancel-no"]').click();
      await confirmation.waitFor({ state: 'detached' });
      expect(await second.locator('[data-testid="occurrence-cancel"]').count()).toBe(1);
      await second.locator('[data-testid="occurrence-cancel"]').click();
      await second.locator('[data-testid="occurrence-cancel-yes"]').click();
      await coChair.waitForSelector('[data-testid="occurrence"]:nth-child(2) [data-testid="occurrence-cancel"]', {
        state: 'detached',
      });
      const update = await sink.waitForMessage(
        (m) =>
          m.to.includes('wg3-cn-cochair@example.org') &&
          m.subject === '单次会议已取消：WG3 Monthly meeting on biobanking',
        15_000,
      );
      const remaining = expandOccurrences(parseIcs(icsAttachment(update)).events);
      expect(remaining).toEqual(meeting.occurrences.map((o) => o.start).filter((_, i) => i !== 1));
    } finally {
      await coChairContext.close();
      await inviteeContext.close();
    }
  });
});
