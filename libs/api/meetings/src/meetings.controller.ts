import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  type FindTimeResponse,
  type MeetingDto,
  type MeetingSummaryDto,
  type WorkingHoursDto,
} from '@roundtable/contracts';
import { ApiException, Policy, type PolicyDeclaration } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import {
  AttendanceDto,
  CreateMeetingDto,
  FindTimeDto,
  OccurrenceChangeDto,
  RsvpDto,
  UpdateMeetingDto,
  WorkingHoursBodyDto,
} from './meetings.dto';
import { MeetingsService } from './meetings.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CHANGE_MEETING: PolicyDeclaration = {
  action: 'meeting.schedule',
  resource: { type: 'meeting', param: 'id' },
  denied: 'Only the group’s co-chairs and coordinators change this meeting.',
};

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('projects/:id/meetings')
  @ApiOkResponse({
    description: 'The project’s meetings the caller may see (optionally of one working group), by first start.',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Query('workingGroupId') workingGroupId?: string,
  ): Promise<MeetingSummaryDto[]> {
    if (workingGroupId !== undefined && !UUID.test(workingGroupId)) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid workingGroupId', {
        fields: [{ field: 'workingGroupId', message: 'workingGroupId must be a UUID' }],
      });
    }
    return this.meetings.list(user, projectId, workingGroupId ?? null);
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Post('projects/:id/meetings')
  @ApiCreatedResponse({ description: 'The new meeting; invitees are mailed the .ics.' })
  @ApiForbiddenResponse({
    description: 'Only the group’s co-chairs and coordinators schedule (project events: coordinators).',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Body() body: CreateMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.create(user, projectId, body);
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Post('projects/:id/meetings/find-a-time')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Slots inside every participant’s working hours, avoiding weekends and public holidays.',
  })
  findTime(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Body() body: FindTimeDto,
  ): Promise<FindTimeResponse> {
    return this.meetings.findTime(user, projectId, body);
  }

  @Policy({ read: { type: 'meeting', param: 'id' } })
  @Get('meetings/:id')
  @ApiOkResponse({ description: 'One meeting with agenda, invitees, occurrences and DST warnings.' })
  @ApiNotFoundResponse({ description: 'Unknown meeting, or one the caller may not see.' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<MeetingDto> {
    return this.meetings.get(user, id);
  }

  @Policy({ read: { type: 'meeting', param: 'id' } })
  @Get('meetings/:id/meeting.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="meeting.ics"')
  @ApiOkResponse({ description: 'The meeting as iCalendar (series with exceptions).' })
  ics(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<string> {
    return this.meetings.ics(user, id);
  }

  @Policy(CHANGE_MEETING)
  @Patch('meetings/:id')
  @ApiOkResponse({ description: 'The changed meeting; invitees are mailed an update (SEQUENCE + 1).' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: UpdateMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.update(user, id, body);
  }

  @Policy(CHANGE_MEETING)
  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The meeting (or whole series) is cancelled; invitees are mailed STATUS:CANCELLED.' })
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<MeetingDto> {
    return this.meetings.cancel(user, id);
  }

  @Policy(CHANGE_MEETING)
  @Put('meetings/:id/occurrences/:originalStart')
  @ApiOkResponse({
    description: 'Moves or re-times one occurrence of a series (keyed by its original start, ISO 8601).',
  })
  changeOccurrence(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('originalStart') originalStart: string,
    @Body() body: OccurrenceChangeDto,
  ): Promise<MeetingDto> {
    return this.meetings.changeOccurrence(user, id, originalStart, body);
  }

  @Policy(CHANGE_MEETING)
  @Post('meetings/:id/occurrences/:originalStart/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Cancels one occurrence of a series (EXDATE in the .ics).' })
  cancelOccurrence(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('originalStart') originalStart: string,
  ): Promise<MeetingDto> {
    return this.meetings.cancelOccurrence(user, id, originalStart);
  }

  @Policy({
    action: 'meeting.rsvp',
    resource: { type: 'meeting', param: 'id' },
    denied: {
      code: ErrorCode.NotInvited,
      message: 'Only invitees answer: you are not invited to this meeting.',
      fields: [{ field: 'response', message: 'you are not on the invitee list of this meeting' }],
    },
  })
  @Put('meetings/:id/rsvp')
  @ApiOkResponse({ description: 'The caller’s answer (invitees only).' })
  @ApiForbiddenResponse({ description: 'NOT_INVITED: the caller is not on the invitee list.' })
  rsvp(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RsvpDto,
  ): Promise<MeetingDto> {
    return this.meetings.rsvp(user, id, body.response);
  }

  @Policy(CHANGE_MEETING)
  @Put('meetings/:id/attendance')
  @ApiOkResponse({ description: 'Records who was present at one occurrence (replaces the previous record).' })
  attendance(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AttendanceDto,
  ): Promise<MeetingDto> {
    return this.meetings.recordAttendance(user, id, body);
  }

  @Policy('self')
  @Get('me/working-hours')
  @ApiOkResponse({ description: 'The caller’s working hours for find-a-time (local to their profile’s zone).' })
  workingHours(@CurrentUser() user: AuthenticatedUser): Promise<WorkingHoursDto> {
    return this.meetings.workingHours(user);
  }

  @Policy('self')
  @Put('me/working-hours')
  @ApiOkResponse({ description: 'Sets the caller’s working hours.' })
  setWorkingHours(@CurrentUser() user: AuthenticatedUser, @Body() body: WorkingHoursBodyDto): Promise<WorkingHoursDto> {
    return this.meetings.setWorkingHours(user, body.workStart, body.workEnd);
  }
}
