export { MeetingsPage } from './lib/meetings.page';
export { MeetingPage } from './lib/meeting.page';
export { ScheduleMeetingPage } from './lib/schedule-meeting.page';
