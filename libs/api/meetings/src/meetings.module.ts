import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { MailModule } from '@roundtable/api-mail';
import { DocumentOwners, ProjectsModule } from '@roundtable/api-projects';
import { VersionsModule } from '@roundtable/api-versions';
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
import { MinutesController } from './minutes/minutes.controller';
import { MinutesService } from './minutes/minutes.service';
import { MinutesIntegrityService } from './minutes/minutes-integrity.service';
import { ActionRemindersService } from './minutes/action-reminders.service';

/**
 * Meetings, meeting mail and reminders, and the meetings' events in personal calendar feeds (registered with
 * CalendarsModule); reminders need JobsModule and ClockModule (global).
 */
@Module({
  imports: [AuthModule, ProjectsModule, MailModule, CollaborationModule, VersionsModule, CalendarsModule],
  controllers: [MeetingsController, MinutesController],
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
    MinutesService,
    MinutesIntegrityService,
    ActionRemindersService,
    MeetingRemindersService,
    MeetingMailer,
    HolidaysService,
    MeetingsFeedSource,
    MeetingsPolicy,
  ],
  exports: [MeetingsService, MinutesService, HolidaysService, MeetingRemindersService],
})
export class MeetingsModule implements OnModuleInit {
  constructor(
    private readonly registry: CalendarFeedRegistry,
    private readonly meetingsSource: MeetingsFeedSource,
    private readonly documentOwners: DocumentOwners,
    private readonly minutes: MinutesService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.meetingsSource);
    this.documentOwners.register((documentId) => this.minutes.ownerOf(documentId));
  }
}
