export * from './meetings.entities';
export * from './meetings.module';
export { MeetingsService } from './meetings.service';
export type { MeetingRecord } from './meeting.record';
export { CalendarFeedRegistry, type CalendarFeedSource, type FeedOwner } from './calendar/calendar-feed.registry';
export type { IcsEvent, IcsWhen } from './calendar/ics.writer';
export { HolidaysService } from './holidays.service';
export { MinutesService } from './minutes/minutes.service';
export { minutesTemplate } from './minutes/minutes.template';
