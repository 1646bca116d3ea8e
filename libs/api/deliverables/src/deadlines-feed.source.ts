import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { publicBaseUrl } from '@roundtable/api-platform';
import type { CalendarFeedSource, FeedOwner, IcsEvent } from '@roundtable/api-calendars';
import type { PlanDeadlineDto } from '@roundtable/contracts';
import { DataSource } from 'typeorm';
import { PlanService } from './plan.service';

/**
 * Puts a person's open milestone and deliverable deadlines into their calendar feed as all-day events.
 * One UID per item: a re-baseline moves the event (SEQUENCE = number of re-baselines) instead of leaving the
 * old date behind in calendars; delivered items leave the feed.
 */
@Injectable()
export class DeadlinesFeedSource implements CalendarFeedSource {
  readonly name = 'deliverable-deadlines';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plan: PlanService,
  ) {}

  async eventsFor(owner: FeedOwner): Promise<IcsEvent[]> {
    if (!owner.personId) return [];
    const [deadlines, users] = await Promise.all([
      this.plan.deadlinesForPerson(owner.personId),
      this.dataSource.query<Array<{ locale: string }>>('SELECT locale FROM users WHERE id = $1', [owner.userId]),
    ]);
    const chinese = users[0]?.locale === 'zh-CN';
    const base = publicBaseUrl();
    return deadlines.map((d) => deadlineEvent(d, chinese, `${base}/plan/items/${d.itemId}`));
  }
}

export function deadlineEvent(d: PlanDeadlineDto, chinese: boolean, link: string): IcsEvent {
  const summary = chinese
    ? `${d.number} 到期（M${d.dueMonth}）— ${d.title.zh || d.title.en}`
    : `${d.number} due (M${d.dueMonth}) — ${d.title.en}`;
  const kind = chinese
    ? d.kind === 'milestone'
      ? '里程碑'
      : '交付成果'
    : d.kind === 'milestone'
      ? 'Milestone'
      : 'Deliverable';
  return {
    uid: `plan-item-${d.itemId}@roundtable`,
    sequence: d.rebaselines,
    // Stable between fetches unless re-baselined, so clients do not see a change on every poll.
    stamp: new Date(d.rebaselinedAt ?? `${d.dueDate}T00:00:00Z`),
    summary,
    description: `${kind} ${d.number}\n${link}`,
    url: link,
    when: { kind: 'all-day', date: d.dueDate },
  };
}
