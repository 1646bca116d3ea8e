import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SuggestionDecision, SuggestionKind, SuggestionState } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A suggestion row with the names it is shown with (joined, so a rename is seen at once). */
export interface SuggestionRow {
  id: string;
  document_id: string;
  kind: SuggestionKind;
  state: SuggestionState;
  author_user_id: string | null;
  author_name: string | null;
  created_at: Date;
  decided_by_name: string | null;
  decided_at: Date | null;
  thread_id: string | null;
  /** The keyset cursor: created_at as text (full precision) and the id. */
  key_at: string;
}

const SELECT = `
  SELECT s.id, s.document_id, s.kind, s.state, s.author_user_id, a.display_name AS author_name,
         s.created_at, d.display_name AS decided_by_name, s.decided_at, s.thread_id, s.created_at::text AS key_at
    FROM suggestions s
    LEFT JOIN users a ON a.id = s.author_user_id
    LEFT JOIN users d ON d.id = s.decided_by_user_id`;

/** The suggestions lib's SQL (it alone writes `suggestions`). */
@Injectable()
export class SuggestionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of a document's suggestions, oldest first, after the (created_at, id) cursor. */
  page(documentId: string, after: readonly unknown[] | null, count: number): Promise<SuggestionRow[]> {
    return this.dataSource.query(
      `${SELECT}
        WHERE s.document_id = $1 ${after ? 'AND (s.created_at, s.id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY s.created_at, s.id LIMIT $2`,
      after ? [documentId, count, ...after] : [documentId, count],
    );
  }

  async one(id: string): Promise<SuggestionRow | null> {
    const [row]: SuggestionRow[] = await this.dataSource.query(`${SELECT} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  /** Ids of a document's suggestions by one author (for "accept all of this author"). */
  async idsByAuthor(documentId: string, authorUserId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM suggestions WHERE document_id = $1 AND author_user_id = $2',
      [documentId, authorUserId],
    );
    return rows.map((row) => row.id);
  }

  /** Records a new suggestion; an id already recorded is left as it is. Returns the row's document and author. */
  async insert(
    manager: EntityManager,
    row: { id: string; documentId: string; kind: SuggestionKind; authorUserId: string; createdAt: Date },
  ): Promise<{ document_id: string; author_user_id: string | null }> {
    await manager.query(
      `INSERT INTO suggestions (id, document_id, kind, state, author_user_id, created_at)
       VALUES ($1, $2, $3, 'open', $4, $5) ON CONFLICT (id) DO NOTHING`,
      [row.id, row.documentId, row.kind, row.authorUserId, row.createdAt],
    );
    const [stored]: Array<{ document_id: string; author_user_id: string | null }> = await manager.query(
      'SELECT document_id, author_user_id FROM suggestions WHERE id = $1',
      [row.id],
    );
    return stored!;
  }

  async decide(
    manager: EntityManager,
    documentId: string,
    ids: string[],
    decision: SuggestionDecision,
    userId: string,
    at: Date,
  ): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE suggestions SET state = $3, decided_by_user_id = $4, decided_at = $5
        WHERE document_id = $1 AND id = ANY($2::uuid[])`,
      [documentId, ids, decision === 'accept' ? 'accepted' : 'rejected', userId, at],
    );
  }

  async setThread(manager: EntityManager, id: string, threadId: string): Promise<void> {
    await manager.query('UPDATE suggestions SET thread_id = $2 WHERE id = $1', [id, threadId]);
  }

  /** Whether a comment thread belongs to the document (a suggestion links only its own document's threads). */
  async threadOnDocument(threadId: string, documentId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM comment_threads WHERE id = $1 AND document_id = $2',
      [threadId, documentId],
    );
    return rows.length > 0;
  }
}
