import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ReviewComment, ReviewRound, Reviewer } from './reviews.entities';

/** A comment with what the matrix and the views show of its reviewer. */
export interface CommentRow extends ReviewComment {
  reviewer: Pick<Reviewer, 'id' | 'name' | 'organisation' | 'type' | 'consentNamed'>;
}

export interface DocumentTitles {
  title: string;
  titleZh: string;
  projectName: string;
}

export interface RoundCounts {
  comments: number;
  disposed: number;
}

/** The raw SQL of review rounds; writes take the command's EntityManager. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async round(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ReviewRound> {
    const query = manager.getRepository(ReviewRound).createQueryBuilder('r').where('r.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const round = await query.getOne();
    if (!round) throw new ApiException(ErrorCode.NotFound, 'Review round not found.');
    return round;
  }

  roundsOf(documentId: string): Promise<ReviewRound[]> {
    return this.dataSource
      .getRepository(ReviewRound)
      .find({ where: { documentId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async counts(roundIds: string[]): Promise<Map<string, RoundCounts>> {
    if (roundIds.length === 0) return new Map();
    const rows: Array<{ round_id: string; comments: number; disposed: number }> = await this.dataSource.query(
      `SELECT round_id, count(*)::int AS comments, count(disposition)::int AS disposed
         FROM review_comments WHERE round_id = ANY($1::uuid[]) GROUP BY round_id`,
      [roundIds],
    );
    return new Map(rows.map((r) => [r.round_id, { comments: r.comments, disposed: r.disposed }]));
  }

  async document(documentId: string): Promise<DocumentTitles> {
    const [row]: Array<{ title_en: string; title_zh: string; project_name: string }> = await this.dataSource.query(
      `SELECT d.title_en, d.title_zh, p.name AS project_name FROM documents d JOIN projects p ON p.id = d.project_id
        WHERE d.id = $1`,
      [documentId],
    );
    return { title: row?.title_en ?? '', titleZh: row?.title_zh ?? '', projectName: row?.project_name ?? '' };
  }

  async frozen(versionId: string): Promise<{ html: string }> {
    const [row]: Array<{ html: string }> = await this.dataSource.query(
      'SELECT html FROM document_versions WHERE id = $1',
      [versionId],
    );
    return { html: row?.html ?? '' };
  }

  reviewers(roundId: string): Promise<Reviewer[]> {
    return this.dataSource.getRepository(Reviewer).find({ where: { roundId }, order: { invitedAt: 'ASC', id: 'ASC' } });
  }

  async reviewer(roundId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Reviewer> {
    const reviewer = await manager.getRepository(Reviewer).findOneBy({ id, roundId });
    if (!reviewer) throw new ApiException(ErrorCode.NotFound, 'Reviewer not found in this round.');
    return reviewer;
  }

  memberReviewer(roundId: string, userId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Reviewer).findOneBy({ roundId, userId });
  }

  async comments(roundId: string, reviewerId: string | null = null): Promise<CommentRow[]> {
    const rows = await this.dataSource
      .getRepository(ReviewComment)
      .createQueryBuilder('c')
      .where('c.round_id = :roundId', { roundId })
      .andWhere(reviewerId ? 'c.reviewer_id = :reviewerId' : 'TRUE', { reviewerId })
      .orderBy('c.number', 'ASC')
      .getMany();
    const reviewers = new Map((await this.reviewers(roundId)).map((r) => [r.id, r]));
    return rows.map((c) => ({ ...c, reviewer: reviewers.get(c.reviewerId) as Reviewer }));
  }

  async comment(roundId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<ReviewComment> {
    const comment = await manager.getRepository(ReviewComment).findOneBy({ id, roundId });
    if (!comment) throw new ApiException(ErrorCode.NotFound, 'Review comment not found in this round.');
    return comment;
  }

  async commentCounts(roundId: string): Promise<Map<string, number>> {
    const rows: Array<{ reviewer_id: string; n: number }> = await this.dataSource.query(
      'SELECT reviewer_id, count(*)::int AS n FROM review_comments WHERE round_id = $1 GROUP BY reviewer_id',
      [roundId],
    );
    return new Map(rows.map((r) => [r.reviewer_id, r.n]));
  }

  /** The inviting member's name and zone (the zone an outside reviewer's mails show times in). */
  async inviter(userId: string | null): Promise<{ name: string | null; timeZone: string }> {
    if (!userId) return { name: null, timeZone: 'UTC' };
    const [row]: Array<{ display_name: string; time_zone: string | null }> = await this.dataSource.query(
      'SELECT u.display_name, p.time_zone FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE u.id = $1',
      [userId],
    );
    return { name: row?.display_name ?? null, timeZone: row?.time_zone ?? 'UTC' };
  }

  /** The reviewer of a session cookie's hash, while the session lasts (real time). */
  async bySession(hash: Buffer): Promise<Reviewer | null> {
    const [row]: Array<{ reviewer_id: string }> = await this.dataSource.query(
      'SELECT reviewer_id FROM review_sessions WHERE token_hash = $1 AND expires_at > now()',
      [hash],
    );
    return row ? this.dataSource.getRepository(Reviewer).findOneBy({ id: row.reviewer_id }) : null;
  }

  /** The reviewer of a link's hash (locked), or null. */
  byToken(manager: EntityManager, hash: Buffer): Promise<Reviewer | null> {
    return manager
      .getRepository(Reviewer)
      .createQueryBuilder('r')
      .where('r.token_hash = :hash', { hash })
      .setLock('pessimistic_write')
      .getOne();
  }

  async nextNumber(manager: EntityManager, roundId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await manager.query(
      'SELECT coalesce(max(number), 0)::int + 1 AS n FROM review_comments WHERE round_id = $1',
      [roundId],
    );
    return row.n;
  }

  async storedFile(roundId: string, format: 'docx' | 'pdf'): Promise<Buffer | null> {
    const [row]: Array<{ bytes: Buffer | null }> = await this.dataSource.query(
      `SELECT ${format === 'docx' ? 'docx' : 'pdf'} AS bytes FROM review_rounds WHERE id = $1`,
      [roundId],
    );
    return row?.bytes ?? null;
  }

  async storeFile(roundId: string, format: 'docx' | 'pdf', bytes: Buffer): Promise<void> {
    await this.dataSource.query(`UPDATE review_rounds SET ${format === 'docx' ? 'docx' : 'pdf'} = $2 WHERE id = $1`, [
      roundId,
      bytes,
    ]);
  }
}
