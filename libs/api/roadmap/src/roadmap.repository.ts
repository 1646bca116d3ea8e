import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface RoadmapDocumentRow {
  id: string;
  project_id: string;
  title_en: string;
  title_zh: string;
  locked_at: Date | null;
}

export interface ActionRow {
  id: string;
  project_id: string;
  document_id: string;
  position: number;
  title_en: string;
  title_zh: string;
  description_en: string;
  description_zh: string;
  actors: string[];
  start_year: number | null;
  end_year: number | null;
  horizon: 'short' | 'medium' | 'long' | null;
  no_recommendation_reason: string | null;
  updated_at: Date;
  depends_on: string[];
  recommendation_ids: string[];
}

export interface ActionValues {
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  actors: string[];
  startYear: number | null;
  endYear: number | null;
  horizon: 'short' | 'medium' | 'long' | null;
  noRecommendationReason: string | null;
}

const SELECT_ACTIONS = `
  SELECT a.id, a.project_id, a.document_id, a.position, a.title_en, a.title_zh, a.description_en, a.description_zh,
         a.actors, a.start_year, a.end_year, a.horizon, a.no_recommendation_reason, a.updated_at,
         COALESCE((SELECT array_agg(d.depends_on_id ORDER BY d.depends_on_id) FROM roadmap_action_dependencies d
                    WHERE d.action_id = a.id), '{}') AS depends_on,
         COALESCE((SELECT array_agg(r.recommendation_id ORDER BY r.recommendation_id) FROM roadmap_action_recommendations r
                    WHERE r.action_id = a.id), '{}') AS recommendation_ids
    FROM roadmap_actions a`;

/** The roadmap's own tables (roadmap_actions, their dependencies and recommendation links). */
@Injectable()
export class RoadmapRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The project's roadmap document (D2.3): the first document of type roadmap. */
  async roadmapOf(
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RoadmapDocumentRow | null> {
    const [row]: RoadmapDocumentRow[] = await manager.query(
      `SELECT id, project_id, title_en, title_zh, locked_at FROM documents
        WHERE project_id = $1 AND type = 'roadmap' ORDER BY created_at, id LIMIT 1`,
      [projectId],
    );
    return row ?? null;
  }

  async document(documentId: string): Promise<RoadmapDocumentRow | null> {
    const [row]: RoadmapDocumentRow[] = await this.dataSource.query(
      'SELECT id, project_id, title_en, title_zh, locked_at FROM documents WHERE id = $1',
      [documentId],
    );
    return row ?? null;
  }

  async actions(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<ActionRow[]> {
    return manager.query(`${SELECT_ACTIONS} WHERE a.document_id = $1 ORDER BY a.position, a.id`, [documentId]);
  }

  async action(id: string, manager: EntityManager = this.dataSource.manager): Promise<ActionRow | null> {
    const [row]: ActionRow[] = await manager.query(`${SELECT_ACTIONS} WHERE a.id = $1`, [id]);
    return row ?? null;
  }

  /** Serialises changes to one roadmap's graph (two concurrent edits could each close half a cycle). */
  async lock(manager: EntityManager, documentId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('roadmap:' || $1, 0))`, [documentId]);
  }

  async insert(
    manager: EntityManager,
    row: { projectId: string; documentId: string; userId: string } & ActionValues,
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO roadmap_actions (project_id, document_id, position, title_en, title_zh, description_en, description_zh,
                                    actors, start_year, end_year, horizon, no_recommendation_reason, created_by_user_id)
       VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM roadmap_actions WHERE document_id = $2),
               $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       RETURNING id`,
      [
        row.projectId,
        row.documentId,
        row.titleEn,
        row.titleZh,
        row.descriptionEn,
        row.descriptionZh,
        row.actors,
        row.startYear,
        row.endYear,
        row.horizon,
        row.noRecommendationReason,
        row.userId,
      ],
    );
    return id;
  }

  async update(manager: EntityManager, id: string, values: ActionValues): Promise<void> {
    await manager.query(
      `UPDATE roadmap_actions SET title_en = $2, title_zh = $3, description_en = $4, description_zh = $5, actors = $6,
              start_year = $7, end_year = $8, horizon = $9, no_recommendation_reason = $10, updated_at = now()
        WHERE id = $1`,
      [
        id,
        values.titleEn,
        values.titleZh,
        values.descriptionEn,
        values.descriptionZh,
        values.actors,
        values.startYear,
        values.endYear,
        values.horizon,
        values.noRecommendationReason,
      ],
    );
  }

  async setDependencies(manager: EntityManager, id: string, dependsOn: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM roadmap_action_dependencies WHERE action_id = $1', [id]);
    await manager.query(
      `INSERT INTO roadmap_action_dependencies (action_id, depends_on_id) SELECT $1, unnest($2::uuid[])`,
      [id, dependsOn],
    );
  }

  async setRecommendations(manager: EntityManager, id: string, recommendationIds: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM roadmap_action_recommendations WHERE action_id = $1', [id]);
    await manager.query(
      `INSERT INTO roadmap_action_recommendations (action_id, recommendation_id) SELECT $1, unnest($2::uuid[])`,
      [id, recommendationIds],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM roadmap_actions WHERE id = $1', [id]);
  }
}
