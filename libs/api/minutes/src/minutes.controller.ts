import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  ActionItemDto,
  DecisionDto,
  MinutesArchiveEntryDto,
  MinutesDto,
  MinutesSummaryDto,
} from '@roundtable/contracts';
import { ApiException, Policy, PageQueryDto, pageInMemory, sendPage } from '@roundtable/api-platform';
import { ErrorCode } from '@roundtable/contracts';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Response } from 'express';
import {
  ActionItemBodyDto,
  ActionItemUpdateDto,
  ArchiveQueryDto,
  OpenActionsQueryDto,
  CirculateMinutesDto,
  DecisionBodyDto,
  StartMinutesDto,
} from './minutes.dto';
import { ActionItemsCommands } from './action-items.commands';
import { MinutesCommands } from './minutes.commands';
import { MinutesQueries } from './minutes.queries';

@ApiTags('minutes')
@Controller()
export class MinutesController {
  constructor(
    private readonly commands: MinutesCommands,
    private readonly items: ActionItemsCommands,
    private readonly queries: MinutesQueries,
  ) {}

  @Policy({
    action: 'minutes.manage',
    resource: { type: 'meeting', param: 'id' },
    denied: 'Only the group’s co-chairs and coordinators start minutes.',
  })
  @Post('meetings/:id/minutes')
  @ApiCreatedResponse({
    description: 'The new minutes of the occurrence (200 with the existing ones if already started).',
  })
  @ApiForbiddenResponse({ description: 'Only the group’s co-chairs and coordinators start minutes.' })
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) meetingId: string,
    @Body() body: StartMinutesDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MinutesDto> {
    const { created, id } = await this.commands.start(user, meetingId, body.occurrenceStart);
    response.status(created ? 201 : 200);
    return this.queries.afterChange(user, id);
  }

  @Policy({ read: { type: 'meeting', param: 'id' } })
  @Get('meetings/:id/minutes')
  @ApiOkResponse({ description: 'The meeting’s minutes the caller may see, by occurrence.' })
  async forMeeting(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) meetingId: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MinutesSummaryDto[]> {
    return sendPage(response, pageInMemory(await this.queries.forMeeting(user, meetingId), page));
  }

  @Policy({ read: { type: 'meeting', param: 'id' } })
  @Get('meetings/:id/open-actions')
  @ApiOkResponse({
    description: 'Open actions of the group carried into the next occurrence (or the one starting at ?before=).',
  })
  async openActions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) meetingId: string,
    @Query() query: OpenActionsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionItemDto[]> {
    const { before } = query;
    if (before !== undefined && Number.isNaN(Date.parse(before))) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid before', {
        fields: [{ field: 'before', code: 'isIso8601', message: 'before must be an ISO date-time' }],
      });
    }
    return sendPage(response, pageInMemory(await this.queries.carriedInto(user, meetingId, before), query));
  }

  @Policy({ read: { type: 'minutes', param: 'id' } })
  @Get('minutes/:id')
  @ApiOkResponse({ description: 'Minutes with status, approvals, decisions and action items.' })
  @ApiNotFoundResponse({ description: 'Unknown minutes, or drafts of another group.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<MinutesDto> {
    return this.queries.get(user, id);
  }

  @Policy({
    action: 'minutes.manage',
    resource: { type: 'minutes', param: 'id' },
    denied: 'Only the group’s co-chairs and coordinators circulate minutes.',
  })
  @Post('minutes/:id/circulate')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Circulated for comments; invitees are mailed a link and the end of the window.' })
  @ApiConflictResponse({ description: 'Not a draft.' })
  async circulate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: CirculateMinutesDto,
  ): Promise<MinutesDto> {
    await this.commands.circulate(user, id, body.commentDays);
    return this.queries.afterChange(user, id);
  }

  @Policy({
    action: 'minutes.approve',
    resource: { type: 'minutes', param: 'id' },
    denied: (minutes) =>
      (minutes as { workingGroupId: string | null }).workingGroupId
        ? 'Only the group’s co-chairs approve its minutes.'
        : 'Only a coordinator approves the minutes of a project event.',
  })
  @Post('minutes/:id/approvals')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Approval recorded; the last one needed locks the document and freezes a snapshot.' })
  @ApiConflictResponse({ description: 'Approved twice, or the minutes are not circulated.' })
  async approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<MinutesDto> {
    await this.commands.approve(user, id);
    return this.queries.afterChange(user, id);
  }

  @Policy({
    document: 'write',
    resource: { type: 'minutes', param: 'id' },
    denied: 'You may read these minutes but not edit them.',
  })
  @Post('minutes/:id/decisions')
  @ApiCreatedResponse({ description: 'The new decision.' })
  async addDecision(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DecisionBodyDto,
  ): Promise<DecisionDto> {
    return this.queries.decision(id, await this.items.addDecision(user, id, body));
  }

  @Policy({
    document: 'write',
    resource: { type: 'minutes', param: 'id' },
    denied: 'You may read these minutes but not edit them.',
  })
  @Delete('minutes/:id/decisions/:decisionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed.' })
  deleteDecision(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('decisionId', new UuidParamPipe('decisionId')) decisionId: string,
  ): Promise<void> {
    return this.items.deleteDecision(user, id, decisionId);
  }

  @Policy({
    document: 'write',
    resource: { type: 'minutes', param: 'id' },
    denied: 'You may read these minutes but not edit them.',
  })
  @Post('minutes/:id/actions')
  @ApiCreatedResponse({ description: 'The new action item (status open).' })
  async addAction(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ActionItemBodyDto,
  ): Promise<ActionItemDto> {
    return this.queries.action(user, await this.items.addAction(user, id, body));
  }

  @Policy({ read: { type: 'actionItem', param: 'id' } })
  @Patch('actions/:id')
  @ApiOkResponse({
    description: 'Updated: content while the minutes are not approved; status by the owner, co-chairs, coordinators.',
  })
  async updateAction(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ActionItemUpdateDto,
  ): Promise<ActionItemDto> {
    await this.items.updateAction(user, id, body);
    return this.queries.action(user, id);
  }

  @Policy({
    document: 'write',
    resource: { type: 'actionItem', param: 'id' },
    denied: 'You may read these minutes but not edit them.',
  })
  @Delete('actions/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed (minutes not approved).' })
  deleteAction(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<void> {
    return this.items.deleteAction(user, id);
  }

  @Policy('self')
  @Get('me/actions')
  @ApiOkResponse({ description: 'The caller’s action items across all groups, open first, with the overdue flag.' })
  async myActions(
    @CurrentUser() user: AuthenticatedUser,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionItemDto[]> {
    return sendPage(response, pageInMemory(await this.queries.myActions(user), page));
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('projects/:id/minutes')
  @ApiOkResponse({ description: 'The archive: approved minutes, searched in their frozen text, by group and date.' })
  async archive(
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Query() query: ArchiveQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MinutesArchiveEntryDto[]> {
    return sendPage(response, pageInMemory(await this.queries.archive(projectId, query), query));
  }
}
