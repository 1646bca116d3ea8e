export * from './meetings.entities';
export * from './meetings.module';
export { MeetingsService } from './meetings.service';
export type { MeetingRecord } from './meeting.record';
export { HolidaysService } from './holidays.service';
export { MeetingRemindersService, MEETING_REMINDER_JOB } from './meeting-reminders.service';
export { MeetingMailer } from './meeting.mailer';
export { occurrencesFor, publicBaseUrl } from './meeting.record';
