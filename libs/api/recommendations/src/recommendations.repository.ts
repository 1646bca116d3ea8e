import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RecommendationBlock } from '@roundtable/editor-schema';
import { DataSource, type EntityManager } from 'typeorm';

/** A registry row with its paper and group, as every read needs it. */
export interface RecommendationRow {
  id: string;
  project_id: string;
  document_id: string;
  title: string;
  body: string;
  addressee: string;
  horizon: 'short' | 'medium' | 'long';
  priority: 'high' | 'medium' | 'low';
  frameworks: string[];
  position: number;
  status: 'active' | 'removed';
  canonical_id: string | null;
  revision: number;
  updated_at: Date;
  document_title_en: string;
  document_title_zh: string;
  working_group_id: string | null;
  working_group_code: string | null;
}

export interface RevisionRow {
  revision: number;
  title: string;
  body: string;
  addressee: string;
  horizon: string;
  priority: string;
  frameworks: string[];
  status: 'active' | 'removed';
  changed_at: Date;
  version_id: string | null;
  version_kind: string | null;
  version_name: string | null;
  version_created_at: Date | null;
}

export interface PairRow {
  id: string;
  a_id: string;
  b_id: string;
  score: number;
  trigram: number;
  words: number;
  status: 'open' | 'duplicate' | 'related' | 'distinct' | 'merged';
}

export interface ListFilters {
  workingGroupId?: string;
  documentId?: string;
  addressee?: string;
  horizon?: string;
  status?: 'active' | 'removed' | 'merged';
  /** The search as typed, and segmented (Chinese words separated by spaces). */
  q?: { raw: string; segmented: string };
}

export const SELECT_ROWS = `
  SELECT r.id, r.project_id, r.document_id, r.title, r.body, r.addressee, r.horizon, r.priority, r.frameworks,
         r.position, r.status, r.canonical_id, r.revision, r.updated_at,
         d.title_en AS document_title_en, d.title_zh AS document_title_zh, d.working_group_id,
         g.code AS working_group_code
    FROM recommendations r
    JOIN documents d ON d.id = r.document_id
    LEFT JOIN working_groups g ON g.id = d.working_group_id`;

/** The two scores of a candidate pair, in SQL: trigram similarity of the texts and the share of common words. */
const PAIR_SCORES = `
  similarity(a.search_text, b.search_text) AS trigram,
  COALESCE((SELECT count(*) FROM unnest(tsvector_to_array(a.search_tsv)) w
             WHERE w = ANY (tsvector_to_array(b.search_tsv)))::float8
    / NULLIF(cardinality(ARRAY(SELECT DISTINCT unnest(tsvector_to_array(a.search_tsv) || tsvector_to_array(b.search_tsv)))), 0), 0)
    AS words`;

/**
 * The scores of two texts as the registry computes them for two recommendations (the same SQL), for the
 * evaluation on a labelled set (tests/eval); texts are given already segmented (`searchTextOf`).
 */
export async function scoreTexts(
  manager: EntityManager,
  a: string,
  b: string,
): Promise<{ trigram: number; words: number; score: number }> {
  const [row]: Array<{ trigram: number; words: number }> = await manager.query(
    `SELECT ${PAIR_SCORES}
       FROM (SELECT $1::text AS search_text, to_tsvector('english', $1) AS search_tsv) a,
            (SELECT $2::text AS search_text, to_tsvector('english', $2) AS search_tsv) b`,
    [a, b],
  );
  const trigram = Number(row.trigram);
  const words = Number(row.words);
  return { trigram, words, score: (trigram + words) / 2 };
}

/** A pair becomes a candidate at this combined score (docs/benchmarks.md: "Duplicate recommendations"). */
export const CANDIDATE_SCORE = 0.2;

/** The registry's SQL; writes take the caller's EntityManager (the sync's transaction). */
@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises the sync of one document across processes (until the transaction ends). */
  async lockDocument(manager: EntityManager, documentId: string): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('recommendations:' || $1::text, 0))", [
      documentId,
    ]);
  }

  async syncedUpTo(manager: EntityManager, documentId: string): Promise<number> {
    const [row]: Array<{ synced_update_id: string }> = await manager.query(
      'SELECT synced_update_id FROM recommendation_sync WHERE document_id = $1',
      [documentId],
    );
    return row ? Number(row.synced_update_id) : 0;
  }

  async markSynced(manager: EntityManager, documentId: string, lastId: number): Promise<void> {
    await manager.query(
      `INSERT INTO recommendation_sync (document_id, synced_update_id) VALUES ($1, $2)
       ON CONFLICT (document_id) DO UPDATE SET synced_update_id = GREATEST(recommendation_sync.synced_update_id, $2), synced_at = now()`,
      [documentId, lastId],
    );
  }

  /** Documents whose stored updates go past what the registry has read (after a crash, or a missed notice). */
  async behind(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT d.id FROM documents d
         LEFT JOIN recommendation_sync s ON s.document_id = d.id
        WHERE GREATEST((SELECT max(u.id) FROM document_updates u WHERE u.document_id = d.id),
                       (SELECT sn.last_update_id FROM document_snapshots sn WHERE sn.document_id = d.id))
              > COALESCE(s.synced_update_id, 0)`,
    );
    return rows.map((row) => row.id);
  }

  async documentRow(
    manager: EntityManager,
    documentId: string,
  ): Promise<{ project_id: string; locked: boolean } | null> {
    const [row]: Array<{ project_id: string; locked: boolean }> = await manager.query(
      // Minutes may be restricted to their meeting's invitees (ADR 015): their blocks stay out of the registry.
      "SELECT project_id, locked_at IS NOT NULL AS locked FROM documents WHERE id = $1 AND type <> 'minutes'",
      [documentId],
    );
    return row ?? null;
  }

  /** The ids among `ids` that another document holds as an active recommendation. */
  async heldElsewhere(manager: EntityManager, documentId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM recommendations WHERE id = ANY($1::uuid[]) AND document_id <> $2 AND status = 'active'`,
      [ids, documentId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async ofDocument(manager: EntityManager, documentId: string): Promise<RecommendationRow[]> {
    return manager.query(`${SELECT_ROWS} WHERE r.document_id = $1`, [documentId]);
  }

  async byIds(manager: EntityManager, ids: string[]): Promise<RecommendationRow[]> {
    if (ids.length === 0) return [];
    return manager.query(`${SELECT_ROWS} WHERE r.id = ANY($1::uuid[])`, [ids]);
  }

  /** Inserts or updates the row from the block; a new content revision when `revise`. */
  async upsert(
    manager: EntityManager,
    row: { projectId: string; documentId: string; block: RecommendationBlock; status: 'active' | 'removed' },
    searchText: string,
    revise: boolean,
    updateId: number,
  ): Promise<void> {
    const { block } = row;
    await manager.query(
      `INSERT INTO recommendations (id, project_id, document_id, title, body, addressee, horizon, priority, frameworks,
                                    position, status, search_text, search_tsv, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, to_tsvector('english', $12), 1)
       ON CONFLICT (id) DO UPDATE SET
         project_id = EXCLUDED.project_id, document_id = EXCLUDED.document_id, title = EXCLUDED.title,
         body = EXCLUDED.body, addressee = EXCLUDED.addressee, horizon = EXCLUDED.horizon,
         priority = EXCLUDED.priority, frameworks = EXCLUDED.frameworks, position = EXCLUDED.position,
         status = EXCLUDED.status, search_text = EXCLUDED.search_text, search_tsv = EXCLUDED.search_tsv,
         revision = recommendations.revision + (CASE WHEN $13 THEN 1 ELSE 0 END), updated_at = now()`,
      [
        block.recId,
        row.projectId,
        row.documentId,
        block.title,
        block.body,
        block.addressee,
        block.horizon,
        block.priority,
        block.frameworks,
        block.position,
        row.status,
        searchText,
        revise,
      ],
    );
    if (revise) {
      await manager.query(
        `INSERT INTO recommendation_revisions (recommendation_id, revision, document_id, title, body, addressee,
                                               horizon, priority, frameworks, status, update_id)
         SELECT id, revision, document_id, title, body, addressee, horizon, priority, frameworks, status, $2
           FROM recommendations WHERE id = $1`,
        [block.recId, updateId],
      );
    }
  }

  /** Marks rows of the document that are no longer in it as removed (one revision each). */
  async markRemoved(manager: EntityManager, ids: string[], updateId: number): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE recommendations SET status = 'removed', revision = revision + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await manager.query(
      `INSERT INTO recommendation_revisions (recommendation_id, revision, document_id, title, body, addressee,
                                             horizon, priority, frameworks, status, update_id)
       SELECT id, revision, document_id, title, body, addressee, horizon, priority, frameworks, status, $2
         FROM recommendations WHERE id = ANY($1::uuid[])`,
      [ids, updateId],
    );
    await manager.query(
      `DELETE FROM recommendation_pairs WHERE status = 'open' AND (a_id = ANY($1::uuid[]) OR b_id = ANY($1::uuid[]))`,
      [ids],
    );
  }

  /**
   * Recomputes the candidate pairs of the given recommendations against every active recommendation of
   * another paper of the project: open pairs are replaced, decided pairs keep their decision (scores updated).
   */
  async rescore(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `DELETE FROM recommendation_pairs WHERE status = 'open' AND (a_id = ANY($1::uuid[]) OR b_id = ANY($1::uuid[]))`,
      [ids],
    );
    await manager.query(
      `WITH scored AS (
         SELECT a.project_id, LEAST(a.id, b.id) AS a_id, GREATEST(a.id, b.id) AS b_id, ${PAIR_SCORES}
           FROM recommendations a
           JOIN recommendations b ON b.project_id = a.project_id AND b.document_id <> a.document_id
                                  AND b.status = 'active' AND b.id <> a.id
          WHERE a.id = ANY($1::uuid[]) AND a.status = 'active'
       )
       INSERT INTO recommendation_pairs (project_id, a_id, b_id, score, trigram, words)
       SELECT DISTINCT ON (a_id, b_id) project_id, a_id, b_id, (trigram + words) / 2, trigram, words
         FROM scored WHERE (trigram + words) / 2 >= $2
       ON CONFLICT (a_id, b_id) DO UPDATE SET score = EXCLUDED.score, trigram = EXCLUDED.trigram, words = EXCLUDED.words`,
      [ids, CANDIDATE_SCORE],
    );
  }

  // --- reads ---

  async list(
    projectId: string,
    filters: ListFilters,
    after: readonly unknown[] | null,
    count: number,
  ): Promise<RecommendationRow[]> {
    const status = filters.status ?? null;
    return this.dataSource.query(
      `${SELECT_ROWS}
        WHERE r.project_id = $1
          AND ($2::uuid IS NULL OR d.working_group_id = $2)
          AND ($3::uuid IS NULL OR r.document_id = $3)
          AND ($4::text IS NULL OR r.addressee = $4)
          AND ($5::text IS NULL OR r.horizon = $5)
          AND ($6::text IS NULL
               OR ($6 = 'active' AND r.status = 'active' AND r.canonical_id IS NULL)
               OR ($6 = 'merged' AND r.status = 'active' AND r.canonical_id IS NOT NULL)
               OR ($6 = 'removed' AND r.status = 'removed'))
          AND ($7::text IS NULL
               OR (r.title || ' ' || r.body) ILIKE '%' || replace(replace(replace($7, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
               OR r.search_tsv @@ plainto_tsquery('english', $8))
          AND ($9::uuid IS NULL OR (r.document_id, r.position, r.id) > ($9::uuid, $10::int, $11::uuid))
        ORDER BY r.document_id, r.position, r.id
        LIMIT $12`,
      [
        projectId,
        filters.workingGroupId ?? null,
        filters.documentId ?? null,
        filters.addressee ?? null,
        filters.horizon ?? null,
        status,
        filters.q?.raw ?? null,
        filters.q?.segmented ?? '',
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        count,
      ],
    );
  }

  async one(id: string): Promise<RecommendationRow | null> {
    const [row]: RecommendationRow[] = await this.dataSource.query(`${SELECT_ROWS} WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async mergedInto(id: string): Promise<RecommendationRow[]> {
    return this.dataSource.query(`${SELECT_ROWS} WHERE r.canonical_id = $1 ORDER BY r.document_id, r.position`, [id]);
  }

  /** Each revision with the first version of its document taken at or after it (the version holding it). */
  async history(id: string): Promise<RevisionRow[]> {
    return this.dataSource.query(
      `SELECT rv.revision, rv.title, rv.body, rv.addressee, rv.horizon, rv.priority, rv.frameworks, rv.status,
              rv.changed_at, v.id AS version_id, v.kind AS version_kind, v.name AS version_name,
              v.created_at AS version_created_at
         FROM recommendation_revisions rv
         LEFT JOIN LATERAL (
           SELECT id, kind, name, created_at FROM document_versions
            WHERE document_id = rv.document_id AND created_at >= rv.changed_at
            ORDER BY created_at, id LIMIT 1) v ON true
        WHERE rv.recommendation_id = $1
        ORDER BY rv.revision`,
      [id],
    );
  }

  /** Pairs still to settle: undecided ones, and those marked duplicate but not merged yet (first). */
  async openPairs(projectId: string): Promise<PairRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.a_id, p.b_id, p.score, p.trigram, p.words, p.status
         FROM recommendation_pairs p
         JOIN recommendations a ON a.id = p.a_id AND a.status = 'active' AND a.canonical_id IS NULL
         JOIN recommendations b ON b.id = p.b_id AND b.status = 'active' AND b.canonical_id IS NULL
        WHERE p.project_id = $1 AND p.status IN ('open', 'duplicate')
        ORDER BY p.status = 'duplicate' DESC, p.score DESC, p.id`,
      [projectId],
    );
  }

  async pair(id: string): Promise<PairRow | null> {
    const [row]: PairRow[] = await this.dataSource.query(
      'SELECT id, a_id, b_id, score, trigram, words, status FROM recommendation_pairs WHERE id = $1',
      [id],
    );
    return row ?? null;
  }

  async decide(manager: EntityManager, pairId: string, status: PairRow['status'], userId: string): Promise<void> {
    await manager.query(
      'UPDATE recommendation_pairs SET status = $2, decided_by_user_id = $3, decided_at = now() WHERE id = $1',
      [pairId, status, userId],
    );
  }

  /** `mergedId` now counts as `canonicalId` (and whatever was merged into it follows). */
  async merge(manager: EntityManager, canonicalId: string, mergedId: string): Promise<void> {
    await manager.query(
      'UPDATE recommendations SET canonical_id = $1, updated_at = now() WHERE id = $2 OR canonical_id = $2',
      [canonicalId, mergedId],
    );
  }
}
