import type { PlatformRole, WorkingGroupRole } from '@roundtable/contracts';

export type DocumentAccess = 'write' | 'read' | 'none';

export interface Actor {
  platformRole: PlatformRole;
  /** Project ids where the actor is a coordinator. */
  coordinatedProjectIds: readonly string[];
  /** The actor's current working-group memberships. */
  memberships: ReadonlyArray<{ projectId: string; workingGroupId: string; role: WorkingGroupRole }>;
}

export interface DocumentRef {
  projectId: string;
  /** null for project-level documents (strategic workplan, roadmap). */
  workingGroupId: string | null;
}

/**
 * Who may read and edit a document. Declared once; REST and the collaboration socket both ask it.
 * - admins and the project's coordinators edit everything;
 * - every member of any working group of the project reads every document of the project (the
 *   project shares minutes and working documents across groups to avoid duplicated work);
 * - co-chairs and experts edit their own group's documents and the project-level documents;
 * - observers only read.
 */
export function documentAccess(actor: Actor, document: DocumentRef): DocumentAccess {
  if (actor.platformRole === 'admin') return 'write';
  if (actor.coordinatedProjectIds.includes(document.projectId)) return 'write';
  const inProject = actor.memberships.filter((m) => m.projectId === document.projectId);
  if (inProject.length === 0) return 'none';
  const editor = (m: { role: WorkingGroupRole }) => m.role === 'co-chair' || m.role === 'expert';
  if (document.workingGroupId === null) return inProject.some(editor) ? 'write' : 'read';
  const own = inProject.find((m) => m.workingGroupId === document.workingGroupId);
  return own && editor(own) ? 'write' : 'read';
}
