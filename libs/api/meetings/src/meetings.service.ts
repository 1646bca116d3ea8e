import { Injectable } from '@nestjs/common';
import type { Actor, Occurrence } from '@roundtable/domain';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService } from '@roundtable/api-projects';
import type { EntityManager } from 'typeorm';
import { MeetingChecks } from './meeting.checks';
import { occurrencesFor, type MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';

/**
 * What other parts of the app (minutes, reminders) ask of meetings. Requests go through the commands and
 * queries (`*.command(s).ts`, `*.quer(y|ies).ts`), and the controller presents their results.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly access: AccessService,
    private readonly meetings: MeetingRepository,
    private readonly checks: MeetingChecks,
  ) {}

  /** The meeting with the caller's actor; PolicyGuard has checked they may see it ('meeting.read'). */
  async readable(
    user: Pick<AuthenticatedUser, 'platformRole' | 'personId'>,
    id: string,
  ): Promise<{ actor: Actor; record: MeetingRecord }> {
    return { actor: await this.access.actorFor(user), record: await this.meetings.load(id) };
  }

  /** The meeting with everything shown about it; inside a transaction, pass its manager to see its writes. */
  load(id: string, manager?: EntityManager): Promise<MeetingRecord> {
    return this.meetings.load(id, manager);
  }

  /**
   * The occurrences still to come (or running at `now`) of the meetings the person is invited to, by start:
   * what their start page shows. Cancelled occurrences are left out.
   */
  async upcomingFor(personId: string, now: Date): Promise<Array<{ record: MeetingRecord; occurrence: Occurrence }>> {
    const ids = await this.meetings.meetingIdsOfInvitee(personId);
    const records = await Promise.all(ids.map((id) => this.meetings.load(id)));
    return records
      .flatMap((record) =>
        occurrencesFor(record.meeting, record.exceptions)
          .filter((o) => !o.cancelled && o.end.getTime() > now.getTime())
          .map((occurrence) => ({ record, occurrence })),
      )
      .sort((a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime());
  }

  /** Everyone named must belong to the project (a group member or a project role), else a 400 naming `field`. */
  checkPeople(projectId: string, personIds: readonly string[], field: string): Promise<void> {
    return this.checks.people(projectId, personIds, field);
  }
}
