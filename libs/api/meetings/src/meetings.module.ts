import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { MailModule } from '@roundtable/api-mail';
import { DocumentOwners, ProjectsModule } from '@roundtable/api-projects';
import { VersionsModule } from '@roundtable/api-versions';
import { CalendarFeedRegistry } from './calendar/calendar-feed.registry';
import { CalendarFeedsController } from './calendar/calendar-feeds.controller';
import { CalendarFeedsService } from './calendar/calendar-feeds.service';
import { MeetingsFeedSource } from './calendar/meetings-feed.source';
import { HolidaysService } from './holidays.service';
import { MeetingMailer } from './meeting.mailer';
import { MeetingRemindersService } from './meeting-reminders.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsPolicy } from './meetings.policy';
import { MeetingsService } from './meetings.service';
import { MinutesController } from './minutes/minutes.controller';
import { MinutesService } from './minutes/minutes.service';
import { MinutesIntegrityService } from './minutes/minutes-integrity.service';
import { ActionRemindersService } from './minutes/action-reminders.service';

/** Meetings, calendars and meeting mail; reminders need JobsModule and ClockModule (global). */
@Module({
  imports: [AuthModule, ProjectsModule, MailModule, CollaborationModule, VersionsModule],
  controllers: [MeetingsController, CalendarFeedsController, MinutesController],
  providers: [
    MeetingsService,
    MinutesService,
    MinutesIntegrityService,
    ActionRemindersService,
    MeetingRemindersService,
    MeetingMailer,
    HolidaysService,
    CalendarFeedRegistry,
    CalendarFeedsService,
    MeetingsFeedSource,
    MeetingsPolicy,
  ],
  // Other features (deliverable deadlines) register their own feed source with the registry.
  exports: [MeetingsService, MinutesService, CalendarFeedRegistry, HolidaysService, MeetingRemindersService],
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
