import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StartPageDto } from '@roundtable/contracts';
import { Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { StartQueries } from './start.queries';

@ApiTags('start')
@Controller()
export class StartController {
  constructor(private readonly queries: StartQueries) {}

  /** Only what the caller may see: each owning lib filters by the access policy. */
  @Policy('self')
  @Get('me/start')
  @ApiOkResponse({ description: 'What waits for the caller: meetings, actions, documents, mentions, requests, risks.' })
  start(@CurrentUser() user: AuthenticatedUser): Promise<StartPageDto> {
    return this.queries.forUser(user);
  }
}
