import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';

/**
 * Loads registry rows and candidate pairs for `PolicyGuard`. Everyone who sees the project sees its
 * recommendations (they are read from papers every member reads); a pair concerns both papers' groups.
 */
@Injectable()
export class RecommendationsPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('recommendation', {
      notFound: 'Recommendation not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const [row]: Array<{ project_id: string; working_group_id: string | null }> = await this.dataSource.query(
          `SELECT r.project_id, d.working_group_id FROM recommendations r JOIN documents d ON d.id = r.document_id
            WHERE r.id = $1`,
          [id],
        );
        if (!row) return null;
        return {
          ref: { projectId: row.project_id, workingGroupIds: row.working_group_id ? [row.working_group_id] : [] },
          entity: { id },
        };
      },
    });
    this.registry.registerLoader('recommendationPair', {
      notFound: 'Candidate pair not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const [row]: Array<{ project_id: string; group_ids: Array<string | null> }> = await this.dataSource.query(
          `SELECT p.project_id, ARRAY[da.working_group_id, db.working_group_id] AS group_ids
             FROM recommendation_pairs p
             JOIN recommendations a ON a.id = p.a_id JOIN documents da ON da.id = a.document_id
             JOIN recommendations b ON b.id = p.b_id JOIN documents db ON db.id = b.document_id
            WHERE p.id = $1`,
          [id],
        );
        if (!row) return null;
        const workingGroupIds = row.group_ids.filter((groupId): groupId is string => groupId !== null);
        return { ref: { projectId: row.project_id, workingGroupIds }, entity: { id } };
      },
    });
  }
}
