import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@roundtable/contracts';
import { documentAccess, type Actor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService } from '@roundtable/api-projects';
import { MinutesRepository, type MinutesRow } from './minutes.repository';

export type MinutesUser = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId'>;

const notFound = () => new ApiException(ErrorCode.NotFound, 'Minutes not found.');

/**
 * Loads minutes for a caller, with the checks that remain after `PolicyGuard` (ADR 020): minutes are
 * readable exactly when their document is (the one rule, as on the socket), and their decisions and action
 * items are edited by whoever writes the document, until approved.
 */
@Injectable()
export class MinutesAccess {
  constructor(
    private readonly repository: MinutesRepository,
    private readonly access: AccessService,
  ) {}

  async mustFind(id: string): Promise<MinutesRow> {
    const row = await this.repository.find(id);
    if (!row) throw notFound();
    return row;
  }

  /** Readable = the minutes document is readable; else 404. */
  async readable(
    user: MinutesUser,
    id: string,
    known?: Actor,
  ): Promise<{ row: MinutesRow; actor: Actor; access: 'read' | 'write' }> {
    const row = await this.mustFind(id);
    const { access } = await this.access.documentAccessFor(user, row.document_id).catch(() => {
      throw notFound();
    });
    return { row, actor: known ?? (await this.access.actorFor(user)), access };
  }

  /** Decisions and action items are edited by whoever writes the minutes, until they are approved. */
  async editable(user: MinutesUser, id: string): Promise<{ row: MinutesRow; actor: Actor }> {
    const { row, actor, access } = await this.readable(user, id);
    if (row.status === 'approved')
      throw new ApiException(ErrorCode.DocumentLocked, 'These minutes are approved and locked.');
    if (access !== 'write')
      throw new ApiException(ErrorCode.Forbidden, 'You may read these minutes but not edit them.');
    return { row, actor };
  }

  /** The caller's access to the minutes document (present in every minutes answer). */
  async documentAccess(user: MinutesUser, documentId: string): Promise<'read' | 'write'> {
    return (await this.access.documentAccessFor(user, documentId)).access;
  }

  actorFor(user: MinutesUser): Promise<Actor> {
    return this.access.actorFor(user);
  }

  /** The rows whose document the caller may read (drafts: the meeting's group, invitees and coordinators). */
  async visible(actor: Actor, user: MinutesUser, rows: MinutesRow[]): Promise<MinutesRow[]> {
    const restricted = await this.access.minutesRestrictions(
      user.personId,
      rows.map((r) => ({ id: r.document_id, type: 'minutes' as const })),
    );
    return rows.filter(
      (r) =>
        documentAccess(actor, {
          projectId: r.project_id,
          workingGroupId: r.working_group_id,
          restricted: restricted.get(r.document_id) ?? null,
        }) !== 'none',
    );
  }
}
