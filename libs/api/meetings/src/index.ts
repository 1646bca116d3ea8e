export * from './meetings.entities';
export * from './meetings.module';
export { MeetingsService } from './meetings.service';
export type { MeetingRecord } from './meeting.record';
export { HolidaysService } from './holidays.service';
export { MeetingRemindersService, MEETING_REMINDER_JOB } from './meeting-reminders.service';
export { MinutesService } from './minutes/minutes.service';
export { minutesTemplate } from './minutes/minutes.template';
export { ActionRemindersService, ACTION_REMINDER_JOB } from './minutes/action-reminders.service';
