import { Body, Controller, Get, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PersonDto } from '@roundtable/contracts';
import { Policy, sendPage } from '@roundtable/api-platform';
import type { Response } from 'express';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '../uuid-param.pipe';
import { PeopleQueryDto } from './dto/people-query.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Policy({ list: 'project.read' })
  @Get()
  @ApiOkResponse({
    description: 'One page of the people the caller may see, by name; `X-Next-Cursor` when more follow.',
  })
  async directory(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PeopleQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonDto[]> {
    return sendPage(response, await this.people.directory(user, query));
  }

  @Policy('self')
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<PersonDto> {
    return this.people.me(user);
  }

  @Policy({ read: { type: 'person', param: 'id' } })
  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<PersonDto> {
    return this.people.get(user, id);
  }

  @Policy({
    action: 'person.update',
    resource: { type: 'person', param: 'id' },
    denied: 'Only the person themselves may edit this profile.',
  })
  @Patch(':id')
  @ApiForbiddenResponse({ description: 'Only the person themselves (or an admin) edits a profile.' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonDto> {
    return this.people.update(user, id, body);
  }
}
