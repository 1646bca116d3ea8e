import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, SubmitApplicationRequest } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Application } from './open-call.entities';
import type { ConflictRow, ReviewRow } from './open-call.presenters';

/**
 * What a submission keeps until it is confirmed; copied into `applications` then. `submittedAt`: the business
 * Clock's time of the submission (created_at is real time, for the rate limit).
 */
export type SubmissionPayload = Omit<SubmitApplicationRequest, 'website' | 'locale'> & { submittedAt?: string };

export interface SubmissionRow {
  id: string;
  call_id: string;
  email: string;
  payload: SubmissionPayload;
  submitted_from_ip: string;
  created_at: Date;
  expired: boolean;
  confirmed_at: Date | null;
  revoked_at: Date | null;
}

/**
 * The open call's submissions, applications and reviews where SQL earns its place: advisory locks, the
 * rate-limit window, upserts that report whether they inserted (`xmax = 0`), row locks. All writes run in
 * the caller's transaction.
 */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the per-address submission lock (so parallel requests cannot slip past the limit) and counts the
   * address's submissions in the window. Real time (SQL now()) on purpose, not the business Clock.
   */
  async lockAndCountRecent(
    manager: EntityManager,
    ip: string,
    windowSeconds: number,
  ): Promise<{ count: number; oldest: Date | null }> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`open-call:submit:${ip}`]);
    const [recent]: Array<{ count: number; oldest: Date | null }> = await manager.query(
      `SELECT count(*)::int AS count, min(created_at) AS oldest FROM application_submissions
        WHERE submitted_from_ip = $1 AND created_at > now() - make_interval(secs => $2)`,
      [ip, windowSeconds],
    );
    return recent;
  }

  /** Expired submissions are of no use to anyone: drop them (and the personal data they hold). */
  async dropExpiredSubmissions(manager: EntityManager, now: Date): Promise<void> {
    await manager.query('DELETE FROM application_submissions WHERE expires_at < $1', [now]);
  }

  async insertSubmission(
    manager: EntityManager,
    submission: {
      callId: string;
      email: string;
      locale: Locale;
      payload: SubmissionPayload;
      tokenHash: Buffer;
      ip: string;
      expiresAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_submissions (call_id, email, locale, payload, token_hash, submitted_from_ip, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
      [
        submission.callId,
        submission.email,
        submission.locale,
        JSON.stringify(submission.payload),
        submission.tokenHash,
        submission.ip,
        submission.expiresAt,
      ],
    );
  }

  /** The submission of a link, locked; `expired` as of `now` (the business Clock). */
  async lockSubmission(manager: EntityManager, tokenHash: Buffer, now: Date): Promise<SubmissionRow | null> {
    const [submission]: SubmissionRow[] = await manager.query(
      `SELECT id, call_id, email, payload, submitted_from_ip, created_at, expires_at <= $2 AS expired, confirmed_at, revoked_at
         FROM application_submissions WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash, now],
    );
    return submission ?? null;
  }

  /**
   * The submission becomes the application for its call and email: created, or replacing one still
   * undecided (confirmations for the same call and email one at a time: the last one confirmed wins).
   * Null when the existing application is decided.
   */
  async upsertApplication(
    manager: EntityManager,
    submission: SubmissionRow,
    now: Date,
  ): Promise<{ id: string; inserted: boolean } | null> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `open-call:confirm:${submission.call_id}:${submission.email.toLowerCase()}`,
    ]);
    const p = submission.payload;
    const rows: Array<{ id: string; inserted: boolean }> = await manager.query(
      `INSERT INTO applications (call_id, name, email, country, affiliation, sector, expertise, preferred_working_group_ids,
                                 motivation, conflict_of_interest, consent_gdpr, consent_pipl, submitted_from_ip, submitted_at,
                                 updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::uuid[], $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (call_id, lower(email)) DO UPDATE SET
         name = EXCLUDED.name, email = EXCLUDED.email, country = EXCLUDED.country, affiliation = EXCLUDED.affiliation,
         sector = EXCLUDED.sector, expertise = EXCLUDED.expertise, preferred_working_group_ids = EXCLUDED.preferred_working_group_ids,
         motivation = EXCLUDED.motivation, conflict_of_interest = EXCLUDED.conflict_of_interest,
         consent_gdpr = EXCLUDED.consent_gdpr, consent_pipl = EXCLUDED.consent_pipl,
         submitted_from_ip = EXCLUDED.submitted_from_ip, submitted_at = EXCLUDED.submitted_at, updated_at = $15
       WHERE applications.status = 'submitted'
       RETURNING id, (xmax = 0) AS inserted`,
      [
        submission.call_id,
        p.name,
        p.email,
        p.country,
        p.affiliation,
        p.sector,
        p.expertise,
        p.preferredWorkingGroupIds,
        p.motivation,
        p.conflictOfInterest,
        p.consentGdpr,
        p.consentPipl,
        submission.submitted_from_ip,
        p.submittedAt ?? submission.created_at,
        now,
      ],
    );
    return rows[0] ?? null;
  }

  /** Single use: marks the submission confirmed and revokes the email's other open submissions to the call. */
  async confirmSubmission(
    manager: EntityManager,
    submission: SubmissionRow,
    applicationId: string,
    now: Date,
  ): Promise<void> {
    await manager.query('UPDATE application_submissions SET confirmed_at = $3, application_id = $2 WHERE id = $1', [
      submission.id,
      applicationId,
      now,
    ]);
    await manager.query(
      `UPDATE application_submissions SET revoked_at = $4
        WHERE call_id = $1 AND lower(email) = lower($2) AND id <> $3 AND confirmed_at IS NULL AND revoked_at IS NULL`,
      [submission.call_id, submission.email, submission.id, now],
    );
  }

  /** Adds the reviewer's review, or replaces it; true when it is new. */
  async upsertReview(
    manager: EntityManager,
    applicationId: string,
    reviewerUserId: string,
    score: number,
    comment: string,
  ): Promise<boolean> {
    const [row]: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO application_reviews (application_id, reviewer_user_id, score, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, reviewer_user_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [applicationId, reviewerUserId, score, comment],
    );
    return row.inserted;
  }

  /**
   * Records (or restates) the reviewer's conflict of interest, and withdraws their review: a conflicted
   * reviewer's score does not count (ADR 035).
   */
  async declareConflict(
    manager: EntityManager,
    applicationId: string,
    reviewerUserId: string,
    statement: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_conflicts (application_id, reviewer_user_id, statement, declared_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, reviewer_user_id) DO UPDATE SET statement = EXCLUDED.statement, declared_at = EXCLUDED.declared_at`,
      [applicationId, reviewerUserId, statement, now],
    );
    await manager.query('DELETE FROM application_reviews WHERE application_id = $1 AND reviewer_user_id = $2', [
      applicationId,
      reviewerUserId,
    ]);
  }

  /** Whether the reviewer declared a conflict of interest with the application (read in the caller's transaction). */
  async hasConflict(manager: EntityManager, applicationId: string, reviewerUserId: string): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM application_conflicts WHERE application_id = $1 AND reviewer_user_id = $2',
      [applicationId, reviewerUserId],
    );
    return rows.length > 0;
  }

  conflictsOf(applicationIds: string[]): Promise<ConflictRow[]> {
    return this.dataSource.query(
      `SELECT c.application_id AS "applicationId", c.reviewer_user_id AS "reviewerUserId", u.display_name AS "reviewerName",
              c.statement, c.declared_at AS "declaredAt"
         FROM application_conflicts c JOIN users u ON u.id = c.reviewer_user_id
        WHERE c.application_id = ANY($1::uuid[])
        ORDER BY c.declared_at, u.display_name`,
      [applicationIds],
    );
  }

  /** Locks the row for a decision; null when it is gone. A concurrent decision waits, then sees it decided. */
  /** The language of the form the application was confirmed from, while its submission is kept (ADR 044). */
  async formLocale(manager: EntityManager, applicationId: string): Promise<Locale | null> {
    const [row]: Array<{ locale: Locale }> = await manager.query(
      'SELECT locale FROM application_submissions WHERE application_id = $1 ORDER BY confirmed_at DESC NULLS LAST LIMIT 1',
      [applicationId],
    );
    return row?.locale ?? null;
  }

  async lockForDecision(manager: EntityManager, applicationId: string): Promise<Pick<Application, 'status'> | null> {
    const [row]: Array<{ status: Application['status'] }> = await manager.query(
      'SELECT status FROM applications WHERE id = $1 FOR NO KEY UPDATE',
      [applicationId],
    );
    return row ?? null;
  }

  async markDecided(
    manager: EntityManager,
    applicationId: string,
    status: 'accepted' | 'declined',
    userId: string,
    workingGroupId: string | null,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE applications SET status = $2, decided_by_user_id = $3, decided_at = $5, decision_working_group_id = $4, updated_at = $5
        WHERE id = $1`,
      [applicationId, status, userId, workingGroupId, now],
    );
  }

  reviewsOf(applicationIds: string[]): Promise<ReviewRow[]> {
    return this.dataSource.query(
      `SELECT r.application_id AS "applicationId", r.reviewer_user_id AS "reviewerUserId", u.display_name AS "reviewerName",
              r.score, r.comment
         FROM application_reviews r JOIN users u ON u.id = r.reviewer_user_id
        WHERE r.application_id = ANY($1::uuid[])
        ORDER BY r.created_at, r.id`,
      [applicationIds],
    );
  }
}
