import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { NotificationsModule } from '@roundtable/api-notifications';
import { ProjectsModule } from '@roundtable/api-projects';
import { CalendarFeedRegistry, CalendarsModule } from '@roundtable/api-calendars';
import { AttendanceCommands } from './attendance.commands';
import { MeetingsFeedSource } from './calendar/meetings-feed.source';
import { FindTimeQuery } from './find-a-time.query';
import { HolidaysService } from './holidays.service';
import { MeetingChecks } from './meeting.checks';
import { MeetingMailer } from './meeting.mailer';
import { MeetingQueries } from './meeting.queries';
import { MeetingRepository } from './meeting.repository';
import { MeetingRemindersService } from './meeting-reminders.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsPolicy } from './meetings.policy';
import { MeetingsService } from './meetings.service';
import { OccurrenceCommands } from './occurrence.commands';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { SetWorkingHoursCommand } from './set-working-hours.command';
import { UpdateMeetingCommand } from './update-meeting.command';

/**
 * Meetings, meeting mail and reminders, and the meetings' events in personal calendar feeds (registered with
 * CalendarsModule); reminders need JobsModule and ClockModule (global).
 */
@Module({
  imports: [AuthModule, ProjectsModule, MailModule, NotificationsModule, CalendarsModule],
  controllers: [MeetingsController],
  providers: [
    MeetingRepository,
    MeetingChecks,
    MeetingQueries,
    FindTimeQuery,
    ScheduleMeetingCommand,
    UpdateMeetingCommand,
    OccurrenceCommands,
    AttendanceCommands,
    SetWorkingHoursCommand,
    MeetingsService,
    MeetingRemindersService,
    MeetingMailer,
    HolidaysService,
    MeetingsFeedSource,
    MeetingsPolicy,
  ],
  // Minutes read meetings and mail their invitees.
  exports: [MeetingsService, MeetingMailer, HolidaysService, MeetingRemindersService],
})
export class MeetingsModule implements OnModuleInit {
  constructor(
    private readonly registry: CalendarFeedRegistry,
    private readonly meetingsSource: MeetingsFeedSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.meetingsSource);
  }
}
