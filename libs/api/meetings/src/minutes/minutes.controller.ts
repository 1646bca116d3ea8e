import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ActionItemDto, DecisionDto, MinutesArchiveEntryDto, MinutesDto, MinutesSummaryDto } from '@roundtable/contracts';
import { ApiException, Policy } from '@roundtable/api-platform';
import { ErrorCode } from '@roundtable/contracts';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Response } from 'express';
import { ActionItemBodyDto, ActionItemUpdateDto, ArchiveQueryDto, CirculateMinutesDto, DecisionBodyDto, StartMinutesDto } from './minutes.dto';
import { MinutesService } from './minutes.service';

@ApiTags('minutes')
@Controller()
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Policy('minutes.manage')
  @Post('meetings/:id/minutes')
  @ApiCreatedResponse({ description: 'The new minutes of the occurrence (200 with the existing ones if already started).' })
  @ApiForbiddenResponse({ description: 'Only the group’s co-chairs and coordinators start minutes.' })
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) meetingId: string,
    @Body() body: StartMinutesDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MinutesDto> {
    const { created, minutes } = await this.minutes.start(user, meetingId, body.occurrenceStart);
    response.status(created ? 201 : 200);
    return minutes;
  }

  @Policy('meeting.read')
  @Get('meetings/:id/minutes')
  @ApiOkResponse({ description: 'The meeting’s minutes the caller may see, by occurrence.' })
  forMeeting(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) meetingId: string): Promise<MinutesSummaryDto[]> {
    return this.minutes.forMeeting(user, meetingId);
  }

  @Policy('meeting.read')
  @Get('meetings/:id/open-actions')
  @ApiOkResponse({ description: 'Open actions of the group carried into the next occurrence (or the one starting at ?before=).' })
  openActions(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) meetingId: string, @Query('before') before?: string): Promise<ActionItemDto[]> {
    if (before !== undefined && Number.isNaN(Date.parse(before))) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid before', { fields: [{ field: 'before', message: 'before must be an ISO date-time' }] });
    }
    return this.minutes.carriedInto(user, meetingId, before);
  }

  @Policy('document')
  @Get('minutes/:id')
  @ApiOkResponse({ description: 'Minutes with status, approvals, decisions and action items.' })
  @ApiNotFoundResponse({ description: 'Unknown minutes, or drafts of another group.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<MinutesDto> {
    return this.minutes.get(user, id);
  }

  @Policy('minutes.manage')
  @Post('minutes/:id/circulate')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Circulated for comments; invitees are mailed a link and the end of the window.' })
  @ApiConflictResponse({ description: 'Not a draft.' })
  circulate(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: CirculateMinutesDto): Promise<MinutesDto> {
    return this.minutes.circulate(user, id, body.commentDays);
  }

  @Policy('minutes.approve')
  @Post('minutes/:id/approvals')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Approval recorded; the last one needed locks the document and freezes a snapshot.' })
  @ApiConflictResponse({ description: 'Approved twice, or the minutes are not circulated.' })
  approve(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<MinutesDto> {
    return this.minutes.approve(user, id);
  }

  @Policy('document')
  @Post('minutes/:id/decisions')
  @ApiCreatedResponse({ description: 'The new decision.' })
  addDecision(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: DecisionBodyDto): Promise<DecisionDto> {
    return this.minutes.addDecision(user, id, body);
  }

  @Policy('document')
  @Delete('minutes/:id/decisions/:decisionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed.' })
  deleteDecision(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('decisionId', new UuidParamPipe('decisionId')) decisionId: string,
  ): Promise<void> {
    return this.minutes.deleteDecision(user, id, decisionId);
  }

  @Policy('document')
  @Post('minutes/:id/actions')
  @ApiCreatedResponse({ description: 'The new action item (status open).' })
  addAction(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: ActionItemBodyDto): Promise<ActionItemDto> {
    return this.minutes.addAction(user, id, body);
  }

  @Policy('action.setStatus')
  @Patch('actions/:id')
  @ApiOkResponse({ description: 'Updated: content while the minutes are not approved; status by the owner, co-chairs, coordinators.' })
  updateAction(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: ActionItemUpdateDto): Promise<ActionItemDto> {
    return this.minutes.updateAction(user, id, body);
  }

  @Policy('document')
  @Delete('actions/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed (minutes not approved).' })
  deleteAction(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<void> {
    return this.minutes.deleteAction(user, id);
  }

  @Policy('self')
  @Get('me/actions')
  @ApiOkResponse({ description: 'The caller’s action items across all groups, open first, with the overdue flag.' })
  myActions(@CurrentUser() user: AuthenticatedUser): Promise<ActionItemDto[]> {
    return this.minutes.myActions(user);
  }

  @Policy('project.read')
  @Get('projects/:id/minutes')
  @ApiOkResponse({ description: 'The archive: approved minutes, searched in their frozen text, by group and date.' })
  archive(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) projectId: string, @Query() query: ArchiveQueryDto): Promise<MinutesArchiveEntryDto[]> {
    return this.minutes.archive(user, projectId, query);
  }
}
