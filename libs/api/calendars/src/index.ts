export { CALENDAR_ENTITIES, CalendarFeed } from './calendar-feed.entity';
export { CalendarsModule } from './calendars.module';
export { CalendarFeedRegistry, type CalendarFeedSource, type FeedOwner } from './calendar-feed.registry';
export {
  writeCalendar,
  type IcsAttendee,
  type IcsCalendar,
  type IcsEvent,
  type IcsPerson,
  type IcsWhen,
} from './ics.writer';
export { revokeCalendarFeedsOf } from './calendar-feed.personal-data';
