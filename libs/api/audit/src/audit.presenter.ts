import type { AuditEntryDto } from '@roundtable/contracts';
import type { AuditRow } from './audit.queries';

export function presentAuditEntry(row: AuditRow): AuditEntryDto {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    projectId: row.project_id,
    details: row.details ?? {},
  };
}

/** The CSV's header and one row per entry (ids only, as stored). */
export function auditCsvRows(entries: AuditEntryDto[]): Array<Array<string | null>> {
  return [
    ['id', 'at', 'actor_user_id', 'action', 'subject_type', 'subject_id', 'project_id', 'details'],
    ...entries.map((e) => [
      e.id,
      e.at,
      e.actorUserId,
      e.action,
      e.subjectType,
      e.subjectId,
      e.projectId,
      JSON.stringify(e.details),
    ]),
  ];
}
