import { Controller, Delete, Get, Header, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedDto } from '@roundtable/contracts';
import { Policy, Public } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { CalendarFeedsService } from './calendar-feeds.service';

@ApiTags('calendar')
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Policy('self')
  @Get('me/calendar-feed')
  @ApiOkResponse({ description: 'Whether the caller has an active calendar feed (the URL is only shown when made).' })
  status(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.feeds.status(user.id);
  }

  @Policy('self')
  @Post('me/calendar-feed')
  @ApiOkResponse({ description: 'A new secret feed URL; the previous one stops working.' })
  regenerate(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.feeds.regenerate(user.id);
  }

  @Policy('self')
  @Delete('me/calendar-feed')
  @ApiOkResponse({ description: 'Revokes the feed URL.' })
  revoke(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.feeds.revoke(user.id);
  }

  /** Calendar apps cannot sign in: the secret token in the URL is the credential. */
  @Public()
  @Get('calendar-feeds/:token/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({ description: 'The person’s meetings (and other registered sources) as iCalendar.' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked token.' })
  feed(@Param('token') token: string): Promise<string> {
    return this.feeds.feed(token);
  }
}
