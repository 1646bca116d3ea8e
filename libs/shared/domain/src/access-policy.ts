import type { PlatformRole, WorkingGroupRole } from '@roundtable/contracts';

export type DocumentAccess = 'write' | 'read' | 'none';

export interface Actor {
  platformRole: PlatformRole;
  /** The actor's person record (profile), if any. */
  personId?: string | null;
  /** Project ids where the actor is a coordinator. */
  coordinatedProjectIds: readonly string[];
  /** Project ids where the actor sits on the advisory board (reads everything, edits nothing). */
  advisoryProjectIds?: readonly string[];
  /** The actor's current working-group memberships. */
  memberships: ReadonlyArray<{ projectId: string; workingGroupId: string; role: WorkingGroupRole }>;
}

export interface DocumentRef {
  projectId: string;
  /** null for project-level documents (strategic workplan, roadmap). */
  workingGroupId: string | null;
  /** Set once the document is locked (approved minutes, final papers): then nobody edits it. */
  lockedAt?: Date | string | null;
  /**
   * Set for minutes not yet approved: only the meeting's own group, its invitees and the coordinators see
   * them (`invited`: whether the actor is on the meeting's invitee list). Approved minutes drop it and are
   * shared with every group like any other document.
   */
  restricted?: { invited: boolean } | null;
}

/**
 * Who may read and edit a document. Declared once; REST and the collaboration socket both ask it.
 * - admins and the project's coordinators edit everything;
 * - advisory board members read every document of the project;
 * - every member of any working group of the project reads every document of the project (the
 *   project shares minutes and working documents across groups to avoid duplicated work);
 * - co-chairs and experts edit their own group's documents and the project-level documents;
 * - observers only read;
 * - a locked document is read only for everyone who may read it, admins and coordinators included.
 */
export function documentAccess(actor: Actor, document: DocumentRef): DocumentAccess {
  const access = restrictedAccess(actor, document, unlockedDocumentAccess(actor, document));
  return access === 'write' && document.lockedAt ? 'read' : access;
}

/** Draft minutes: outside the meeting's group, only invitees see them (and edit only project-event minutes). */
function restrictedAccess(actor: Actor, document: DocumentRef, access: DocumentAccess): DocumentAccess {
  if (!document.restricted || access === 'none' || isCoordinator(actor, document.projectId)) return access;
  const inGroup =
    document.workingGroupId !== null &&
    actor.memberships.some((m) => m.projectId === document.projectId && m.workingGroupId === document.workingGroupId);
  if (inGroup) return access;
  if (!document.restricted.invited) return 'none';
  return document.workingGroupId === null ? access : 'read';
}

function unlockedDocumentAccess(actor: Actor, document: DocumentRef): DocumentAccess {
  if (actor.platformRole === 'admin') return 'write';
  if (actor.coordinatedProjectIds.includes(document.projectId)) return 'write';
  const inProject = actor.memberships.filter((m) => m.projectId === document.projectId);
  if (inProject.length === 0) return actor.advisoryProjectIds?.includes(document.projectId) ? 'read' : 'none';
  const editor = (m: { role: WorkingGroupRole }) => m.role === 'co-chair' || m.role === 'expert';
  if (document.workingGroupId === null) return inProject.some(editor) ? 'write' : 'read';
  const own = inProject.find((m) => m.workingGroupId === document.workingGroupId);
  return own && editor(own) ? 'write' : 'read';
}

/** Actions on resources other than document content; `can` is the one place that decides them. */
export type Action =
  | 'project.read'
  | 'workingGroup.manageMembers'
  | 'workingGroup.confirmVacancy'
  | 'invitation.create'
  | 'call.manage'
  | 'application.review'
  | 'person.update'
  | 'people.seeContact'
  | 'outbox.read'
  | 'audit.read'
  | 'balance.setTarget'
  | 'structure.manage'
  | 'plan.manage'
  | 'document.setStatus'
  | 'document.lock'
  | 'document.publish'
  | 'review.manage'
  | 'meeting.read'
  | 'meeting.schedule'
  | 'meeting.findTime'
  | 'meeting.rsvp'
  | 'library.upload'
  | 'library.edit'
  | 'library.delete'
  | 'minutes.manage'
  | 'minutes.approve'
  | 'action.setStatus'
  | 'recommendation.decide';

export interface ResourceRef {
  projectId: string;
  /** For WG-scoped actions: the group concerned (an application may concern several). */
  workingGroupIds?: readonly string[];
  /** For person-scoped actions. */
  personId?: string;
  /** For meetings: whether the actor is on the invitee list. */
  invited?: boolean;
  /** Whether the actor created the resource (a library file's uploader edits its description and tags). */
  ownedByActor?: boolean;
}

function isCoordinator(actor: Actor, projectId: string): boolean {
  return actor.platformRole === 'admin' || actor.coordinatedProjectIds.includes(projectId);
}

function coChairs(actor: Actor, resource: ResourceRef): boolean {
  return actor.memberships.some(
    (m) =>
      m.projectId === resource.projectId &&
      m.role === 'co-chair' &&
      (resource.workingGroupIds ?? []).includes(m.workingGroupId),
  );
}

/**
 * - coordinators (and admins) manage everything in their project;
 * - co-chairs manage their own group's membership and invitations and review applications for it; only
 *   coordinators confirm that a co-chair seat stays vacant (the co-chair rule's one exception);
 * - everyone in the project (members, advisory board) sees it; contact details only to managers and the person;
 * - a person edits their own profile;
 * - coordinators alone manage the structure (working groups, their dimensions and guiding partners, partners
 *   and their people);
 * - coordinators alone manage the plan (milestones, deliverables, their status and re-baselines);
 * - a document's lifecycle (outline → final) is set by its group's co-chairs and the coordinators;
 *   project-level documents (no group) by the coordinators only; coordinators alone lock documents and publish
 *   them on a public page (ADR 031); review rounds with outside reviewers are opened, staffed, closed and
 *   marked responded by the same people as the lifecycle (ADR 041).
 * - meetings: a WG meeting is seen by that group's members and its invitees, a project event (no group) by
 *   everyone in the project; co-chairs schedule, edit and cancel their group's meetings, coordinators every
 *   meeting; only invitees answer (RSVP).
 * - the working-documents library (files of a group, or of the project when `workingGroupIds` is empty):
 *   everyone who sees the project lists and downloads every file ('project.read'); a group's co-chairs and
 *   experts upload files and new versions to it, coordinators anywhere (project-level files are theirs alone);
 *   the uploader, the group's co-chairs and the coordinators edit description and tags; the group's
 *   co-chairs and the coordinators delete.
 * - minutes: started and circulated by whoever schedules the meeting; approved by the group's co-chairs
 *   (project events: coordinators); an action's status is set by its owner, the group's co-chairs and the
 *   coordinators.
 * - recommendations (issue 16): a candidate duplicate pair is marked (duplicate / related / distinct) and a
 *   duplicate merged by the co-chairs of either paper's group and the coordinators.
 */
export function can(actor: Actor, action: Action, resource: ResourceRef): boolean {
  const coordinator = isCoordinator(actor, resource.projectId);
  switch (action) {
    case 'project.read':
      return (
        coordinator ||
        actor.memberships.some((m) => m.projectId === resource.projectId) ||
        (actor.advisoryProjectIds ?? []).includes(resource.projectId)
      );
    case 'workingGroup.manageMembers':
    case 'invitation.create':
    case 'application.review':
      return coordinator || coChairs(actor, resource);
    case 'people.seeContact':
      return (
        coordinator ||
        (resource.personId !== undefined && resource.personId === actor.personId) ||
        actor.memberships.some((m) => m.projectId === resource.projectId && m.role === 'co-chair')
      );
    case 'person.update':
      return (
        actor.platformRole === 'admin' || (resource.personId !== undefined && resource.personId === actor.personId)
      );
    case 'document.setStatus':
    case 'review.manage':
      return coordinator || coChairs(actor, resource);
    case 'document.lock':
    case 'document.publish':
      return coordinator;
    case 'meeting.read':
      if (coordinator || resource.invited === true) return true;
      if ((resource.workingGroupIds ?? []).length === 0) return can(actor, 'project.read', resource);
      return actor.memberships.some(
        (m) => m.projectId === resource.projectId && (resource.workingGroupIds ?? []).includes(m.workingGroupId),
      );
    case 'meeting.schedule':
      return coordinator || coChairs(actor, resource);
    case 'meeting.findTime':
      // Anyone who schedules something: for a group, its co-chairs; across groups, any co-chair.
      if ((resource.workingGroupIds ?? []).length > 0) return coordinator || coChairs(actor, resource);
      return coordinator || actor.memberships.some((m) => m.projectId === resource.projectId && m.role === 'co-chair');
    case 'meeting.rsvp':
      return resource.invited === true;
    case 'library.upload':
      return (
        coordinator ||
        actor.memberships.some(
          (m) =>
            m.projectId === resource.projectId &&
            (m.role === 'co-chair' || m.role === 'expert') &&
            (resource.workingGroupIds ?? []).includes(m.workingGroupId),
        )
      );
    case 'library.edit':
      return (
        coordinator ||
        coChairs(actor, resource) ||
        (resource.ownedByActor === true && can(actor, 'project.read', resource))
      );
    case 'library.delete':
      return coordinator || coChairs(actor, resource);
    case 'minutes.manage':
      return can(actor, 'meeting.schedule', resource);
    case 'minutes.approve':
      // WG minutes: the group's co-chairs only (coordinators do not stand in); project events: coordinators.
      return (resource.workingGroupIds ?? []).length === 0 ? coordinator : coChairs(actor, resource);
    case 'action.setStatus':
      return (
        coordinator ||
        coChairs(actor, resource) ||
        (resource.personId !== undefined && resource.personId === actor.personId)
      );
    case 'recommendation.decide':
      return coordinator || coChairs(actor, resource);
    case 'workingGroup.confirmVacancy':
    case 'call.manage':
    case 'outbox.read':
    case 'audit.read':
    case 'balance.setTarget':
    case 'structure.manage':
    case 'plan.manage':
      return coordinator;
  }
}

/**
 * Comments on a document.
 * - everyone who may read a document may comment on it and reply (observers and the advisory board
 *   included: comments are how readers who may not edit take part);
 * - a thread is resolved or reopened by whoever may edit the document, or by the person who opened it;
 * - a comment is edited only by its author (words are not put in anyone's mouth), and deleted by its author
 *   or moderated away by the project's coordinators and the co-chairs of the document's working group.
 */
export type CommentAction = 'comment' | 'resolve' | 'edit' | 'delete';

export interface CommentThreadRef {
  /** Whether the actor opened the thread. */
  openedByActor?: boolean;
  /** Whether the actor wrote the comment in question (edit / delete). */
  authoredByActor?: boolean;
}

export function canComment(
  actor: Actor,
  action: CommentAction,
  document: DocumentRef,
  thread?: CommentThreadRef,
): boolean {
  const access = documentAccess(actor, document);
  if (access === 'none') return false;
  switch (action) {
    case 'comment':
      return true;
    case 'resolve':
      return access === 'write' || thread?.openedByActor === true;
    case 'edit':
      return thread?.authoredByActor === true;
    case 'delete':
      return (
        thread?.authoredByActor === true ||
        isCoordinator(actor, document.projectId) ||
        chairsDocumentGroup(actor, document)
      );
  }
}

/** What suggestion mode (track changes, ADR 040) lets people do. */
export type SuggestionAction = 'suggest' | 'decide';

/**
 * Suggestion mode (ADR 040): whoever may edit a document may suggest changes in it and accept or reject anyone's
 * suggestions. People who may only comment (observers, the advisory board, readers of other groups' documents)
 * do not suggest: a suggestion is an edit of the shared text carried by the collaboration socket, which they
 * hold read only, and the server cannot yet prove that an update of theirs only proposes. They comment instead
 * (a comment can quote the passage and propose wording), and a member who edits turns it into a suggestion.
 */
export function canSuggest(actor: Actor, _action: SuggestionAction, document: DocumentRef): boolean {
  return documentAccess(actor, document) === 'write';
}

function chairsDocumentGroup(actor: Actor, document: DocumentRef): boolean {
  return actor.memberships.some(
    (m) =>
      m.projectId === document.projectId &&
      m.role === 'co-chair' &&
      (document.workingGroupId === null || m.workingGroupId === document.workingGroupId),
  );
}
