import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@roundtable/contracts';
import { can, canComment, documentAccess, type Actor, type DocumentAccess } from '@roundtable/domain';
import type { Request } from 'express';
import { ApiException } from './api.exception';
import { POLICY, type PolicyDeclaration, type PolicyDenial, type PolicyResource } from './policy.decorator';
import { PolicyRegistry, type LoadedResource, type PolicyUser, type ResourceLoader } from './policy.registry';
import { IS_PUBLIC } from './public.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the guard decided, kept on the request so handlers need not load the resource and actor again. */
export interface Authorisation {
  actor: Actor;
  resource: LoadedResource | null;
  /** For document policies: the caller's access. */
  access: Exclude<DocumentAccess, 'none'> | null;
}

type AuthorisedRequest = Request & { user?: PolicyUser; authorisation?: Authorisation };

/**
 * Global guard after SessionGuard: enforces the handler's `@Policy(…)` declaration (see PolicyDeclaration).
 * It runs before pipes, so it checks a path id is a UUID itself (the same 400 as UuidParamPipe).
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly registry: PolicyRegistry,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const policy = this.reflector.getAllAndOverride<PolicyDeclaration | undefined>(POLICY, targets);
    const request = context.switchToHttp().getRequest<AuthorisedRequest>();
    const user = request.user;
    if (!user) throw new ApiException(ErrorCode.Unauthenticated, 'Sign in first.');
    // The start-up check refuses undeclared handlers; refuse here too rather than trust that.
    if (policy === undefined) throw new ApiException(ErrorCode.Forbidden, 'This route declares no policy.');
    // 'self' and lists: the session is the check; the handler reads only the caller's rows.
    if (policy === 'self' || (typeof policy === 'object' && 'list' in policy)) return true;
    if (typeof policy === 'string') throw new ApiException(ErrorCode.Forbidden, 'This route declares no policy.');
    const actor = await this.registry.actorFor(user);
    if ('action' in policy && policy.resource === 'any-project') {
      const allowed =
        actor.platformRole === 'admin' ||
        (await this.registry.anyProject((projectId) => can(actor, policy.action, { projectId })));
      if (!allowed) throw denial(policy.denied);
      request.authorisation = { actor, resource: null, access: null };
      return true;
    }
    const from = 'read' in policy ? policy.read : (policy.resource as PolicyResource);
    const loader = this.registry.loader(from.type);
    const id = idFrom(request, from);
    const resource = await loader.load(id, user);
    // An id in the body or query names a field: what the caller may not see does not exist for them (400).
    const notFound = () =>
      'param' in from
        ? new ApiException(ErrorCode.NotFound, loader.notFound)
        : invalidId(fieldOf(from), `${fieldOf(from)} must be an existing ${from.type}`);
    if (!resource) throw notFound();
    const access = resource.document ? documentAccess(actor, resource.document) : 'none';
    if (!visible(loader.visibleWith, actor, resource, access)) throw notFound();
    if ('read' in policy) {
      // Seeing it is the whole check.
    } else if ('action' in policy) {
      if (!can(actor, policy.action, resource.ref)) throw denial(policy.denied, resource);
    } else if ('comment' in policy) {
      if (!resource.document || access === 'none') throw notFound();
      if (!canComment(actor, policy.comment, resource.document, resource.thread)) throw denial(policy.denied, resource);
    } else {
      if (access === 'none') throw notFound();
      if (policy.document === 'write' && resource.document?.lockedAt)
        throw new ApiException(ErrorCode.DocumentLocked, 'This document is locked: nobody may edit it.');
      if (policy.document === 'write' && access !== 'write')
        throw denial(policy.denied ?? 'You may read this document but not edit it.', resource);
    }
    request.authorisation = { actor, resource, access: access === 'none' ? null : access };
    return true;
  }
}

function visible(
  rule: ResourceLoader['visibleWith'],
  actor: Actor,
  resource: LoadedResource,
  access: DocumentAccess,
): boolean {
  if (rule === null) return true;
  if (rule === 'document') return access !== 'none';
  if (typeof rule === 'function') return rule(actor, resource);
  return can(actor, rule, resource.ref);
}

function idFrom(request: Request, from: PolicyResource): string {
  if ('param' in from) {
    const value = request.params[from.param];
    if (typeof value !== 'string' || !UUID.test(value)) throw invalidId(from.param);
    return value;
  }
  // The DTO validates the rest of the body after the guard; the id the policy needs is checked first.
  const field = fieldOf(from);
  const value =
    'body' in from ? (request.body as Record<string, unknown> | undefined)?.[from.body] : request.query[from.query];
  if (typeof value !== 'string' || !UUID.test(value)) throw invalidId(field);
  return value;
}

function fieldOf(from: PolicyResource): string {
  return 'param' in from ? from.param : 'body' in from ? from.body : from.query;
}

/** The same 400 as UuidParamPipe and the DTOs' @IsUUID(). */
function invalidId(field: string, message = `${field} must be a UUID`): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, {
    fields: [{ field, code: 'isUuid', message }],
  });
}

function denial(denied: PolicyDenial | undefined, resource?: LoadedResource): ApiException {
  if (typeof denied === 'object') return new ApiException(denied.code, denied.message, { fields: denied.fields });
  if (typeof denied === 'function') return new ApiException(ErrorCode.Forbidden, denied(resource?.entity));
  return new ApiException(ErrorCode.Forbidden, denied ?? 'You may not do this.');
}

/** The guard's decision for this request (actor, loaded resource, document access). */
export const CurrentAuthorisation = createParamDecorator((_: unknown, context: ExecutionContext): Authorisation => {
  const authorisation = context.switchToHttp().getRequest<AuthorisedRequest>().authorisation;
  if (!authorisation) throw new Error('No authorisation on this request: the handler declares no resource policy');
  return authorisation;
});
