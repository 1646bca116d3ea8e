import { Injectable } from '@nestjs/common';
import type { Actor } from '@roundtable/domain';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService } from '@roundtable/api-projects';
import type { EntityManager } from 'typeorm';
import { MeetingChecks } from './meeting.checks';
import type { MeetingRecord } from './meeting.record';
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

  /** Everyone named must belong to the project (a group member or a project role), else a 400 naming `field`. */
  checkPeople(projectId: string, personIds: readonly string[], field: string): Promise<void> {
    return this.checks.people(projectId, personIds, field);
  }
}
