import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CalendarFeedRegistry } from './calendar-feed.registry';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedCommands } from './calendar-feed.commands';
import { CalendarFeedQueries } from './calendar-feed.queries';

/**
 * Personal calendar feeds (secret, revocable URLs) and the .ics writer. Features put their events into the
 * feeds by registering a `CalendarFeedSource` with `CalendarFeedRegistry` from their module's onModuleInit
 * (meetings, deliverable deadlines): they depend on calendars, never the reverse.
 */
@Module({
  imports: [AuthModule],
  controllers: [CalendarFeedsController],
  providers: [CalendarFeedRegistry, CalendarFeedCommands, CalendarFeedQueries],
  exports: [CalendarFeedRegistry],
})
export class CalendarsModule {}
