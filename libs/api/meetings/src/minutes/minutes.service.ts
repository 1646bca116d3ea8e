import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  MINUTES_LIMITS,
  type ActionItemDto,
  type DecisionDto,
  type DocumentOwnerDto,
  type FieldError,
  type MinutesArchiveEntryDto,
  type MinutesDto,
  type MinutesStatusDto,
  type MinutesSummaryDto,
} from '@roundtable/contracts';
import {
  approvalsNeeded,
  can,
  canTransition,
  carriedActions,
  checkApproval,
  commentsUntil,
  documentAccess,
  isOverdue,
  type Actor,
  type ActionStatus,
  type MinutesApprovers,
} from '@roundtable/domain';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { ApiException, Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { DocumentStore } from '@roundtable/api-collaboration';
import { MailService } from '@roundtable/api-mail';
import { AccessService } from '@roundtable/api-projects';
import { VersionsService } from '@roundtable/api-versions';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { randomUUID } from 'crypto';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { MeetingMailer } from '../meeting.mailer';
import { occurrencesFor, publicBaseUrl, type MeetingRecord } from '../meeting.record';
import { MeetingsService } from '../meetings.service';
import type { ActionItemBodyDto, ActionItemUpdateDto, ArchiveQueryDto, DecisionBodyDto } from './minutes.dto';
import { MinutesIntegrityService } from './minutes-integrity.service';
import { minutesCirculationMail } from './minutes.mail';
import { minutesTemplate } from './minutes.template';

type User = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId'>;

interface MinutesRow {
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

interface ActionRow {
  id: string;
  minutes_id: string;
  meeting_id: string;
  meeting_title: string;
  project_id: string;
  working_group_id: string | null;
  working_group_code: string | null;
  occurrence_start: Date;
  text: string;
  owner_person_id: string;
  owner_name: string;
  due_on: string | null;
  status: ActionStatus;
  agenda_item_id: string | null;
  agenda_item_title: string | null;
}

const MINUTES_SELECT = `
  SELECT mm.id, mm.meeting_id, mm.occurrence_start, mm.document_id, mm.status, mm.circulated_at, mm.comments_until, mm.approved_at,
         mm.approved_version_id, m.project_id, m.working_group_id, g.code AS working_group_code, m.title AS meeting_title, m.time_zone
    FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id LEFT JOIN working_groups g ON g.id = m.working_group_id`;

const ACTION_SELECT = `
  SELECT a.id, a.minutes_id, mm.meeting_id, m.title AS meeting_title, m.project_id, m.working_group_id, g.code AS working_group_code,
         mm.occurrence_start, a.text, a.owner_person_id, p.display_name AS owner_name, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.status,
         a.agenda_item_id, ai.title AS agenda_item_title
    FROM action_items a
    JOIN meeting_minutes mm ON mm.id = a.minutes_id
    JOIN meetings m ON m.id = mm.meeting_id
    JOIN people p ON p.id = a.owner_person_id
    LEFT JOIN working_groups g ON g.id = m.working_group_id
    LEFT JOIN meeting_agenda_items ai ON ai.id = a.agenda_item_id`;

const badRequest = (fields: FieldError[]) =>
  new ApiException(ErrorCode.ValidationFailed, `Invalid ${[...new Set(fields.map((f) => f.field))].join(', ')}`, {
    fields,
  });

/**
 * Minutes of meeting occurrences: a collaborative document (type 'minutes') per occurrence, circulated for
 * comments, approved by the co-chairs (project events: a coordinator), then locked with a frozen snapshot
 * version. Decisions and action items are rows beside the document. Drafts are seen by the meeting's group
 * and invitees; approved minutes by every group of the project (the policy's `restricted`).
 */
@Injectable()
export class MinutesService {
  private readonly logger = new Logger('Minutes');
  private readonly schema = getSchema(editorExtensions());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly meetings: MeetingsService,
    private readonly store: DocumentStore,
    private readonly versions: VersionsService,
    private readonly mailer: MeetingMailer,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly integrity: MinutesIntegrityService,
  ) {}

  // --- minutes ---

  /** The minutes a document is the text of (registered with `DocumentOwners`), or null for other documents. */
  async ownerOf(documentId: string): Promise<DocumentOwnerDto | null> {
    const [row]: Array<{ id: string; status: MinutesStatusDto }> = await this.dataSource.query(
      'SELECT id, status FROM meeting_minutes WHERE document_id = $1',
      [documentId],
    );
    return row ? { kind: 'minutes', id: row.id, status: row.status } : null;
  }

  /** "Start minutes" for one occurrence; starting twice returns the minutes already there. */
  async start(
    user: User,
    meetingId: string,
    occurrenceStart: string,
  ): Promise<{ created: boolean; minutes: MinutesDto }> {
    const { actor, record } = await this.meetings.readable(user, meetingId);
    const m = record.meeting;
    const wanted = new Date(occurrenceStart);
    const occurrence = occurrencesFor(m, record.exceptions).find((o) => o.originalStart.getTime() === wanted.getTime());
    if (!occurrence)
      throw badRequest([{ field: 'occurrenceStart', message: 'occurrenceStart is not an occurrence of this meeting' }]);
    if (occurrence.cancelled) throw badRequest([{ field: 'occurrenceStart', message: 'this occurrence is cancelled' }]);
    const existing = await this.findRow('mm.meeting_id = $1 AND mm.occurrence_start = $2', [meetingId, wanted]);
    if (existing) return { created: false, minutes: await this.present(existing, user, actor) };

    const documentId = randomUUID();
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: m.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(occurrence.start);
    const group = record.workingGroupCode ? `${record.workingGroupCode} ` : '';
    const inserted = await this.dataSource.transaction(async (manager) => {
      // One minutes per occurrence, even when two co-chairs press "Start minutes" at once.
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('minutes:' || $1::text || $2::text, 0))", [
        meetingId,
        wanted.toISOString(),
      ]);
      const [again] = await manager.query(
        'SELECT id FROM meeting_minutes WHERE meeting_id = $1 AND occurrence_start = $2',
        [meetingId, wanted],
      );
      if (again) return false;
      await manager.query(
        `INSERT INTO documents (id, project_id, working_group_id, type, title_en, title_zh, status) VALUES ($1, $2, $3, 'minutes', $4, $5, 'draft')`,
        [
          documentId,
          m.projectId,
          m.workingGroupId,
          `Minutes: ${group}${m.title} (${day})`,
          `会议纪要：${group}${m.title}（${day}）`,
        ],
      );
      await manager.query(
        `INSERT INTO meeting_minutes (meeting_id, occurrence_start, document_id, status, created_by_user_id) VALUES ($1, $2, $3, 'draft', $4)`,
        [meetingId, wanted, documentId, user.id],
      );
      return true;
    });
    const row = await this.findRow('mm.meeting_id = $1 AND mm.occurrence_start = $2', [meetingId, wanted]);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Minutes not found.');
    if (inserted) await this.seed(row, record, occurrence.originalStart);
    return { created: inserted, minutes: await this.present(row, user, actor) };
  }

  async get(user: User, id: string): Promise<MinutesDto> {
    const { row, actor } = await this.readable(user, id);
    return this.present(row, user, actor);
  }

  /** Minutes of a meeting the caller may see, by occurrence. */
  async forMeeting(user: User, meetingId: string): Promise<MinutesSummaryDto[]> {
    const { actor } = await this.meetings.readable(user, meetingId);
    const rows = await this.rows('mm.meeting_id = $1 ORDER BY mm.occurrence_start', [meetingId]);
    const visible = await this.visibleRows(actor, user, rows);
    return visible.map(summary);
  }

  async circulate(
    user: User,
    id: string,
    commentDays: number = MINUTES_LIMITS.commentDaysDefault,
  ): Promise<MinutesDto> {
    const { row, actor, record } = await this.manageable(user, id);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query('SELECT status FROM meeting_minutes WHERE id = $1 FOR UPDATE', [id]);
      if (!canTransition(current.status, 'circulate'))
        throw new ApiException(ErrorCode.IllegalTransition, `Minutes that are ${current.status} cannot be circulated.`);
      const now = this.clock.now();
      const end = commentsUntil(now, commentDays);
      await manager.query(
        `UPDATE meeting_minutes SET status = 'circulated', circulated_at = $2, comments_until = $3 WHERE id = $1`,
        [id, now, end],
      );
      await this.mailCirculation(manager, row, record, end);
    });
    return this.present(await this.mustFind(id), user, actor);
  }

  /**
   * One approval, bound to the content it approves (its fingerprint is stored with it; ADR 015). Approvals of
   * earlier content are withdrawn first (and their authors told), so the last approval never completes on a
   * text another approver did not see. The last one needed approves the minutes, then the document is locked
   * (editors closed, REST edits refused) and the frozen snapshot taken as an 'approved' version — after the
   * lock, so nothing can be stored between the snapshot and the lock.
   */
  async approve(user: User, id: string): Promise<MinutesDto> {
    const { row, actor } = await this.readable(user, id);
    const approvers = await this.approvers(row);
    const coordinator = actor.platformRole === 'admin' || actor.coordinatedProjectIds.includes(row.project_id);
    const complete = await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query('SELECT status FROM meeting_minutes WHERE id = $1 FOR UPDATE', [id]);
      let recorded: Array<{ user_id: string; person_id: string | null; content_sha256: string | null }> =
        await manager.query('SELECT user_id, person_id, content_sha256 FROM minutes_approvals WHERE minutes_id = $1', [
          id,
        ]);
      let fingerprint: string | null = null;
      if (current.status === 'circulated') {
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
      const byPerson = row.working_group_id !== null;
      const check = checkApproval({
        status: current.status,
        approvers,
        approver: { personId: user.personId, coordinator },
        approverKey: byPerson ? (user.personId ?? user.id) : user.id,
        recorded: recorded.map((r) => (byPerson ? (r.person_id ?? r.user_id) : r.user_id)),
      });
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
          current.status === 'approved'
            ? 'These minutes are approved already.'
            : 'Minutes are approved only while circulated for comments.',
        );
      }
      await manager.query(
        'INSERT INTO minutes_approvals (minutes_id, user_id, person_id, content_sha256, approved_at) VALUES ($1, $2, $3, $4, $5)',
        [id, user.id, user.personId, fingerprint, this.clock.now()],
      );
      if (check.complete) {
        await manager.query(`UPDATE meeting_minutes SET status = 'approved', approved_at = $2 WHERE id = $1`, [
          id,
          this.clock.now(),
        ]);
        // Approved and locked commit together: approved minutes are never editable, even after a crash.
        await this.store.lock(row.document_id, user.id, 'Approved minutes', manager);
      }
      return check.complete;
    });
    if (complete) await this.freeze(row, user.id);
    else this.integrity.watch(row.document_id);
    return this.present(await this.mustFind(id), user, actor);
  }

  /** Lock, then snapshot; repeatable (a lock already there is kept, a snapshot already taken is not retaken). */
  private async freeze(row: MinutesRow, userId: string): Promise<void> {
    await this.store.lock(row.document_id, userId, 'Approved minutes');
    const [current] = await this.dataSource.query('SELECT approved_version_id FROM meeting_minutes WHERE id = $1', [
      row.id,
    ]);
    if (current.approved_version_id) return;
    const versionId = await this.versions.freeze(row.document_id, 'Approved', userId);
    await this.dataSource.query(
      'UPDATE meeting_minutes SET approved_version_id = $2 WHERE id = $1 AND approved_version_id IS NULL',
      [row.id, versionId],
    );
  }

  // --- archive ---

  /** Approved minutes of the project, searched in their frozen text, by group and occurrence date. */
  async archive(user: User, projectId: string, query: ArchiveQueryDto): Promise<MinutesArchiveEntryDto[]> {
    if (query.from && query.to && query.from > query.to)
      throw badRequest([{ field: 'to', message: 'to must not be before from' }]);
    const q = query.q?.trim() ?? '';
    const rows: Array<MinutesRow & { text: string }> = await this.dataSource.query(
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
        projectId,
        query.workingGroupId ?? null,
        query.from ?? null,
        query.to ?? null,
        q,
        q.replace(/[\\%_]/g, (c) => `\\${c}`),
      ],
    );
    return rows.map((r) => ({ ...summary(r), excerpt: excerpt(r.text, q) }));
  }

  // --- decisions ---

  async addDecision(user: User, minutesId: string, body: DecisionBodyDto): Promise<DecisionDto> {
    const { row } = await this.editable(user, minutesId);
    await this.checkAgendaItem(row, body.agendaItemId);
    const [{ id }] = await this.dataSource.query(
      'INSERT INTO meeting_decisions (minutes_id, text, agenda_item_id, created_by_user_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [minutesId, body.text, body.agendaItemId ?? null, user.id],
    );
    await this.integrity.check(row.document_id);
    return (await this.decisions(minutesId)).find((d) => d.id === id) as DecisionDto;
  }

  async deleteDecision(user: User, minutesId: string, decisionId: string): Promise<void> {
    const { row } = await this.editable(user, minutesId);
    const rows: unknown[] = await this.dataSource.query(
      'WITH gone AS (DELETE FROM meeting_decisions WHERE id = $1 AND minutes_id = $2 RETURNING id) SELECT id FROM gone',
      [decisionId, minutesId],
    );
    if (rows.length === 0) throw new ApiException(ErrorCode.NotFound, 'Decision not found.');
    await this.integrity.check(row.document_id);
  }

  // --- action items ---

  async addAction(user: User, minutesId: string, body: ActionItemBodyDto): Promise<ActionItemDto> {
    const { row, actor } = await this.editable(user, minutesId);
    await this.meetings.checkPeople(row.project_id, [body.ownerPersonId], 'ownerPersonId');
    await this.checkAgendaItem(row, body.agendaItemId);
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO action_items (minutes_id, text, owner_person_id, due_on, status, agenda_item_id, created_by_user_id)
       VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id`,
      [minutesId, body.text, body.ownerPersonId, body.dueOn ?? null, body.agendaItemId ?? null, user.id],
    );
    await this.integrity.check(row.document_id);
    return this.presentAction(await this.actionRow(id), actor);
  }

  /**
   * Text, owner, due date and agenda link change while the minutes are not approved, by those who write
   * them; the status (the follow-up) changes at any time, by the owner, the co-chairs and the coordinators.
   */
  async updateAction(user: User, actionId: string, body: ActionItemUpdateDto): Promise<ActionItemDto> {
    const actor = await this.access.actorFor(user);
    const action = await this.actionRow(actionId);
    const { row } = await this.readable(user, action.minutes_id, actor);
    const content =
      body.text !== undefined ||
      body.ownerPersonId !== undefined ||
      body.dueOn !== undefined ||
      body.agendaItemId !== undefined;
    if (content) {
      await this.editable(user, action.minutes_id);
      if (body.ownerPersonId) await this.meetings.checkPeople(row.project_id, [body.ownerPersonId], 'ownerPersonId');
      await this.checkAgendaItem(row, body.agendaItemId);
    }
    if (body.status !== undefined && !can(actor, 'action.setStatus', actionResource(action))) {
      throw new ApiException(
        ErrorCode.Forbidden,
        'Only the owner, the group’s co-chairs and coordinators change the status of an action.',
      );
    }
    await this.dataSource.query(
      `UPDATE action_items SET
          text = CASE WHEN $2::boolean THEN $3 ELSE text END,
          owner_person_id = CASE WHEN $4::boolean THEN $5::uuid ELSE owner_person_id END,
          due_on = CASE WHEN $6::boolean THEN $7::date ELSE due_on END,
          agenda_item_id = CASE WHEN $8::boolean THEN $9::uuid ELSE agenda_item_id END,
          status = coalesce($10, status),
          updated_at = now()
        WHERE id = $1`,
      [
        actionId,
        body.text !== undefined,
        body.text ?? null,
        body.ownerPersonId !== undefined,
        body.ownerPersonId ?? null,
        body.dueOn !== undefined,
        body.dueOn ?? null,
        body.agendaItemId !== undefined,
        body.agendaItemId ?? null,
        body.status ?? null,
      ],
    );
    // The follow-up status is not part of what was approved; the content is.
    if (content) await this.integrity.check(row.document_id);
    return this.presentAction(await this.actionRow(actionId), actor);
  }

  async deleteAction(user: User, actionId: string): Promise<void> {
    const action = await this.actionRow(actionId);
    const { row } = await this.editable(user, action.minutes_id);
    await this.dataSource.query('DELETE FROM action_items WHERE id = $1', [actionId]);
    await this.integrity.check(row.document_id);
  }

  /** The caller's action items across every group and project, open ones first, by due date. */
  async myActions(user: User): Promise<ActionItemDto[]> {
    if (!user.personId) return [];
    const actor = await this.access.actorFor(user);
    const rows: ActionRow[] = await this.dataSource.query(
      `${ACTION_SELECT} WHERE a.owner_person_id = $1
        ORDER BY (a.status = 'open') DESC, a.due_on ASC NULLS LAST, a.created_at`,
      [user.personId],
    );
    return rows.map((r) => this.presentAction(r, actor));
  }

  /**
   * Open actions of the meeting's group carried into an occurrence's agenda (by default the next one to
   * come): computed from the action items, never copied, so closing an action takes it off every agenda.
   */
  async carriedInto(user: User, meetingId: string, before?: string): Promise<ActionItemDto[]> {
    const { actor, record } = await this.meetings.readable(user, meetingId);
    const m = record.meeting;
    const now = this.clock.now();
    const upcoming = occurrencesFor(m, record.exceptions).find((o) => !o.cancelled && o.end.getTime() > now.getTime());
    const cutoff = before ? new Date(before) : (upcoming?.start ?? now);
    const rows: ActionRow[] = await this.dataSource.query(
      `${ACTION_SELECT}
        WHERE m.project_id = $1 AND m.working_group_id IS NOT DISTINCT FROM $2 AND a.status = 'open'
        ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
      [m.projectId, m.workingGroupId],
    );
    const carried = carriedActions(
      rows.map((r) => ({ ...r, occurrenceStart: new Date(r.occurrence_start) })),
      cutoff,
    );
    return carried.map((r) => this.presentAction(r, actor));
  }

  // --- helpers ---

  private async seed(row: MinutesRow, record: MeetingRecord, occurrenceStart: Date): Promise<void> {
    const attendance = record.attendance
      .filter((a) => a.occurrenceStart.getTime() === occurrenceStart.getTime())
      .map((a) => a.personId);
    const names = new Map(record.invitees.map((i) => [i.person_id, i.display_name]));
    const yes = record.invitees.filter((i) => i.rsvp === 'yes').map((i) => i.person_id);
    const attendeeIds =
      attendance.length > 0 ? attendance : yes.length > 0 ? yes : record.invitees.map((i) => i.person_id);
    const carried = await this.dataSource.query<ActionRow[]>(
      `${ACTION_SELECT} WHERE m.project_id = $1 AND m.working_group_id IS NOT DISTINCT FROM $2 AND a.status = 'open' AND mm.occurrence_start < $3
        ORDER BY a.due_on ASC NULLS LAST`,
      [row.project_id, row.working_group_id, occurrenceStart],
    );
    const json = minutesTemplate({
      meetingTitle: row.meeting_title,
      workingGroupCode: row.working_group_code,
      occurrenceStart,
      meetingZone: row.time_zone,
      inviteeZones: record.invitees.map((i) => i.time_zone),
      attendees: attendeeIds.map((id) => names.get(id) ?? '').filter(Boolean),
      agenda: record.agenda.map((a) => ({ title: a.title, presenterName: a.presenterName })),
      carried: carried.map((a) => ({ text: a.text, ownerName: a.owner_name, dueOn: a.due_on })),
    });
    await this.store.seedIfEmpty(row.document_id, () => {
      const doc = prosemirrorJSONToYDoc(this.schema, json, EDITOR_FRAGMENT);
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return update;
    });
  }

  private async mailCirculation(
    manager: EntityManager,
    row: MinutesRow,
    record: MeetingRecord,
    until: Date,
  ): Promise<void> {
    const recipients = await this.mailer.recipients(
      record.invitees.map((i) => i.person_id),
      manager,
    );
    for (const recipient of recipients.values()) {
      let message: ReturnType<typeof minutesCirculationMail>;
      try {
        message = minutesCirculationMail({
          locale: recipient.locale,
          recipientName: recipient.display_name,
          recipientZone: recipient.time_zone,
          meetingTitle: row.meeting_title,
          workingGroupCode: row.working_group_code,
          meetingZone: row.time_zone,
          occurrenceStart: new Date(row.occurrence_start),
          commentsUntil: until,
          link: `${publicBaseUrl()}/minutes/${row.id}`,
        });
      } catch (error) {
        this.logger.error(`Could not prepare the circulation mail of minutes ${row.id}`, error as Error);
        continue;
      }
      await this.mail.enqueue(manager, { to: recipient.email, ...message, kind: 'minutes-circulation' });
    }
  }

  private async approvers(row: MinutesRow): Promise<MinutesApprovers> {
    if (!row.working_group_id) return { workingGroupId: null, coChairPersonIds: [] };
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      "SELECT person_id FROM memberships WHERE working_group_id = $1 AND role = 'co-chair' AND left_on IS NULL",
      [row.working_group_id],
    );
    return { workingGroupId: row.working_group_id, coChairPersonIds: rows.map((r) => r.person_id) };
  }

  private async checkAgendaItem(row: MinutesRow, agendaItemId: string | null | undefined): Promise<void> {
    if (!agendaItemId) return;
    const [item] = await this.dataSource.query('SELECT 1 FROM meeting_agenda_items WHERE id = $1 AND meeting_id = $2', [
      agendaItemId,
      row.meeting_id,
    ]);
    if (!item)
      throw badRequest([{ field: 'agendaItemId', message: 'agendaItemId is not an agenda item of this meeting' }]);
  }

  private async findRow(where: string, params: unknown[]): Promise<MinutesRow | null> {
    const [row] = await this.rows(where, params);
    return row ?? null;
  }

  private rows(where: string, params: unknown[]): Promise<MinutesRow[]> {
    return this.dataSource.query(`${MINUTES_SELECT} WHERE ${where}`, params);
  }

  private async mustFind(id: string): Promise<MinutesRow> {
    const row = await this.findRow('mm.id = $1', [id]);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Minutes not found.');
    return row;
  }

  /** Readable = the minutes document is readable (the one rule, as on the socket); else 404. */
  private async readable(
    user: User,
    id: string,
    known?: Actor,
  ): Promise<{ row: MinutesRow; actor: Actor; access: 'read' | 'write' }> {
    const row = await this.mustFind(id);
    const { access } = await this.access.documentAccessFor(user, row.document_id).catch(() => {
      throw new ApiException(ErrorCode.NotFound, 'Minutes not found.');
    });
    return { row, actor: known ?? (await this.access.actorFor(user)), access };
  }

  private async manageable(user: User, id: string): Promise<{ row: MinutesRow; actor: Actor; record: MeetingRecord }> {
    const { row, actor } = await this.readable(user, id);
    // PolicyGuard has checked 'minutes.manage'.
    return { row, actor, record: await this.meetings.load(row.meeting_id) };
  }

  /** Decisions and action items are edited by whoever writes the minutes, until they are approved. */
  private async editable(user: User, id: string): Promise<{ row: MinutesRow; actor: Actor }> {
    const { row, actor, access } = await this.readable(user, id);
    if (row.status === 'approved')
      throw new ApiException(ErrorCode.DocumentLocked, 'These minutes are approved and locked.');
    if (access !== 'write')
      throw new ApiException(ErrorCode.Forbidden, 'You may read these minutes but not edit them.');
    return { row, actor };
  }

  private async visibleRows(actor: Actor, user: User, rows: MinutesRow[]): Promise<MinutesRow[]> {
    const restricted = await this.access.minutesRestrictions(
      user.personId,
      rows.map((r) => ({ id: r.document_id, type: 'minutes' as const })),
    );
    return rows.filter(
      (r) =>
        documentAccess(actor, {
          projectId: r.project_id,
          workingGroupId: r.working_group_id,
          restricted: restricted.get(r.document_id) ?? null,
        }) !== 'none',
    );
  }

  private async decisions(minutesId: string): Promise<DecisionDto[]> {
    const rows: Array<{
      id: string;
      text: string;
      agenda_item_id: string | null;
      title: string | null;
      created_at: Date;
    }> = await this.dataSource.query(
      `SELECT d.id, d.text, d.agenda_item_id, ai.title, d.created_at
         FROM meeting_decisions d LEFT JOIN meeting_agenda_items ai ON ai.id = d.agenda_item_id
        WHERE d.minutes_id = $1 ORDER BY d.created_at, d.id`,
      [minutesId],
    );
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      agendaItemId: r.agenda_item_id,
      agendaItemTitle: r.title,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  private async actionRow(id: string): Promise<ActionRow> {
    const [row] = await this.dataSource.query<ActionRow[]>(`${ACTION_SELECT} WHERE a.id = $1`, [id]);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Action item not found.');
    return row;
  }

  private presentAction(r: ActionRow, actor: Actor): ActionItemDto {
    return {
      id: r.id,
      minutesId: r.minutes_id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      workingGroupId: r.working_group_id,
      workingGroupCode: r.working_group_code,
      occurrenceStart: new Date(r.occurrence_start).toISOString(),
      text: r.text,
      ownerPersonId: r.owner_person_id,
      ownerName: r.owner_name,
      dueOn: r.due_on,
      status: r.status,
      agendaItemId: r.agenda_item_id,
      agendaItemTitle: r.agenda_item_title,
      overdue: isOverdue({ status: r.status, dueOn: r.due_on }, this.clock.today()),
      canSetStatus: can(actor, 'action.setStatus', actionResource(r)),
    };
  }

  private async present(row: MinutesRow, user: User, actor: Actor): Promise<MinutesDto> {
    const [approvals, decisions, actionRows, approvers, access] = await Promise.all([
      this.dataSource.query<Array<{ user_id: string; person_id: string | null; name: string; approved_at: Date }>>(
        `SELECT a.user_id, a.person_id, coalesce(p.display_name, u.display_name) AS name, a.approved_at
           FROM minutes_approvals a JOIN users u ON u.id = a.user_id LEFT JOIN people p ON p.id = a.person_id
          WHERE a.minutes_id = $1 ORDER BY a.approved_at`,
        [row.id],
      ),
      this.decisions(row.id),
      this.dataSource.query<ActionRow[]>(`${ACTION_SELECT} WHERE a.minutes_id = $1 ORDER BY a.created_at, a.id`, [
        row.id,
      ]),
      this.approvers(row),
      this.access.documentAccessFor(user, row.document_id).then((r) => r.access),
    ]);
    const coordinator = actor.platformRole === 'admin' || actor.coordinatedProjectIds.includes(row.project_id);
    const byPerson = row.working_group_id !== null;
    const canApprove = checkApproval({
      status: row.status,
      approvers,
      approver: { personId: user.personId, coordinator },
      approverKey: byPerson ? (user.personId ?? user.id) : user.id,
      recorded: approvals.map((a) => (byPerson ? (a.person_id ?? a.user_id) : a.user_id)),
    }).ok;
    const resource = { projectId: row.project_id, workingGroupIds: row.working_group_id ? [row.working_group_id] : [] };
    return {
      ...summary(row),
      circulatedAt: row.circulated_at ? new Date(row.circulated_at).toISOString() : null,
      commentsUntil: row.comments_until ? new Date(row.comments_until).toISOString() : null,
      approvals: approvals.map((a) => ({
        userId: a.user_id,
        personId: a.person_id,
        displayName: a.name,
        approvedAt: new Date(a.approved_at).toISOString(),
      })),
      approvalsNeeded: approvalsNeeded(approvers),
      approvedVersionId: row.approved_version_id,
      decisions,
      actions: actionRows.map((r) => this.presentAction(r, actor)),
      canManage: row.status !== 'approved' && can(actor, 'minutes.manage', resource),
      canEditItems: row.status !== 'approved' && access === 'write',
      canApprove,
    };
  }
}

function actionResource(r: ActionRow) {
  return {
    projectId: r.project_id,
    workingGroupIds: r.working_group_id ? [r.working_group_id] : [],
    personId: r.owner_person_id,
  };
}

function summary(r: MinutesRow): MinutesSummaryDto {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingTimeZone: r.time_zone,
    projectId: r.project_id,
    workingGroupId: r.working_group_id,
    workingGroupCode: r.working_group_code,
    occurrenceStart: new Date(r.occurrence_start).toISOString(),
    documentId: r.document_id,
    status: r.status,
    approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
  };
}

/** About 200 characters around the first match (or the beginning), on word boundaries where possible. */
export function excerpt(text: string, q: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = q ? flat.toLowerCase().indexOf(q.toLowerCase()) : -1;
  const start = Math.max(0, at - 80);
  const cut = flat.slice(start, start + 200);
  return `${start > 0 ? '…' : ''}${cut}${start + 200 < flat.length ? '…' : ''}`;
}
