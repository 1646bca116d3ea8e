export { MeetingsPage } from './lib/meetings.page';
export { MeetingPage } from './lib/meeting.page';
export { ScheduleMeetingPage } from './lib/schedule-meeting.page';
export { MinutesPage } from './lib/minutes/minutes.page';
export { MinutesArchivePage } from './lib/minutes/minutes-archive.page';
export { MyActionsPage } from './lib/minutes/my-actions.page';
export { ZonedTimes } from './lib/zoned-times';
