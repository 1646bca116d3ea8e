import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
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

/** Meetings, calendars and meeting mail; reminders need JobsModule and ClockModule (global). */
@Module({
  imports: [AuthModule, ProjectsModule, MailModule],
  controllers: [MeetingsController, CalendarFeedsController],
  providers: [
    MeetingsService,
    MeetingRemindersService,
    MeetingMailer,
    HolidaysService,
    CalendarFeedRegistry,
    CalendarFeedsService,
    MeetingsFeedSource,
    MeetingsPolicy,
  ],
  // Other features (deliverable deadlines) register their own feed source with the registry; minutes read
  // meetings and mail their invitees.
  exports: [MeetingsService, MeetingMailer, CalendarFeedRegistry, HolidaysService, MeetingRemindersService],
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
