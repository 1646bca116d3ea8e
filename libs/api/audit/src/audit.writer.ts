import type { AuditAction } from '@roundtable/contracts';
import type { EntityManager } from 'typeorm';

export interface AuditInput {
  /** Who did it (null: the system, or a sign-in that matched no account). */
  actorUserId: string | null;
  action: AuditAction;
  /** What it was done to: 'user', 'document', 'membership', … */
  subjectType: string;
  subjectId: string | null;
  projectId?: string | null;
  /** Ids, codes, counts and flags only — never a name, an email address or free text. */
  details?: Record<string, string | number | boolean | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Codes and ids: short tokens without spaces or @, so a name or an address cannot slip into the log. */
const TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Throws when a detail could carry a name, an address or free text (a programming error, never user input). */
export function assertIdsOnly(details: AuditInput['details']): void {
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' && !UUID.test(value) && !TOKEN.test(value))
      throw new Error(`audit detail ${key} must be an id or a code, not free text`);
  }
}

/**
 * Appends one entry to the audit log inside the caller's transaction (the change and its entry commit or
 * roll back together). This lib owns `audit_log`; every other lib records through this function.
 */
export async function recordAudit(manager: EntityManager, entry: AuditInput): Promise<void> {
  assertIdsOnly(entry.details);
  await manager.query(
    `INSERT INTO audit_log (actor_user_id, action, subject_type, subject_id, project_id, details)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.actorUserId,
      entry.action,
      entry.subjectType,
      entry.subjectId,
      entry.projectId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
