import { HttpClient } from '../support/http-client';
import { parseIcs } from '../support/ical';
import { startTestApp, type TestApp } from '../support/test-app';

/** Deliverable and milestone deadlines in personal calendar feeds (issue #5 item 5), parsed back with ical.js. */
describe('deadlines in the personal calendar feed (real PostgreSQL)', () => {
  let t: TestApp;
  const clients: Record<string, HttpClient> = {};
  const items: Record<string, { id: string; title_en: string; title_zh: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['coordinator', 'wg1-eu-cochair', 'wg1-cn-cochair'])
      clients[who] = await new HttpClient(t.baseUrl).login(`${who}@example.org`);
    for (const row of await t.dataSource.query('SELECT id, number, title_en, title_zh FROM plan_items'))
      items[row.number] = row;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function feedOf(who: string) {
    const made = await clients[who].post('/api/me/calendar-feed');
    expect(made.status).toBe(201);
    const feed = await new HttpClient(t.baseUrl).get(new URL(made.body.url).pathname);
    expect(feed.status).toBe(200);
    return parseIcs(feed.body).events;
  }
  const deadline = (events: Awaited<ReturnType<typeof feedOf>>, number: string) =>
    events.find((e) => e.uid === `plan-item-${items[number].id}@roundtable`);

  it('lists each open milestone and deliverable as an all-day event on its due date, next to the meetings', async () => {
    const events = await feedOf('wg1-eu-cochair');
    const d22 = deadline(events, 'D2.2')!;
    expect(d22.startDate.isDate).toBe(true);
    expect(d22.startDate.toString()).toBe('2021-12-31');
    expect(d22.endDate.toString()).toBe('2022-01-01');
    expect(d22.summary).toBe(`D2.2 due (M24) — ${items['D2.2'].title_en}`);
    expect(d22.description).toContain(`/plan/items/${items['D2.2'].id}`);
    expect(d22.sequence).toBe(0);
    expect(deadline(events, 'MS1')!.startDate.toString()).toBe('2021-06-30');
    expect(deadline(events, 'D2.3')!.startDate.toString()).toBe('2022-06-30');
    // The meetings source still contributes: timed events of the person's meetings.
    expect(events.some((e) => !e.startDate.isDate)).toBe(true);
  });

  it('moves the event (same UID, higher SEQUENCE) when the item is re-baselined, in each reader’s language', async () => {
    const rebaselined = await clients.coordinator.post(`/api/plan-items/${items['D2.2'].id}/rebaseline`, {
      dueMonth: 26,
      reason: 'Workshop moved after the funders’ feedback',
    });
    expect(rebaselined.status).toBe(200);
    const d22 = deadline(await feedOf('wg1-eu-cochair'), 'D2.2')!;
    expect(d22.startDate.toString()).toBe('2022-02-28');
    expect(d22.sequence).toBe(1);
    expect(d22.summary).toBe(`D2.2 due (M26) — ${items['D2.2'].title_en}`);

    const chinese = deadline(await feedOf('wg1-cn-cochair'), 'D2.2')!;
    expect(chinese.startDate.toString()).toBe('2022-02-28');
    expect(chinese.summary).toBe(`D2.2 到期（M26）— ${items['D2.2'].title_zh}`);
  });

  it('drops an item once it is delivered', async () => {
    for (const status of ['in-progress', 'internal-review', 'submitted']) {
      const changed = await clients.coordinator.post(`/api/plan-items/${items['D2.3'].id}/status`, { status });
      if (changed.status !== 200) throw new Error(`${status}: ${JSON.stringify(changed.body)}`);
    }
    const events = await feedOf('wg1-eu-cochair');
    expect(deadline(events, 'D2.3')).toBeUndefined();
    expect(deadline(events, 'D2.2')).toBeDefined();
  });
});
