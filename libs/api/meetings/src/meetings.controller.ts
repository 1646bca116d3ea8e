import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  type FindTimeResponse,
  type MeetingDto,
  type MeetingSummaryDto,
  type WorkingHoursDto,
} from '@roundtable/contracts';
import {
  Clock,
  CurrentAuthorisation,
  Policy,
  sendPage,
  type Authorisation,
  type PolicyDeclaration,
} from '@roundtable/api-platform';
import type { Response } from 'express';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import {
  AttendanceDto,
  CreateMeetingDto,
  FindTimeDto,
  MeetingListQueryDto,
  OccurrenceChangeDto,
  RsvpDto,
  UpdateMeetingDto,
  WorkingHoursBodyDto,
} from './meetings.dto';
import { AttendanceCommands } from './attendance.commands';
import { FindTimeQuery } from './find-a-time.query';
import { presentMeeting, presentMeetingIcs, presentMeetingSummary } from './meeting.presenter';
import { MeetingQueries } from './meeting.queries';
import type { MeetingRecord } from './meeting.record';
import { OccurrenceCommands } from './occurrence.commands';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { SetWorkingHoursCommand } from './set-working-hours.command';
import { UpdateMeetingCommand } from './update-meeting.command';

const CHANGE_MEETING: PolicyDeclaration = {
  action: 'meeting.schedule',
  resource: { type: 'meeting', param: 'id' },
  denied: 'Only the group’s co-chairs and coordinators change this meeting.',
};

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(
    private readonly queries: MeetingQueries,
    private readonly findTimeQuery: FindTimeQuery,
    private readonly scheduleMeeting: ScheduleMeetingCommand,
    private readonly updateMeeting: UpdateMeetingCommand,
    private readonly occurrences: OccurrenceCommands,
    private readonly attendanceCommands: AttendanceCommands,
    private readonly setWorkingHoursCommand: SetWorkingHoursCommand,
    private readonly clock: Clock,
  ) {}

  /** The meeting as the caller sees it (the guard built their actor). */
  private present(record: MeetingRecord, user: AuthenticatedUser, { actor }: Authorisation): MeetingDto {
    return presentMeeting(record, { actor, personId: user.personId }, this.clock.now());
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('projects/:id/meetings')
  @ApiOkResponse({
    description:
      'One page of the project’s meetings the caller may see (optionally of one working group), by first start; `X-Next-Cursor` when more follow.',
  })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Query() query: MeetingListQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeetingSummaryDto[]> {
    const page = await this.queries.list(actor, user.personId, projectId, query.workingGroupId ?? null, query);
    const now = this.clock.now();
    return sendPage(response, {
      items: page.items.map((i) =>
        presentMeetingSummary(i.meeting, i.workingGroupCode, i.occurrences, i.invited, i.myRsvp, now),
      ),
      next: page.next,
    });
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Post('projects/:id/meetings')
  @ApiCreatedResponse({ description: 'The new meeting; invitees are mailed the .ics.' })
  @ApiForbiddenResponse({
    description: 'Only the group’s co-chairs and coordinators schedule (project events: coordinators).',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Body() body: CreateMeetingDto,
  ): Promise<MeetingDto> {
    const record = await this.scheduleMeeting.run(user, authorisation.actor, projectId, body);
    return this.present(record, user, authorisation);
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Post('projects/:id/meetings/find-a-time')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Slots inside every participant’s working hours, avoiding weekends and public holidays.',
  })
  findTime(
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) projectId: string,
    @Body() body: FindTimeDto,
  ): Promise<FindTimeResponse> {
    return this.findTimeQuery.run(actor, projectId, body);
  }

  @Policy({ read: { type: 'meeting', param: 'id' } })
  @Get('meetings/:id')
  @ApiOkResponse({ description: 'One meeting with agenda, invitees, occurrences and DST warnings.' })
  @ApiNotFoundResponse({ description: 'Unknown meeting, or one the caller may not see.' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<MeetingDto> {
    return this.present(await this.queries.get(id), user, authorisation);
  }

  @Policy({ read: { type: 'meeting', param: 'id' } })
  @Get('meetings/:id/meeting.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="meeting.ics"')
  @ApiOkResponse({ description: 'The meeting as iCalendar (series with exceptions).' })
  async ics(@Param('id', new UuidParamPipe('id')) id: string): Promise<string> {
    return presentMeetingIcs(await this.queries.get(id));
  }

  @Policy(CHANGE_MEETING)
  @Patch('meetings/:id')
  @ApiOkResponse({ description: 'The changed meeting; invitees are mailed an update (SEQUENCE + 1).' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: UpdateMeetingDto,
  ): Promise<MeetingDto> {
    return this.present(await this.updateMeeting.run(id, body), user, authorisation);
  }

  @Policy(CHANGE_MEETING)
  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The meeting (or whole series) is cancelled; invitees are mailed STATUS:CANCELLED.' })
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<MeetingDto> {
    return this.present(await this.occurrences.cancelMeeting(id), user, authorisation);
  }

  @Policy(CHANGE_MEETING)
  @Put('meetings/:id/occurrences/:originalStart')
  @ApiOkResponse({
    description: 'Moves or re-times one occurrence of a series (keyed by its original start, ISO 8601).',
  })
  async changeOccurrence(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('originalStart') originalStart: string,
    @Body() body: OccurrenceChangeDto,
  ): Promise<MeetingDto> {
    return this.present(await this.occurrences.change(id, originalStart, body), user, authorisation);
  }

  @Policy(CHANGE_MEETING)
  @Post('meetings/:id/occurrences/:originalStart/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Cancels one occurrence of a series (EXDATE in the .ics).' })
  async cancelOccurrence(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('originalStart') originalStart: string,
  ): Promise<MeetingDto> {
    return this.present(await this.occurrences.cancel(id, originalStart), user, authorisation);
  }

  @Policy({
    action: 'meeting.rsvp',
    resource: { type: 'meeting', param: 'id' },
    denied: {
      code: ErrorCode.NotInvited,
      message: 'Only invitees answer: you are not invited to this meeting.',
      fields: [{ field: 'response', code: 'notInvited', message: 'you are not on the invitee list of this meeting' }],
    },
  })
  @Put('meetings/:id/rsvp')
  @ApiOkResponse({ description: 'The caller’s answer (invitees only).' })
  @ApiForbiddenResponse({ description: 'NOT_INVITED: the caller is not on the invitee list.' })
  async rsvp(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RsvpDto,
  ): Promise<MeetingDto> {
    // The guard let only invitees through ('meeting.rsvp'), so the caller has a profile.
    const record = await this.attendanceCommands.rsvp(user.personId as string, id, body.response);
    return this.present(record, user, authorisation);
  }

  @Policy(CHANGE_MEETING)
  @Put('meetings/:id/attendance')
  @ApiOkResponse({ description: 'Records who was present at one occurrence (replaces the previous record).' })
  async attendance(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AttendanceDto,
  ): Promise<MeetingDto> {
    return this.present(await this.attendanceCommands.recordAttendance(user.id, id, body), user, authorisation);
  }

  @Policy('self')
  @Get('me/working-hours')
  @ApiOkResponse({ description: 'The caller’s working hours for find-a-time (local to their profile’s zone).' })
  workingHours(@CurrentUser() user: AuthenticatedUser): Promise<WorkingHoursDto> {
    return this.queries.workingHours(user.personId);
  }

  @Policy('self')
  @Put('me/working-hours')
  @ApiOkResponse({ description: 'Sets the caller’s working hours.' })
  async setWorkingHours(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: WorkingHoursBodyDto,
  ): Promise<WorkingHoursDto> {
    await this.setWorkingHoursCommand.run(user.personId, body.workStart, body.workEnd);
    return this.queries.workingHours(user.personId);
  }
}
