import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { ExpertCallDto } from '@roundtable/contracts';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { Policy } from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import { CreateExpertCallDto } from './calls.dto';
import { CallsService } from './calls.service';

@ApiTags('open-call')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Policy({
    action: 'call.manage',
    resource: { type: 'project', body: 'projectId' },
    denied: "Only the project's coordinators can open a call for experts.",
  })
  @Post()
  @ApiCreatedResponse({ description: 'The call is open for applications until closesAt.' })
  @ApiBadRequestResponse({
    description: 'Invalid fields, or working groups that are not the project’s (named in fields).',
  })
  @ApiForbiddenResponse({ description: 'Only coordinators open calls.' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateExpertCallDto): Promise<ExpertCallDto> {
    return this.calls.create(user, body);
  }

  @Policy({ list: 'project.read' })
  @Get()
  @ApiQuery({ name: 'projectId', required: false })
  @ApiOkResponse({ description: 'Calls of the projects the caller belongs to (or of one), newest first.' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('projectId', new UuidParamPipe('projectId', true)) projectId?: string,
  ): Promise<ExpertCallDto[]> {
    return this.calls.list(user, projectId);
  }

  @Policy({ read: { type: 'call', param: 'id' } })
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown call, or one of a project the caller does not belong to.' })
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<ExpertCallDto> {
    return this.calls.get(id);
  }

  @Policy({
    action: 'call.manage',
    resource: { type: 'call', param: 'id' },
    denied: "Only the project's coordinators can close a call for experts.",
  })
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The call is closed now (closing a closed call changes nothing).' })
  @ApiForbiddenResponse({ description: 'Only coordinators close calls.' })
  close(@Param('id', new UuidParamPipe('id')) id: string): Promise<ExpertCallDto> {
    return this.calls.close(id);
  }
}
