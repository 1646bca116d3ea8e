import { SetMetadata } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@roundtable/contracts';
import type { Action, CommentAction } from '@roundtable/domain';

export const POLICY = 'roundtable:policy';

/**
 * The kinds of resource a policy can name. Each is loaded by the feature that owns its table, which
 * registers a loader with `PolicyRegistry` (so the guard imports no feature); the app refuses to start when a
 * declared type has no loader.
 */
export type PolicyResourceType =
  | 'project'
  | 'workingGroup'
  | 'document'
  | 'person'
  | 'partner'
  | 'call'
  | 'application'
  | 'invitation'
  | 'planItem'
  | 'meeting'
  | 'minutes'
  | 'actionItem'
  | 'libraryFile'
  | 'commentThread'
  | 'comment'
  | 'recommendation'
  | 'recommendationPair'
  | 'reviewRound'
  | 'roadmap'
  | 'roadmapAction';

/** Where the guard finds the resource's id: a path parameter (checked to be a UUID), a body or a query field. */
export type PolicyResource =
  | { type: PolicyResourceType; param: string }
  | { type: PolicyResourceType; body: string }
  | { type: PolicyResourceType; query: string };

/**
 * What a refusal says (403 unless `code` maps elsewhere), or a function of the loaded resource's row; the
 * guard has a generic message otherwise.
 */
export type PolicyDenial =
  string | { code: ErrorCode; message: string; fields?: FieldError[] } | ((entity: unknown) => string);

/**
 * How a handler is authorised, beyond the session. `PolicyGuard` enforces every form:
 * - `'self'`: the caller's own data (profile, calendar feed, working hours); the session is the whole check and
 *   the handler reads only `user.id` / `user.personId`, never an id from the request.
 * - `{ list }`: a listing every signed-in caller may ask for; the query returns only rows `list` lets them see.
 * - `{ read: resource }`: load it; 404 when it is unknown or the caller may not see it (its loader's rule).
 * - `{ action, resource }`: load the resource, 404 when it is unknown or the caller may not see it, then
 *   `can(actor, action, resource)` or 403; `'any-project'`: allowed when `can()` holds in some project.
 * - `{ document, resource }`: the document access policy (`documentAccess`): 404 when none, 403 when
 *   `'write'` is needed and the caller only reads, 409 when a locked document would be written.
 * - `{ comment, resource }`: `canComment` on the document of a document, comment thread or comment (404 when
 *   the document is not readable, then 403).
 */
export type PolicyDeclaration =
  | 'self'
  | { list: Action | 'document' }
  | { read: PolicyResource }
  | { action: Action; resource: PolicyResource | 'any-project'; denied?: PolicyDenial }
  | { document: 'read' | 'write'; resource: PolicyResource; denied?: PolicyDenial }
  | { comment: CommentAction; resource: PolicyResource; denied?: PolicyDenial };

/**
 * `@Policy(…)` is the declaration the guard enforces. A handler needs it or `@Public()`: the app does not
 * start otherwise (PolicyRegistry), and tests/integration/route-guards.spec.ts says which handler.
 */
export const Policy = (policy: PolicyDeclaration) => SetMetadata(POLICY, policy);
