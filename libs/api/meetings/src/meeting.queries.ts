import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type RsvpResponse, type WorkingHoursDto } from '@roundtable/contracts';
import { can, type Actor, type Occurrence } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { Meeting, MeetingException } from './meetings.entities';
import { meetingResource } from './meeting.presenter';
import { occurrencesFor, type MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';
import { presentWorkingHours } from './working-hours.presenter';

/** One meeting of a list, with what the caller needs to see about it. */
export interface MeetingListItem {
  meeting: Meeting;
  workingGroupCode: string | null;
  occurrences: Occurrence[];
  invited: boolean;
  myRsvp: RsvpResponse | null;
}

/** The caller's profile; an account without one has no invitations or working hours. */
export function requirePerson(personId: string | null): string {
  if (!personId) throw new ApiException(ErrorCode.NotFound, 'Your account has no profile.');
  return personId;
}

/** Reads about meetings; nothing here writes. */
@Injectable()
export class MeetingQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
  ) {}

  /** The project's meetings (optionally of one group) that `actor` may see ('meeting.read'), by first start. */
  async list(
    actor: Actor,
    personId: string | null,
    projectId: string,
    workingGroupId: string | null,
  ): Promise<MeetingListItem[]> {
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: workingGroupId ? { projectId, workingGroupId } : { projectId },
      order: { startsAt: 'ASC' },
    });
    if (meetings.length === 0) return [];
    const ids = meetings.map((m) => m.id);
    const [exceptions, mine, groups] = await Promise.all([
      this.dataSource
        .getRepository(MeetingException)
        .createQueryBuilder('e')
        .where('e.meeting_id = ANY(:ids)', { ids })
        .getMany(),
      personId ? this.meetings.rsvpsOf(personId, ids) : Promise.resolve(new Map<string, RsvpResponse | null>()),
      this.meetings.groupCodes(projectId),
    ]);
    return meetings
      .filter((m) => can(actor, 'meeting.read', meetingResource(m, mine.has(m.id))))
      .map((m) => ({
        meeting: m,
        workingGroupCode: groups.get(m.workingGroupId ?? '') ?? null,
        occurrences: occurrencesFor(
          m,
          exceptions.filter((e) => e.meetingId === m.id),
        ),
        invited: mine.has(m.id),
        myRsvp: mine.get(m.id) ?? null,
      }));
  }

  /** One meeting with everything shown about it (PolicyGuard has checked the caller may see it). */
  get(id: string): Promise<MeetingRecord> {
    return this.meetings.load(id);
  }

  /** Meetings the person is invited to, for their calendar feed. */
  async recordsForInvitee(personId: string): Promise<MeetingRecord[]> {
    const ids = await this.meetings.meetingIdsOfInvitee(personId);
    return Promise.all(ids.map((id) => this.meetings.load(id)));
  }

  async workingHours(personId: string | null): Promise<WorkingHoursDto> {
    return presentWorkingHours(await this.meetings.workingHours(requirePerson(personId)));
  }
}
