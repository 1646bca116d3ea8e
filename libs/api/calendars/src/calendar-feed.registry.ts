import { Injectable } from '@nestjs/common';
import type { IcsEvent } from './ics.writer';

/** Whose feed is being built. */
export interface FeedOwner {
  userId: string;
  personId: string | null;
  platformRole: 'admin' | 'coordinator' | 'member';
}

/**
 * Something that puts events into personal calendar feeds: meetings now; deliverable deadlines (all-day
 * events, `when: { kind: 'all-day' }`) register their own source from their module's onModuleInit.
 */
export interface CalendarFeedSource {
  readonly name: string;
  eventsFor(owner: FeedOwner): Promise<IcsEvent[]>;
}

@Injectable()
export class CalendarFeedRegistry {
  private readonly sources: CalendarFeedSource[] = [];

  register(source: CalendarFeedSource): void {
    if (!this.sources.some((s) => s.name === source.name)) this.sources.push(source);
  }

  async eventsFor(owner: FeedOwner): Promise<IcsEvent[]> {
    const lists = await Promise.all(this.sources.map((s) => s.eventsFor(owner)));
    return lists.flat();
  }
}
