import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ExpertCallDto } from '@roundtable/contracts';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { pageInMemory, Policy, sendPage } from '@roundtable/api-platform';
import type { Response } from 'express';
import { UuidParamPipe } from '@roundtable/api-projects';
import { CallListQueryDto, CreateExpertCallDto } from './calls.dto';
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
  @ApiOkResponse({ description: 'Calls of the projects the caller belongs to (or of one), newest first.' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CallListQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExpertCallDto[]> {
    return sendPage(response, pageInMemory(await this.calls.list(user, query.projectId), query));
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
