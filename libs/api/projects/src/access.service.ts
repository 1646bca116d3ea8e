import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@roundtable/contracts';
import { can, documentAccess, type Actor, type DocumentAccess } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { DataSource, In, IsNull } from 'typeorm';
import { Membership, Project, ProjectDocument } from './projects.entities';

/** A document's fields that the access policy, and seeding its content, need. */
export type DocumentRow = Pick<
  ProjectDocument,
  'id' | 'projectId' | 'workingGroupId' | 'type' | 'titleEn' | 'lockedAt'
>;

/** Builds the policy's view of a user from the database; the rule itself lives in @roundtable/domain. */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async actorFor(user: Pick<AuthenticatedUser, 'platformRole' | 'personId'>): Promise<Actor> {
    const memberships = user.personId
      ? await this.dataSource.getRepository(Membership).find({
          where: { personId: user.personId, leftOn: IsNull() },
          relations: { workingGroup: true },
        })
      : [];
    const projectRoles: Array<{ project_id: string; role: string }> = user.personId
      ? await this.dataSource.query(
          'SELECT project_id, role FROM project_roles WHERE person_id = $1 AND revoked_at IS NULL',
          [user.personId],
        )
      : [];
    const coordinatedProjectIds =
      user.platformRole === 'coordinator'
        ? (await this.dataSource.getRepository(Project).find({ select: { id: true } })).map((p) => p.id)
        : projectRoles.filter((r) => r.role === 'coordinator').map((r) => r.project_id);
    return {
      platformRole: user.platformRole,
      personId: user.personId,
      coordinatedProjectIds,
      advisoryProjectIds: projectRoles.filter((r) => r.role === 'advisory-board').map((r) => r.project_id),
      memberships: memberships.map((m) => ({
        projectId: m.workingGroup.projectId,
        workingGroupId: m.workingGroupId,
        role: m.role,
      })),
    };
  }

  canSeeProject(actor: Actor, projectId: string): boolean {
    return can(actor, 'project.read', { projectId });
  }

  /** Access to one document; unknown documents and documents the user may not see are both 404. */
  async documentAccessFor(
    user: Pick<AuthenticatedUser, 'platformRole' | 'personId'>,
    documentId: string,
  ): Promise<{ document: ProjectDocument; access: Exclude<DocumentAccess, 'none'> }> {
    const document = await this.dataSource.getRepository(ProjectDocument).findOne({
      where: { id: documentId },
      relations: { workingGroup: true },
    });
    if (!document) throw new ApiException(ErrorCode.NotFound, 'Document not found.');
    const access = documentAccess(await this.actorFor(user), {
      ...document,
      restricted: await this.minutesRestriction(user, document),
    });
    if (access === 'none') throw new ApiException(ErrorCode.NotFound, 'Document not found.');
    return { document, access };
  }

  /**
   * What the access policy (and seeding) needs of documents, by id, in one query; ids without a document are
   * missing from the map. For callers that gather many single lookups and keep the rows (socket admission).
   */
  async documentRefsByIds(ids: readonly string[]): Promise<Map<string, DocumentRow>> {
    if (ids.length === 0) return new Map();
    const documents = await this.dataSource.getRepository(ProjectDocument).find({
      select: { id: true, projectId: true, workingGroupId: true, type: true, titleEn: true, lockedAt: true },
      where: { id: In([...ids]) },
    });
    return new Map(documents.map((document) => [document.id, document]));
  }

  /**
   * Minutes not yet approved are seen only by the meeting's group and invitees (the policy decides; this
   * reads the two facts it needs). The meetings feature owns these tables; projects cannot import it.
   */
  private async minutesRestriction(
    user: Pick<AuthenticatedUser, 'personId'>,
    document: ProjectDocument,
  ): Promise<{ invited: boolean } | null> {
    return (await this.minutesRestrictions(user.personId ?? null, [document])).get(document.id) ?? null;
  }

  /** `minutesRestriction` for many documents in one query (lists of minutes). */
  async minutesRestrictions(
    personId: string | null,
    documents: ReadonlyArray<Pick<ProjectDocument, 'id' | 'type'>>,
  ): Promise<Map<string, { invited: boolean }>> {
    const ids = documents.filter((d) => d.type === 'minutes').map((d) => d.id);
    if (ids.length === 0) return new Map();
    const rows: Array<{ document_id: string; invited: boolean }> = await this.dataSource.query(
      `SELECT mm.document_id, EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mm.meeting_id AND i.person_id = $2) AS invited
         FROM meeting_minutes mm WHERE mm.document_id = ANY($1) AND mm.status <> 'approved'`,
      [ids, personId],
    );
    return new Map(rows.map((r) => [r.document_id, { invited: r.invited }]));
  }
}
