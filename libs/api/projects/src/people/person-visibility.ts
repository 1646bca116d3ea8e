import { can, type Actor } from '@roundtable/domain';

/** The projects a person takes part in (current memberships and project roles), as SQL over `people p`. */
export const PERSON_PROJECT_IDS = `ARRAY(SELECT DISTINCT wg.project_id FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
                WHERE m.person_id = p.id AND m.left_on IS NULL
               UNION SELECT pr.project_id FROM project_roles pr WHERE pr.person_id = p.id AND pr.revoked_at IS NULL)`;

/** People are visible to themselves, to admins and to everyone who shares a project with them. */
export function personVisible(actor: Actor, person: { id: string; projectIds: readonly string[] }): boolean {
  return (
    person.id === actor.personId ||
    actor.platformRole === 'admin' ||
    person.projectIds.some((projectId) => can(actor, 'project.read', { projectId }))
  );
}
