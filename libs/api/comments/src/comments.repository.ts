import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CommentThread } from './comments.entities';

const MENTIONABLE_LIMIT = 20;

/** A comment addressed to someone (see `addressedTo`). */
export interface AddressedCommentRow {
  id: string;
  thread_id: string;
  document_id: string;
  body: string;
  created_at: Date;
  author_name: string;
  mention: boolean;
  total: number;
}

/** People who may be mentioned in a project: current working-group members and its coordinators. */
const PROJECT_PEOPLE_SQL = `
  SELECT p.id, p.display_name, p.email, coalesce(u.locale, p.locale) AS locale
    FROM people p
    LEFT JOIN users u ON u.person_id = p.id
   WHERE EXISTS (SELECT 1 FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
                  WHERE m.person_id = p.id AND m.left_on IS NULL AND wg.project_id = $1)
      OR EXISTS (SELECT 1 FROM project_roles r
                  WHERE r.person_id = p.id AND r.project_id = $1 AND r.role = 'coordinator' AND r.revoked_at IS NULL)
      OR u.platform_role = 'coordinator'`;

/**
 * Comment threads and comments; raw SQL where it earns its place: the project's people (members and
 * coordinators, across three libs' tables), names of authors, the thread lock on delete.
 */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A page of a document's threads, oldest first, after the key `(created_at as text, id)`: `count` threads
   * with their comments, each with its key (the text keeps PostgreSQL's microseconds, which a Date drops).
   */
  async threadsOf(
    documentId: string,
    after: readonly unknown[] | null,
    count: number,
  ): Promise<Array<{ thread: CommentThread; key: [string, string] }>> {
    const keys: Array<{ id: string; at: string }> = await this.dataSource.query(
      `SELECT id, created_at::text AS at FROM comment_threads
        WHERE document_id = $1 ${after ? 'AND (created_at, id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY created_at, id LIMIT $2`,
      after ? [documentId, count, ...after] : [documentId, count],
    );
    if (keys.length === 0) return [];
    const threads = await this.dataSource
      .getRepository(CommentThread)
      .find({ where: { id: In(keys.map((k) => k.id)) }, relations: { comments: true } });
    const byId = new Map(threads.map((thread) => [thread.id, thread]));
    return keys.flatMap((k) =>
      byId.has(k.id) ? [{ thread: byId.get(k.id)!, key: [k.at, k.id] as [string, string] }] : [],
    );
  }

  thread(id: string): Promise<CommentThread> {
    return this.dataSource.getRepository(CommentThread).findOneOrFail({ where: { id }, relations: { comments: true } });
  }

  /** People of the project whose name contains `query` (at most 20), for the @-mention picker. */
  async mentionable(projectId: string, query: string): Promise<Array<{ id: string; display_name: string }>> {
    const q = query
      .trim()
      .slice(0, 100)
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.dataSource.query(
      `SELECT DISTINCT id, display_name FROM (${PROJECT_PEOPLE_SQL}) people
        WHERE display_name ILIKE $2 ESCAPE '\\'
        ORDER BY display_name, id LIMIT ${MENTIONABLE_LIMIT}`,
      [projectId, `%${q}%`],
    );
  }

  /**
   * The latest comments by others, in these documents, that mention the person or reply in a thread the user
   * wrote in before; `total` counts them all.
   */
  addressedTo(
    user: { id: string; personId: string | null },
    documentIds: readonly string[],
    limit: number,
  ): Promise<AddressedCommentRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.thread_id, t.document_id, c.body, c.created_at, coalesce(p.display_name, u.display_name, '') AS author_name,
              ($2::text IS NOT NULL AND strpos(c.body, '](' || $2::text || ')') > 0) AS mention,
              count(*) OVER ()::int AS total
         FROM comments c
         JOIN comment_threads t ON t.id = c.thread_id
         LEFT JOIN users u ON u.id = c.author_user_id
         LEFT JOIN people p ON p.id = u.person_id
        WHERE t.document_id = ANY($3::uuid[]) AND c.author_user_id IS DISTINCT FROM $1
          AND (($2::text IS NOT NULL AND strpos(c.body, '](' || $2::text || ')') > 0)
            OR EXISTS (SELECT 1 FROM comments mine
                        WHERE mine.thread_id = c.thread_id AND mine.author_user_id = $1 AND mine.created_at < c.created_at))
        ORDER BY c.created_at DESC, c.id
        LIMIT $4`,
      [user.id, user.personId, documentIds, limit],
    );
  }

  /** Names shown for users: their profile's, else their account's. */
  async userNames(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      'SELECT u.id, coalesce(p.display_name, u.display_name) AS name FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE u.id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  // --- inside a command's transaction ---

  /** Of these people, those of the project (never outsiders), with their email. */
  mentionRecipients(
    manager: EntityManager,
    projectId: string,
    personIds: string[],
  ): Promise<Array<{ id: string; email: string; locale: string | null }>> {
    return manager.query(
      `SELECT DISTINCT ON (id) id, email, locale FROM (${PROJECT_PEOPLE_SQL}) people WHERE id = ANY($2::uuid[])`,
      [projectId, personIds],
    );
  }

  /** Accounts that commented in a thread and still belong to the project, but `exceptUserId` (the replier). */
  threadParticipants(
    manager: EntityManager,
    projectId: string,
    threadId: string,
    exceptUserId: string,
  ): Promise<Array<{ user_id: string; person_id: string | null; email: string }>> {
    return manager.query(
      `SELECT DISTINCT u.id AS user_id, u.person_id, u.email
         FROM comments c JOIN users u ON u.id = c.author_user_id
        WHERE c.thread_id = $2 AND u.id <> $3
          AND u.person_id IN (SELECT id FROM (${PROJECT_PEOPLE_SQL}) people)`,
      [projectId, threadId, exceptUserId],
    );
  }

  /** Deletes one comment; a thread left without comments goes with it. */
  async removeComment(manager: EntityManager, threadId: string, commentId: string): Promise<void> {
    // Lock the thread so a reply arriving at the same moment is not left in a deleted thread.
    await manager.query('SELECT id FROM comment_threads WHERE id = $1 FOR UPDATE', [threadId]);
    await manager.query('DELETE FROM comments WHERE id = $1', [commentId]);
    await manager.query(
      'DELETE FROM comment_threads t WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id)',
      [threadId],
    );
  }
}
