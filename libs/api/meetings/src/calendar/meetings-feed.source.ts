import { Injectable } from '@nestjs/common';
import { calendarView } from '../meeting.record';
import { MeetingQueries } from '../meeting.queries';
import type { CalendarFeedSource, FeedOwner, IcsEvent } from '@roundtable/api-calendars';
import { meetingEvents } from './meeting.ics';

/** Puts the meetings a person is invited to (cancelled ones too, so calendars drop them) into their feed. */
@Injectable()
export class MeetingsFeedSource implements CalendarFeedSource {
  readonly name = 'meetings';

  constructor(private readonly meetings: MeetingQueries) {}

  async eventsFor(owner: FeedOwner): Promise<IcsEvent[]> {
    if (!owner.personId) return [];
    const records = await this.meetings.recordsForInvitee(owner.personId);
    return records.flatMap((record) => meetingEvents(calendarView(record)));
  }
}
