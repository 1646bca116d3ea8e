import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, MEETING_LIMITS } from '@roundtable/contracts';
import { can, type Actor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { CreateMeetingDto } from './meetings.dto';
import { Meeting, MeetingInvitee } from './meetings.entities';
import { MeetingChecks } from './meeting.checks';
import { MeetingMailer } from './meeting.mailer';
import type { MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';
import { badRequest, resolveSchedule } from './meeting.schedule';

/** Schedules a meeting or series; one transaction writes it, its agenda and invitees, and their invitations. */
@Injectable()
export class ScheduleMeetingCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly checks: MeetingChecks,
    private readonly mailer: MeetingMailer,
  ) {}

  async run(
    user: Pick<AuthenticatedUser, 'id' | 'personId'>,
    actor: Actor,
    projectId: string,
    body: CreateMeetingDto,
  ): Promise<MeetingRecord> {
    const workingGroupId = body.workingGroupId ?? null;
    if (body.type === 'wg-meeting' && !workingGroupId)
      throw badRequest([
        {
          field: 'workingGroupId',
          code: 'workingGroupRequired',
          message: 'a working-group meeting needs workingGroupId',
        },
      ]);
    if (body.type !== 'wg-meeting' && workingGroupId)
      throw badRequest([
        { field: 'type', code: 'wgMeetingType', message: 'a meeting of a working group has type wg-meeting' },
      ]);
    if (workingGroupId) await this.checks.groupOfProject(workingGroupId, projectId);
    // Which group the meeting is for comes from the body, so this check stays here (ADR 020).
    if (!can(actor, 'meeting.schedule', { projectId, workingGroupIds: workingGroupId ? [workingGroupId] : [] })) {
      throw new ApiException(
        ErrorCode.Forbidden,
        workingGroupId
          ? 'Only the group’s co-chairs and coordinators schedule its meetings.'
          : 'Only coordinators schedule project events.',
      );
    }
    const schedule = resolveSchedule(body.start, body.end, body.timeZone, body.durationMinutes, body.rrule ?? null);
    const inviteeIds =
      body.inviteePersonIds ?? (workingGroupId ? await this.meetings.groupMemberIds(workingGroupId) : []);
    await this.checks.people(projectId, inviteeIds, 'inviteePersonIds');
    await this.checks.agenda(projectId, body.agenda ?? []);
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Meeting).insert({
        id,
        projectId,
        workingGroupId,
        type: body.type,
        title: body.title,
        description: body.description ?? '',
        startsAt: schedule.startsAt,
        timeZone: body.timeZone,
        durationMinutes: schedule.durationMinutes,
        onlineUrl: body.onlineUrl || null,
        place: body.place || null,
        rrule: schedule.rrule,
        status: 'scheduled',
        sequence: 0,
        icalUid: `${id}@roundtable`,
        organizerPersonId: user.personId,
        createdByUserId: user.id,
        seedKey: null,
        reminderMinutesBefore: body.reminderMinutesBefore ?? MEETING_LIMITS.reminderDefault,
      });
      await this.meetings.saveAgenda(manager, id, body.agenda ?? []);
      if (inviteeIds.length > 0)
        await manager
          .getRepository(MeetingInvitee)
          .insert([...new Set(inviteeIds)].map((personId) => ({ meetingId: id, personId, rsvp: null, rsvpAt: null })));
      const created = await this.meetings.load(id, manager);
      await this.mailer.enqueue(manager, created, [
        { personIds: created.invitees.map((i) => i.person_id), kind: 'invitation' },
      ]);
      return created;
    });
  }
}
