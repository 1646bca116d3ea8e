import type { DocumentStatus } from '@roundtable/contracts';
import type { EntityManager } from 'typeorm';

/**
 * This lib owns the `documents` table (docs/architecture.md, "Who owns which table"). Other libs change a
 * document only through these functions, inside their own transaction (the caller's `manager`), so the
 * change and the caller's own rows commit together.
 */

/** Sets the lifecycle status (deliverables' document lifecycle); `at` is the business Clock's now. */
export async function setDocumentStatus(
  manager: EntityManager,
  documentId: string,
  status: DocumentStatus,
  at: Date,
): Promise<void> {
  await manager.query('UPDATE documents SET status = $2, updated_at = $3 WHERE id = $1', [documentId, status, at]);
}
