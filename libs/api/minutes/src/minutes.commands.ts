import { recordAudit } from '@roundtable/api-audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, MINUTES_LIMITS } from '@roundtable/contracts';
import { canTransition, commentsUntil } from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import { DocumentStore } from '@roundtable/api-collaboration';
import { MeetingsService, occurrencesFor } from '@roundtable/api-meetings';
import { VersionsService } from '@roundtable/api-versions';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { MinutesAccess, type MinutesUser } from './minutes.access';
import { badRequest } from './minutes.errors';
import { MinutesIntegrityService } from './minutes-integrity.service';
import { MinutesMailer } from './minutes.mailer';
import { approvalCheckFor } from './minutes.presenter';
import { MinutesRepository, type MinutesRow } from './minutes.repository';
import { MinutesSeeder } from './minutes.seeder';

/**
 * The minutes' workflow: start (a collaborative document of type 'minutes' per occurrence), circulate for
 * comments (invitees mailed in the same transaction), approve (co-chairs; project events: a coordinator),
 * then lock with a frozen snapshot version (ADR 013, 015). Each command is one transaction; the caller reads
 * the result through `MinutesQueries`.
 */
@Injectable()
export class MinutesCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MinutesRepository,
    private readonly minutesAccess: MinutesAccess,
    private readonly meetings: MeetingsService,
    private readonly store: DocumentStore,
    private readonly versions: VersionsService,
    private readonly mailer: MinutesMailer,
    private readonly seeder: MinutesSeeder,
    private readonly integrity: MinutesIntegrityService,
    private readonly clock: Clock,
  ) {}

  /** "Start minutes" for one occurrence; starting twice returns the minutes already there (`created` false). */
  async start(
    user: MinutesUser,
    meetingId: string,
    occurrenceStart: string,
  ): Promise<{ created: boolean; id: string }> {
    // PolicyGuard has checked 'minutes.manage' on the meeting.
    const record = await this.meetings.load(meetingId);
    const m = record.meeting;
    const wanted = new Date(occurrenceStart);
    const occurrence = occurrencesFor(m, record.exceptions).find((o) => o.originalStart.getTime() === wanted.getTime());
    if (!occurrence)
      throw badRequest([
        {
          field: 'occurrenceStart',
          code: 'notAnOccurrence',
          message: 'occurrenceStart is not an occurrence of this meeting',
        },
      ]);
    if (occurrence.cancelled)
      throw badRequest([
        { field: 'occurrenceStart', code: 'occurrenceCancelled', message: 'this occurrence is cancelled' },
      ]);
    const existing = await this.repository.findByOccurrence(meetingId, wanted);
    if (existing) return { created: false, id: existing.id };

    const documentId = randomUUID();
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: m.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(occurrence.start);
    const group = record.workingGroupCode ? `${record.workingGroupCode} ` : '';
    const inserted = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockOccurrence(manager, meetingId, wanted);
      if (await this.repository.existsForOccurrence(manager, meetingId, wanted)) return false;
      // The documents table belongs to the collaboration lib; it creates the row in this transaction.
      await this.store.createDocument(manager, {
        id: documentId,
        projectId: m.projectId,
        workingGroupId: m.workingGroupId,
        type: 'minutes',
        titleEn: `Minutes: ${group}${m.title} (${day})`,
        titleZh: `会议纪要：${group}${m.title}（${day}）`,
      });
      await this.repository.insert(manager, {
        meetingId,
        occurrenceStart: wanted,
        documentId,
        createdByUserId: user.id,
      });
      return true;
    });
    const row = await this.repository.findByOccurrence(meetingId, wanted);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Minutes not found.');
    if (inserted) await this.seeder.seed(row, record, occurrence.originalStart);
    return { created: inserted, id: row.id };
  }

  async circulate(
    user: MinutesUser,
    id: string,
    commentDays: number = MINUTES_LIMITS.commentDaysDefault,
  ): Promise<void> {
    // PolicyGuard has checked 'minutes.manage'.
    const { row } = await this.minutesAccess.readable(user, id);
    const record = await this.meetings.load(row.meeting_id);
    await this.dataSource.transaction(async (manager) => {
      const status = await this.repository.lockStatus(manager, id);
      if (!canTransition(status, 'circulate'))
        throw new ApiException(ErrorCode.IllegalTransition, `Minutes that are ${status} cannot be circulated.`);
      const now = this.clock.now();
      const end = commentsUntil(now, commentDays);
      await this.repository.setCirculated(manager, id, now, end);
      await this.mailer.circulation(manager, row, record, end);
    });
  }

  /**
   * One approval, bound to the content it approves (its fingerprint is stored with it; ADR 015). Approvals of
   * earlier content are withdrawn first (and their authors told), so the last approval never completes on a
   * text another approver did not see. The last one needed approves the minutes, then the document is locked
   * (editors closed, REST edits refused) and the frozen snapshot taken as an 'approved' version — after the
   * lock, so nothing can be stored between the snapshot and the lock.
   */
  async approve(user: MinutesUser, id: string): Promise<void> {
    const { row, actor } = await this.minutesAccess.readable(user, id);
    const approvers = await this.repository.approvers(row.working_group_id);
    const complete = await this.dataSource.transaction(async (manager) => {
      const status = await this.repository.lockStatus(manager, id);
      // Rolled back with the approval when it is refused.
      await recordAudit(manager, {
        actorUserId: user.id,
        action: 'minutes.approved',
        subjectType: 'minutes',
        subjectId: id,
        details: { documentId: row.document_id },
      });
      let recorded = await this.repository.recordedApprovals(manager, id);
      let fingerprint: string | null = null;
      if (status === 'circulated') {
        // Appends wait on the per-document lock until the commit: the text fingerprinted is the text approved
        // (and, for the last approval, the text locked).
        await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('document:' || $1::uuid::text, 0))", [
          row.document_id,
        ]);
        fingerprint = await this.integrity.fingerprint(manager, id, row.document_id);
        const stale = recorded.filter((r) => r.content_sha256 !== fingerprint).map((r) => r.user_id);
        await this.integrity.withdraw(manager, row, stale, 'edited');
        recorded = recorded.filter((r) => r.content_sha256 === fingerprint);
      }
      const check = approvalCheckFor({ ...row, status }, { user, actor }, approvers, recorded);
      if (!check.ok) {
        if (check.reason === 'not-an-approver') {
          throw new ApiException(
            ErrorCode.Forbidden,
            row.working_group_id
              ? 'Only the group’s co-chairs approve its minutes.'
              : 'Only a coordinator approves the minutes of a project event.',
          );
        }
        if (check.reason === 'already-approved')
          throw new ApiException(ErrorCode.Conflict, 'You have approved these minutes already.');
        throw new ApiException(
          ErrorCode.IllegalTransition,
          status === 'approved'
            ? 'These minutes are approved already.'
            : 'Minutes are approved only while circulated for comments.',
        );
      }
      await this.repository.insertApproval(manager, {
        minutesId: id,
        userId: user.id,
        personId: user.personId,
        fingerprint,
        at: this.clock.now(),
      });
      if (check.complete) {
        await this.repository.setApproved(manager, id, this.clock.now());
        // Approved and locked commit together: approved minutes are never editable, even after a crash.
        await this.store.lock(row.document_id, user.id, 'Approved minutes', manager);
      }
      return check.complete;
    });
    if (complete) await this.freeze(row, user.id);
    else this.integrity.watch(row.document_id);
  }

  /** Lock, then snapshot; repeatable (a lock already there is kept, a snapshot already taken is not retaken). */
  private async freeze(row: MinutesRow, userId: string): Promise<void> {
    await this.store.lock(row.document_id, userId, 'Approved minutes');
    if (await this.repository.approvedVersionId(row.id)) return;
    const versionId = await this.versions.freeze(row.document_id, 'Approved', userId);
    await this.repository.setApprovedVersion(row.id, versionId);
  }
}
