import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type RsvpResponse } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgendaItemDto as AgendaInput } from './meetings.dto';
import { Meeting, MeetingAgendaItem, MeetingAttendance, MeetingException } from './meetings.entities';
import type { InviteeRow, MeetingRecord } from './meeting.record';

interface AgendaRow {
  id: string;
  position: number;
  title: string;
  presenterPersonId: string | null;
  minutesAllotted: number | null;
  documentIds: string[] | null;
  presenter_name: string | null;
}

interface PersonRow {
  id: string;
  display_name: string;
  email: string;
}

/** A find-a-time participant: profile zone and country, working hours in minutes of the day (null: default). */
export interface ParticipantRow {
  id: string;
  display_name: string;
  country: string;
  time_zone: string;
  work_start_minute: number | null;
  work_end_minute: number | null;
}

export type WorkingHoursRow = Pick<ParticipantRow, 'time_zone' | 'work_start_minute' | 'work_end_minute'>;

/**
 * The meetings feature's raw SQL: reads that join other features' tables (people, working groups,
 * memberships, documents) and the few writes TypeORM says less clearly. Rows are typed here, once.
 */
@Injectable()
export class MeetingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The meeting with everything shown about it; inside a transaction, pass its manager to see its writes. */
  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingRecord> {
    const meeting = await manager.getRepository(Meeting).findOne({ where: { id } });
    if (!meeting) throw new ApiException(ErrorCode.NotFound, 'Meeting not found.');
    // One after the other: inside a transaction the manager holds a single connection, which pg will not
    // share between concurrent queries (callers that load many meetings run those loads in parallel instead).
    const agendaRows = await manager.query<AgendaRow[]>(
      `SELECT a.id, a.position, a.title, a.presenter_person_id AS "presenterPersonId", a.minutes_allotted AS "minutesAllotted",
              a.document_ids AS "documentIds", p.display_name AS presenter_name
         FROM meeting_agenda_items a LEFT JOIN people p ON p.id = a.presenter_person_id WHERE a.meeting_id = $1 ORDER BY a.position`,
      [id],
    );
    const invitees = await manager.query<InviteeRow[]>(
      `SELECT i.person_id, p.display_name, p.email, trim(p.country) AS country, p.time_zone, i.rsvp, i.rsvp_at
         FROM meeting_invitees i JOIN people p ON p.id = i.person_id WHERE i.meeting_id = $1 ORDER BY p.display_name`,
      [id],
    );
    const exceptions = await manager.getRepository(MeetingException).find({ where: { meetingId: id } });
    const attendance = await manager.getRepository(MeetingAttendance).find({ where: { meetingId: id } });
    const groupRows = meeting.workingGroupId
      ? await manager.query<Array<{ code: string }>>('SELECT code FROM working_groups WHERE id = $1', [
          meeting.workingGroupId,
        ])
      : [];
    const organizerRows = meeting.organizerPersonId
      ? await manager.query<PersonRow[]>('SELECT id, display_name, email FROM people WHERE id = $1', [
          meeting.organizerPersonId,
        ])
      : [];
    return {
      meeting,
      workingGroupCode: groupRows[0]?.code ?? null,
      agenda: agendaRows.map((a) => ({
        id: a.id,
        position: a.position,
        title: a.title,
        presenterPersonId: a.presenterPersonId,
        presenterName: a.presenter_name,
        minutesAllotted: a.minutesAllotted,
        documentIds: a.documentIds ?? [],
      })),
      invitees,
      exceptions,
      attendance,
      organizer: organizerRows[0]
        ? { personId: organizerRows[0].id, displayName: organizerRows[0].display_name, email: organizerRows[0].email }
        : null,
    };
  }

  /** Ids of the meetings a person is invited to. */
  async meetingIdsOfInvitee(personId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ meeting_id: string }>>(
      'SELECT meeting_id FROM meeting_invitees WHERE person_id = $1',
      [personId],
    );
    return rows.map((r) => r.meeting_id);
  }

  /** The person's answers among `meetingIds` (a row for each meeting they are invited to). */
  async rsvpsOf(personId: string, meetingIds: readonly string[]): Promise<Map<string, RsvpResponse | null>> {
    const rows = await this.dataSource.query<Array<{ meeting_id: string; rsvp: RsvpResponse | null }>>(
      'SELECT meeting_id, rsvp FROM meeting_invitees WHERE person_id = $1 AND meeting_id = ANY($2)',
      [personId, meetingIds],
    );
    return new Map(rows.map((r) => [r.meeting_id, r.rsvp]));
  }

  /** A page's keys of the project's meetings (or one group's) by first start: `(starts_at as text, id)`. */
  pageKeys(
    projectId: string,
    workingGroupId: string | null,
    after: readonly unknown[] | null,
    count: number,
  ): Promise<Array<{ id: string; at: string }>> {
    const params: unknown[] = [projectId, count];
    const where = ['project_id = $1'];
    if (workingGroupId) {
      params.push(workingGroupId);
      where.push(`working_group_id = $${params.length}`);
    }
    if (after) {
      params.push(...after);
      where.push(`(starts_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    return this.dataSource.query(
      `SELECT id, starts_at::text AS at FROM meetings WHERE ${where.join(' AND ')} ORDER BY starts_at, id LIMIT $2`,
      params,
    );
  }

  async groupCodes(projectId: string): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<Array<{ id: string; code: string }>>(
      'SELECT id, code FROM working_groups WHERE project_id = $1',
      [projectId],
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  async isGroupOfProject(workingGroupId: string, projectId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM working_groups WHERE id = $1 AND project_id = $2',
      [workingGroupId, projectId],
    );
    return rows.length > 0;
  }

  async groupMemberIds(workingGroupId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ person_id: string }>>(
      'SELECT person_id FROM memberships WHERE working_group_id = $1 AND left_on IS NULL',
      [workingGroupId],
    );
    return rows.map((r) => r.person_id);
  }

  /** Which of `personIds` belong to the project: a group member, a project role, or a coordinator/admin. */
  async peopleOfProject(projectId: string, personIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT p.id FROM people p WHERE p.id = ANY($1) AND (
         EXISTS (SELECT 1 FROM memberships m JOIN working_groups g ON g.id = m.working_group_id WHERE m.person_id = p.id AND m.left_on IS NULL AND g.project_id = $2)
         OR EXISTS (SELECT 1 FROM project_roles r WHERE r.person_id = p.id AND r.project_id = $2 AND r.revoked_at IS NULL)
         OR EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id AND u.platform_role IN ('admin', 'coordinator')))`,
      [[...new Set(personIds)], projectId],
    );
    return new Set(rows.map((r) => r.id));
  }

  async documentsOfProject(projectId: string, documentIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM documents WHERE id = ANY($1) AND project_id = $2',
      [documentIds, projectId],
    );
    return new Set(rows.map((r) => r.id));
  }

  async agendaItemsOf(meetingId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM meeting_agenda_items WHERE meeting_id = $1 AND id = ANY($2)',
      [meetingId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async participants(personIds: readonly string[]): Promise<ParticipantRow[]> {
    return this.dataSource.query<ParticipantRow[]>(
      `SELECT p.id, p.display_name, p.country, p.time_zone, h.work_start_minute, h.work_end_minute
           FROM people p LEFT JOIN person_working_hours h ON h.person_id = p.id WHERE p.id = ANY($1) ORDER BY p.display_name`,
      [personIds],
    );
  }

  async workingHours(personId: string): Promise<WorkingHoursRow | undefined> {
    const [row] = await this.dataSource.query<WorkingHoursRow[]>(
      'SELECT p.time_zone, h.work_start_minute, h.work_end_minute FROM people p LEFT JOIN person_working_hours h ON h.person_id = p.id WHERE p.id = $1',
      [personId],
    );
    return row;
  }

  /** Serialises changes to one meeting and increases its SEQUENCE (RFC 5546: every change a client must apply). */
  async lockAndBump(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE meetings SET sequence = sequence + 1, updated_at = now() WHERE id = $1', [id]);
  }

  /** Replaces the agenda, keeping the ids of items that are still there (minutes and actions refer to them). */
  async saveAgenda(manager: EntityManager, meetingId: string, agenda: readonly AgendaInput[]): Promise<void> {
    const keep = agenda.map((a) => a.id).filter((id): id is string => Boolean(id));
    await manager.query('DELETE FROM meeting_agenda_items WHERE meeting_id = $1 AND NOT (id = ANY($2))', [
      meetingId,
      keep,
    ]);
    for (const [position, item] of agenda.entries()) {
      const values = {
        meetingId,
        position: position + 1,
        title: item.title,
        presenterPersonId: item.presenterPersonId ?? null,
        minutesAllotted: item.minutesAllotted ?? null,
        documentIds: item.documentIds ?? [],
      };
      if (item.id) await manager.getRepository(MeetingAgendaItem).update({ id: item.id, meetingId }, values);
      else await manager.getRepository(MeetingAgendaItem).insert(values);
    }
  }
}
