import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type PageQuery, type RsvpResponse, type WorkingHoursDto } from '@roundtable/contracts';
import { can, type Actor, type Occurrence } from '@roundtable/domain';
import { ApiException, decodeCursor, pageLimit, scanPage, type Page } from '@roundtable/api-platform';
import { DataSource, In } from 'typeorm';
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

/** A meeting as the list scans it: its key and whether the caller is invited. */
interface MeetingRow {
  meeting: Meeting;
  key: readonly unknown[];
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

  /**
   * One page of the project's meetings (optionally of one group) that `actor` may see ('meeting.read'), by
   * first start (ADR 029): keyset batches in `(starts_at, id)` order, the policy applied to each row.
   */
  async list(
    actor: Actor,
    personId: string | null,
    projectId: string,
    workingGroupId: string | null,
    query: PageQuery,
  ): Promise<Page<MeetingListItem>> {
    const page = await scanPage<MeetingRow>({
      limit: pageLimit(query),
      after: decodeCursor(query.cursor, ['timestamp', 'uuid']),
      key: (row) => row.key,
      keep: (row) => can(actor, 'meeting.read', meetingResource(row.meeting, row.invited)),
      fetch: async (after, count) => {
        const keys = await this.meetings.pageKeys(projectId, workingGroupId, after, count);
        if (keys.length === 0) return [];
        const ids = keys.map((k) => k.id);
        const [meetings, mine] = await Promise.all([
          this.dataSource.getRepository(Meeting).find({ where: { id: In(ids) } }),
          personId ? this.meetings.rsvpsOf(personId, ids) : Promise.resolve(new Map<string, RsvpResponse | null>()),
        ]);
        const byId = new Map(meetings.map((m) => [m.id, m]));
        return keys.flatMap((k) => {
          const meeting = byId.get(k.id);
          if (!meeting) return [];
          return [{ meeting, key: [k.at, k.id], invited: mine.has(k.id), myRsvp: mine.get(k.id) ?? null }];
        });
      },
    });
    if (page.items.length === 0) return { items: [], next: page.next };
    const ids = page.items.map((row) => row.meeting.id);
    const [exceptions, groups] = await Promise.all([
      this.dataSource
        .getRepository(MeetingException)
        .createQueryBuilder('e')
        .where('e.meeting_id = ANY(:ids)', { ids })
        .getMany(),
      this.meetings.groupCodes(projectId),
    ]);
    return {
      items: page.items.map((row) => ({
        meeting: row.meeting,
        workingGroupCode: groups.get(row.meeting.workingGroupId ?? '') ?? null,
        occurrences: occurrencesFor(
          row.meeting,
          exceptions.filter((e) => e.meetingId === row.meeting.id),
        ),
        invited: row.invited,
        myRsvp: row.myRsvp,
      })),
      next: page.next,
    };
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
