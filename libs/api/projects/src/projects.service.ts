import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type DocumentDto,
  type PageQuery,
  type ProjectDto,
  type WorkingGroupDetailDto,
  type WorkingGroupDto,
} from '@roundtable/contracts';
import { documentAccess, regionOf, type Actor } from '@roundtable/domain';
import {
  ApiException,
  Clock,
  decodeCursor,
  pageLimit,
  scanPage,
  type Authorisation,
  type Page,
} from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AccessService } from './access.service';
import { DocumentOwners } from './document-owners';
import { termState } from './memberships/membership.presenter';
import { MembershipsService } from './memberships/memberships.service';
import { Membership, Partner, Project, ProjectDocument, WorkingGroup } from './projects.entities';
import { presentDocument, presentProject, presentWorkingGroup } from './projects.presenters';

/** The documents list's order as SQL over `documents d LEFT JOIN working_groups wg` (see `documentsVisibleTo`). */
const DOCUMENT_TYPE_RANK = `CASE d.type WHEN 'position-paper' THEN 0 WHEN 'working-document' THEN 1 WHEN 'minutes' THEN 2
  WHEN 'strategic-workplan' THEN 3 WHEN 'roadmap' THEN 4 ELSE 5 END`;
const DOCUMENT_ORDER_COLUMNS = `coalesce(wg.position, 2147483647) AS group_rank, ${DOCUMENT_TYPE_RANK} AS type_rank, d.title_en`;
const DOCUMENT_ORDER = `coalesce(wg.position, 2147483647), ${DOCUMENT_TYPE_RANK}, d.title_en, d.id`;

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly owners: DocumentOwners,
    private readonly memberships: MembershipsService,
    private readonly clock: Clock,
  ) {}

  async listProjects(user: AuthenticatedUser): Promise<ProjectDto[]> {
    const actor = await this.access.actorFor(user);
    const projects = (await this.dataSource.getRepository(Project).find({ order: { name: 'ASC' } })).filter((p) =>
      this.access.canSeeProject(actor, p.id),
    );
    const partners = await this.dataSource.getRepository(Partner).find({ order: { shortName: 'ASC' } });
    const guides = await this.guides();
    return projects.map((p) =>
      presentProject(
        p,
        partners.filter((partner) => partner.projectId === p.id),
        guides,
      ),
    );
  }

  /** The project's reminder days, written in the caller's transaction (the plan decides them; projects own the row). */
  async setReminderOffsets(manager: EntityManager, projectId: string, offsets: number[]): Promise<void> {
    await manager.getRepository(Project).update({ id: projectId }, { reminderOffsetDays: offsets });
  }

  async getProject(id: string): Promise<ProjectDto> {
    const project = await this.dataSource.getRepository(Project).findOne({ where: { id } });
    if (!project) throw new ApiException(ErrorCode.NotFound, 'Project not found.');
    const partners = await this.dataSource
      .getRepository(Partner)
      .find({ where: { projectId: id }, order: { shortName: 'ASC' } });
    return presentProject(project, partners, await this.guides());
  }

  /** The project a partner belongs to. */
  async projectOfPartner(partnerId: string): Promise<string> {
    const partner = await this.dataSource.getRepository(Partner).findOneOrFail({ where: { id: partnerId } });
    return partner.projectId;
  }

  /** Partner id → codes of the working groups it guides. */
  private async guides(): Promise<Map<string, string[]>> {
    const rows: Array<{ partner_id: string; code: string }> = await this.dataSource.query(
      'SELECT wgp.partner_id, wg.code FROM working_group_partners wgp JOIN working_groups wg ON wg.id = wgp.working_group_id ORDER BY wg.position',
    );
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.partner_id, [...(map.get(row.partner_id) ?? []), row.code]);
    return map;
  }

  async listWorkingGroups(user: AuthenticatedUser): Promise<WorkingGroupDto[]> {
    const actor = await this.access.actorFor(user);
    const groups = await this.dataSource.getRepository(WorkingGroup).find({
      relations: { guidingPartners: true },
      order: { position: 'ASC' },
    });
    return groups
      .filter((g) => this.access.canSeeProject(actor, g.projectId))
      .map((g) => presentWorkingGroup(g, myRole(actor, g.id)));
  }

  async getWorkingGroup(user: AuthenticatedUser, id: string): Promise<WorkingGroupDetailDto> {
    const actor = await this.access.actorFor(user);
    const group = await this.dataSource
      .getRepository(WorkingGroup)
      .findOne({ where: { id }, relations: { guidingPartners: true } });
    if (!group) throw new ApiException(ErrorCode.NotFound, 'Working group not found.');
    const members = await this.dataSource.getRepository(Membership).find({
      where: { workingGroupId: id, leftOn: IsNull() },
      relations: { person: true },
    });
    const roleOrder = { 'co-chair': 0, expert: 1, observer: 2 };
    const dimensions: Array<Record<string, string> & { position: number }> = await this.dataSource.query(
      'SELECT * FROM working_group_dimensions WHERE working_group_id = $1 ORDER BY position',
      [id],
    );
    return {
      ...presentWorkingGroup(group, myRole(actor, group.id)),
      dimensions: dimensions.map((d) => ({
        position: d.position,
        title: { en: d.title_en, zh: d.title_zh },
        focus: { en: d.focus_en, zh: d.focus_zh },
        goal: { en: d.goal_en, zh: d.goal_zh },
      })),
      members: members
        .sort(
          (a, b) => roleOrder[a.role] - roleOrder[b.role] || a.person.displayName.localeCompare(b.person.displayName),
        )
        .map((m) => ({
          personId: m.personId,
          displayName: m.person.displayName,
          role: m.role,
          region: regionOf(m.person.country),
          termEndsOn: m.termEndsOn,
          term: termState(m.termEndsOn, this.clock.today()),
        })),
      documents: await this.documentsVisibleTo(actor, { workingGroupId: id }),
      vacancies: await this.memberships.openVacancies({ workingGroupId: id }),
    };
  }

  /**
   * One page of the documents the caller may read (ADR 029), minutes left out (they are listed with their
   * meeting): working groups in their order, project-wide documents last; then by type and title.
   */
  async listDocuments(
    user: AuthenticatedUser,
    workingGroupId: string | undefined,
    query: PageQuery,
  ): Promise<Page<DocumentDto>> {
    const actor = await this.access.actorFor(user);
    const page = await scanPage<{ document: ProjectDocument; key: readonly unknown[] }>({
      limit: pageLimit(query),
      after: decodeCursor(query.cursor, ['int', 'int', 'text', 'uuid']),
      key: (row) => row.key,
      keep: (row) => documentAccess(actor, row.document) !== 'none',
      fetch: async (after, count) => {
        const params: unknown[] = [count];
        const where = ["d.type <> 'minutes'"];
        if (workingGroupId) {
          params.push(workingGroupId);
          where.push(`d.working_group_id = $${params.length}`);
        }
        if (after) {
          params.push(...after);
          const n = params.length;
          where.push(`(${DOCUMENT_ORDER}) > ($${n - 3}::int, $${n - 2}::int, $${n - 1}::text, $${n}::uuid)`);
        }
        const keys: Array<{ id: string; group_rank: number; type_rank: number; title_en: string }> =
          await this.dataSource.query(
            `SELECT d.id, ${DOCUMENT_ORDER_COLUMNS} FROM documents d LEFT JOIN working_groups wg ON wg.id = d.working_group_id
              WHERE ${where.join(' AND ')} ORDER BY ${DOCUMENT_ORDER} LIMIT $1`,
            params,
          );
        if (keys.length === 0) return [];
        const documents = await this.dataSource
          .getRepository(ProjectDocument)
          .find({ where: { id: In(keys.map((k) => k.id)) }, relations: { workingGroup: true } });
        const byId = new Map(documents.map((document) => [document.id, document]));
        return keys.flatMap((k) =>
          byId.has(k.id) ? [{ document: byId.get(k.id)!, key: [k.group_rank, k.type_rank, k.title_en, k.id] }] : [],
        );
      },
    });
    return {
      items: page.items.map(({ document }) =>
        presentDocument(document, documentAccess(actor, document) === 'write' ? 'write' : 'read', actor),
      ),
      next: page.next,
    };
  }

  /** The document as `PolicyGuard` loaded it for a caller who may read it. */
  async getDocument({ resource, access, actor }: Authorisation): Promise<DocumentDto> {
    const document = resource!.entity as ProjectDocument;
    return { ...presentDocument(document, access!, actor), owner: await this.owners.of(document.id) };
  }

  private async documentsVisibleTo(actor: Actor, where: { workingGroupId?: string }): Promise<DocumentDto[]> {
    const documents = await this.dataSource.getRepository(ProjectDocument).find({
      where,
      relations: { workingGroup: true },
    });
    // Working groups in their order, project-wide documents last; then by type and title.
    const typeOrder = ['position-paper', 'working-document', 'minutes', 'strategic-workplan', 'roadmap'];
    documents.sort(
      (a, b) =>
        (a.workingGroup?.position ?? Number.MAX_SAFE_INTEGER) - (b.workingGroup?.position ?? Number.MAX_SAFE_INTEGER) ||
        typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) ||
        a.titleEn.localeCompare(b.titleEn),
    );
    return documents.flatMap((document) => {
      // Minutes are listed with their meeting and in the minutes archive, not among the group's papers.
      if (document.type === 'minutes') return [];
      const access = documentAccess(actor, document);
      return access === 'none' ? [] : [presentDocument(document, access, actor)];
    });
  }
}

function myRole(actor: Actor, workingGroupId: string): WorkingGroupDto['myRole'] {
  return actor.memberships.find((m) => m.workingGroupId === workingGroupId)?.role ?? null;
}
