import { Injectable, OnModuleInit } from '@nestjs/common';
import { PolicyRegistry, type LoadedResource } from '@roundtable/api-platform';
import { RoadmapRepository, type RoadmapDocumentRow } from './roadmap.repository';

function asResource(document: RoadmapDocumentRow): LoadedResource {
  return {
    ref: { projectId: document.project_id, workingGroupIds: [] },
    document: { projectId: document.project_id, workingGroupId: null, lockedAt: document.locked_at },
    entity: document,
  };
}

/**
 * Loads the roadmap (by project) and its actions for `PolicyGuard`: both are the roadmap document as the
 * document policy sees it. Whoever edits the roadmap document edits its actions (the coordinators, and the
 * project's co-chairs and experts: the roadmap's editors); every reader of the project reads them.
 */
@Injectable()
export class RoadmapPolicy implements OnModuleInit {
  constructor(
    private readonly repository: RoadmapRepository,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('roadmap', {
      notFound: 'Roadmap not found.',
      visibleWith: 'document',
      load: async (projectId) => {
        const document = await this.repository.roadmapOf(projectId);
        return document ? asResource(document) : null;
      },
    });
    this.registry.registerLoader('roadmapAction', {
      notFound: 'Roadmap action not found.',
      visibleWith: 'document',
      load: async (id) => {
        const action = await this.repository.action(id);
        if (!action) return null;
        const document = await this.repository.document(action.document_id);
        return document ? asResource(document) : null;
      },
    });
  }
}
