import { Injectable } from '@nestjs/common';
import { calendarView } from '../meeting.record';
import { MeetingsService } from '../meetings.service';
import type { CalendarFeedSource, FeedOwner } from './calendar-feed.registry';
import type { IcsEvent } from './ics.writer';
import { meetingEvents } from './meeting.ics';

/** Puts the meetings a person is invited to (cancelled ones too, so calendars drop them) into their feed. */
@Injectable()
export class MeetingsFeedSource implements CalendarFeedSource {
  readonly name = 'meetings';

  constructor(private readonly meetings: MeetingsService) {}

  async eventsFor(owner: FeedOwner): Promise<IcsEvent[]> {
    if (!owner.personId) return [];
    const records = await this.meetings.recordsForInvitee(owner.personId);
    return records.flatMap((record) => meetingEvents(calendarView(record)));
  }
}
