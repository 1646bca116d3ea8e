import { Controller, Delete, Get, Header, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedDto } from '@roundtable/contracts';
import { Policy, Public } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { CalendarFeedCommands } from './calendar-feed.commands';
import { CalendarFeedQueries } from './calendar-feed.queries';

@ApiTags('calendar')
@Controller()
export class CalendarFeedsController {
  constructor(
    private readonly commands: CalendarFeedCommands,
    private readonly queries: CalendarFeedQueries,
  ) {}

  @Policy('self')
  @Get('me/calendar-feed')
  @ApiOkResponse({ description: 'Whether the caller has an active calendar feed (the URL is only shown when made).' })
  status(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.queries.status(user.id);
  }

  @Policy('self')
  @Post('me/calendar-feed')
  @ApiOkResponse({ description: 'A new secret feed URL; the previous one stops working.' })
  async regenerate(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    const url = await this.commands.regenerate(user.id);
    return { ...(await this.queries.status(user.id)), url };
  }

  @Policy('self')
  @Delete('me/calendar-feed')
  @ApiOkResponse({ description: 'Revokes the feed URL.' })
  async revoke(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    await this.commands.revoke(user.id);
    return this.queries.status(user.id);
  }

  /** Calendar apps cannot sign in: the secret token in the URL is the credential. */
  @Public()
  @Get('calendar-feeds/:token/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({ description: 'The person’s meetings (and other registered sources) as iCalendar.' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked token.' })
  feed(@Param('token') token: string): Promise<string> {
    return this.queries.feed(token);
  }
}
