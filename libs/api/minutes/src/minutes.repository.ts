import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MinutesStatusDto } from '@roundtable/contracts';
import type { MinutesApprovers } from '@roundtable/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** A minutes row with its meeting's facts (one join, read by every minutes route). */
export interface MinutesRow {
  id: string;
  meeting_id: string;
  occurrence_start: Date;
  document_id: string;
  status: MinutesStatusDto;
  circulated_at: Date | null;
  comments_until: Date | null;
  approved_at: Date | null;
  approved_version_id: string | null;
  project_id: string;
  working_group_id: string | null;
  working_group_code: string | null;
  meeting_title: string;
  time_zone: string;
}

export interface ApprovalRow {
  user_id: string;
  person_id: string | null;
  name: string;
  approved_at: Date;
}

export interface RecordedApproval {
  user_id: string;
  person_id: string | null;
  content_sha256: string | null;
}

export interface ArchiveFilter {
  projectId: string;
  workingGroupId: string | null;
  from: string | null;
  to: string | null;
  q: string;
}

const MINUTES_SELECT = `
  SELECT mm.id, mm.meeting_id, mm.occurrence_start, mm.document_id, mm.status, mm.circulated_at, mm.comments_until, mm.approved_at,
         mm.approved_version_id, m.project_id, m.working_group_id, g.code AS working_group_code, m.title AS meeting_title, m.time_zone
    FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id LEFT JOIN working_groups g ON g.id = m.working_group_id`;

/**
 * The SQL of meeting_minutes and minutes_approvals (decisions and action items: `ActionItemsRepository`). Raw
 * SQL earns its place here: every read joins the meeting and its group into one typed row, and the archive
 * searches the frozen text. Writes take the caller's transaction; this lib writes no other lib's table.
 */
@Injectable()
export class MinutesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // --- minutes ---

  async ownerOf(documentId: string): Promise<{ id: string; status: MinutesStatusDto } | null> {
    const [row] = await this.dataSource.query('SELECT id, status FROM meeting_minutes WHERE document_id = $1', [
      documentId,
    ]);
    return row ?? null;
  }

  async find(id: string): Promise<MinutesRow | null> {
    const [row] = await this.where('mm.id = $1', [id]);
    return row ?? null;
  }

  async findByOccurrence(meetingId: string, occurrenceStart: Date): Promise<MinutesRow | null> {
    const [row] = await this.where('mm.meeting_id = $1 AND mm.occurrence_start = $2', [meetingId, occurrenceStart]);
    return row ?? null;
  }

  forMeeting(meetingId: string): Promise<MinutesRow[]> {
    return this.where('mm.meeting_id = $1 ORDER BY mm.occurrence_start', [meetingId]);
  }

  /** Circulated minutes (waiting for approvals) of these projects, oldest occurrence first. */
  circulatedIn(projectIds: readonly string[]): Promise<MinutesRow[]> {
    return this.where(`m.project_id = ANY($1::uuid[]) AND mm.status = 'circulated' ORDER BY mm.occurrence_start`, [
      projectIds,
    ]);
  }

  /** Approved minutes of a project with their frozen text; `q` matches that text or the meeting title. */
  archive(filter: ArchiveFilter): Promise<Array<MinutesRow & { text: string }>> {
    return this.dataSource.query(
      `${MINUTES_SELECT.replace('FROM meeting_minutes mm', ", coalesce(v.text, '') AS text FROM meeting_minutes mm")}
        LEFT JOIN document_versions v ON v.id = mm.approved_version_id
       WHERE m.project_id = $1 AND mm.status = 'approved'
         AND ($2::uuid IS NULL OR m.working_group_id = $2)
         AND ($3::date IS NULL OR (mm.occurrence_start AT TIME ZONE m.time_zone)::date >= $3)
         AND ($4::date IS NULL OR (mm.occurrence_start AT TIME ZONE m.time_zone)::date <= $4)
         AND ($5 = '' OR v.text ILIKE '%' || $6 || '%' OR m.title ILIKE '%' || $6 || '%')
       ORDER BY mm.occurrence_start DESC
       LIMIT 200`,
      [
        filter.projectId,
        filter.workingGroupId,
        filter.from,
        filter.to,
        filter.q,
        filter.q.replace(/[\\%_]/g, (c) => `\\${c}`),
      ],
    );
  }

  /** Serialises "Start minutes" of one occurrence (two co-chairs pressing at once make one row). */
  async lockOccurrence(manager: EntityManager, meetingId: string, occurrenceStart: Date): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('minutes:' || $1::text || $2::text, 0))", [
      meetingId,
      occurrenceStart.toISOString(),
    ]);
  }

  async existsForOccurrence(manager: EntityManager, meetingId: string, occurrenceStart: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT id FROM meeting_minutes WHERE meeting_id = $1 AND occurrence_start = $2',
      [meetingId, occurrenceStart],
    );
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    row: { meetingId: string; occurrenceStart: Date; documentId: string; createdByUserId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_minutes (meeting_id, occurrence_start, document_id, status, created_by_user_id) VALUES ($1, $2, $3, 'draft', $4)`,
      [row.meetingId, row.occurrenceStart, row.documentId, row.createdByUserId],
    );
  }

  /** The status under a row lock: the minutes' changes (and approvals) happen one at a time. */
  async lockStatus(manager: EntityManager, id: string): Promise<MinutesStatusDto> {
    const [current] = await manager.query('SELECT status FROM meeting_minutes WHERE id = $1 FOR UPDATE', [id]);
    return current.status;
  }

  async setCirculated(manager: EntityManager, id: string, at: Date, commentsUntil: Date): Promise<void> {
    await manager.query(
      `UPDATE meeting_minutes SET status = 'circulated', circulated_at = $2, comments_until = $3 WHERE id = $1`,
      [id, at, commentsUntil],
    );
  }

  async setApproved(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE meeting_minutes SET status = 'approved', approved_at = $2 WHERE id = $1`, [id, at]);
  }

  async approvedVersionId(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT approved_version_id FROM meeting_minutes WHERE id = $1', [id]);
    return row.approved_version_id;
  }

  async setApprovedVersion(id: string, versionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE meeting_minutes SET approved_version_id = $2 WHERE id = $1 AND approved_version_id IS NULL',
      [id, versionId],
    );
  }

  // --- approvals ---

  recordedApprovals(manager: EntityManager, minutesId: string): Promise<RecordedApproval[]> {
    return manager.query('SELECT user_id, person_id, content_sha256 FROM minutes_approvals WHERE minutes_id = $1', [
      minutesId,
    ]);
  }

  async insertApproval(
    manager: EntityManager,
    approval: { minutesId: string; userId: string; personId: string | null; fingerprint: string | null; at: Date },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO minutes_approvals (minutes_id, user_id, person_id, content_sha256, approved_at) VALUES ($1, $2, $3, $4, $5)',
      [approval.minutesId, approval.userId, approval.personId, approval.fingerprint, approval.at],
    );
  }

  approvals(minutesId: string): Promise<ApprovalRow[]> {
    return this.dataSource.query(
      `SELECT a.user_id, a.person_id, coalesce(p.display_name, u.display_name) AS name, a.approved_at
         FROM minutes_approvals a JOIN users u ON u.id = a.user_id LEFT JOIN people p ON p.id = a.person_id
        WHERE a.minutes_id = $1 ORDER BY a.approved_at`,
      [minutesId],
    );
  }

  /** Who approves: the group's current co-chairs (memberships, owned by the projects lib); none for project events. */
  async approvers(workingGroupId: string | null): Promise<MinutesApprovers> {
    if (!workingGroupId) return { workingGroupId: null, coChairPersonIds: [] };
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      "SELECT person_id FROM memberships WHERE working_group_id = $1 AND role = 'co-chair' AND left_on IS NULL",
      [workingGroupId],
    );
    return { workingGroupId, coChairPersonIds: rows.map((r) => r.person_id) };
  }

  private where(where: string, params: unknown[]): Promise<MinutesRow[]> {
    return this.dataSource.query(`${MINUTES_SELECT} WHERE ${where}`, params);
  }
}
