import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { AccessService } from './access.service';
import { PERSON_PROJECT_IDS, personVisible } from './people/person-visibility';
import { Partner, Project, ProjectDocument, WorkingGroup } from './projects.entities';

/**
 * The projects feature's part of the declared policy: it builds the actor (memberships, project roles) and
 * loads projects, working groups, documents and people for `PolicyGuard`.
 */
@Injectable()
export class ProjectsPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerActorSource({
      actorFor: (user) => this.access.actorFor(user),
      projectIds: async () =>
        (await this.dataSource.getRepository(Project).find({ select: { id: true } })).map((p) => p.id),
    });
    this.registry.registerLoader('project', {
      notFound: 'Project not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const project = await this.dataSource.getRepository(Project).findOne({ where: { id } });
        return project && { ref: { projectId: project.id }, entity: project };
      },
    });
    this.registry.registerLoader('workingGroup', {
      notFound: 'Working group not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const group = await this.dataSource.getRepository(WorkingGroup).findOne({ where: { id } });
        return group && { ref: { projectId: group.projectId, workingGroupIds: [group.id] }, entity: group };
      },
    });
    this.registry.registerLoader('partner', {
      notFound: 'Partner not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const partner = await this.dataSource.getRepository(Partner).findOne({ where: { id } });
        return partner && { ref: { projectId: partner.projectId }, entity: partner };
      },
    });
    this.registry.registerLoader('document', {
      notFound: 'Document not found.',
      visibleWith: 'document',
      load: async (id, user) => {
        const document = await this.dataSource
          .getRepository(ProjectDocument)
          .findOne({ where: { id }, relations: { workingGroup: true } });
        if (!document) return null;
        const restricted = (await this.access.minutesRestrictions(user.personId, [document])).get(document.id) ?? null;
        return {
          ref: {
            projectId: document.projectId,
            workingGroupIds: document.workingGroupId ? [document.workingGroupId] : [],
          },
          document: { ...document, restricted },
          entity: document,
        };
      },
    });
    this.registry.registerLoader('person', {
      notFound: 'Person not found.',
      visibleWith: (actor, resource) => personVisible(actor, resource.entity as { id: string; projectIds: string[] }),
      load: async (id) => {
        const [person]: Array<{ id: string; projectIds: string[] }> = await this.dataSource.query(
          `SELECT p.id, ${PERSON_PROJECT_IDS} AS "projectIds" FROM people p WHERE p.id = $1`,
          [id],
        );
        return person && { ref: { projectId: person.projectIds[0] ?? '', personId: person.id }, entity: person };
      },
    });
  }
}
