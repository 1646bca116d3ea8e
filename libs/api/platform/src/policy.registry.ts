import { Global, Injectable, Module, OnApplicationBootstrap, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { PlatformRole } from '@roundtable/contracts';
import type { Action, Actor, CommentThreadRef, DocumentRef, ResourceRef } from '@roundtable/domain';
import { POLICY, type PolicyDeclaration, type PolicyResource, type PolicyResourceType } from './policy.decorator';
import { IS_PUBLIC } from './public.decorator';

/** The signed-in caller as the policy needs it (SessionGuard's user). */
export interface PolicyUser {
  id: string;
  platformRole: PlatformRole;
  personId: string | null;
}

/** A resource as the policy sees it; `entity` is the loaded row, for handlers that want to reuse it. */
export interface LoadedResource {
  /** What `can()` is asked about. */
  ref: ResourceRef;
  /** For document policies and resources that are seen exactly when their document is. */
  document?: DocumentRef;
  /** For comment policies on a thread or comment: the caller's part in it. */
  thread?: CommentThreadRef;
  entity?: unknown;
}

export interface ResourceLoader {
  /** The 404 message for an unknown resource and for one the caller may not see. */
  notFound: string;
  /**
   * Who may know the resource exists: a `can()` action on `ref`, 'document' (the document access policy on
   * `document`), or null when any signed-in caller may (the action itself then decides, with 403).
   */
  visibleWith: Action | 'document' | null | ((actor: Actor, resource: LoadedResource) => boolean);
  load(id: string, user: PolicyUser): Promise<LoadedResource | null>;
}

/** Builds the policy's actor (registered by the projects feature, which owns memberships and roles). */
export interface ActorSource {
  actorFor(user: PolicyUser): Promise<Actor>;
  projectIds(): Promise<string[]>;
}

/** A route as Nest serves it, with its declaration (for the start-up check and the tests). */
export interface DeclaredRoute {
  route: string;
  controller: Type;
  handler: (...args: never[]) => unknown;
  isPublic: boolean;
  policy: PolicyDeclaration | undefined;
}

/**
 * Where the owning features register how to load each resource type and how to build the actor, so
 * `PolicyGuard` needs no feature import. At start-up it refuses an app with a handler that has neither
 * `@Public()` nor an enforceable `@Policy(…)`.
 */
@Injectable()
export class PolicyRegistry implements OnApplicationBootstrap {
  private readonly loaders = new Map<PolicyResourceType, ResourceLoader>();
  private actors: ActorSource | null = null;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly reflector: Reflector,
  ) {}

  registerLoader(type: PolicyResourceType, loader: ResourceLoader): void {
    if (this.loaders.has(type)) throw new Error(`Policy resource type "${type}" registered twice`);
    this.loaders.set(type, loader);
  }

  registerActorSource(source: ActorSource): void {
    this.actors = source;
  }

  loader(type: PolicyResourceType): ResourceLoader {
    const loader = this.loaders.get(type);
    if (!loader) throw new Error(`No loader for policy resource type "${type}"`);
    return loader;
  }

  actorFor(user: PolicyUser): Promise<Actor> {
    return this.source().actorFor(user);
  }

  /** Whether `allowed` holds in at least one project (platform-wide pages such as the mail outbox). */
  async anyProject(allowed: (projectId: string) => boolean): Promise<boolean> {
    return (await this.source().projectIds()).some(allowed);
  }

  private source(): ActorSource {
    if (!this.actors) throw new Error('No actor source registered');
    return this.actors;
  }

  onApplicationBootstrap(): void {
    const problems = this.routes().flatMap((r) => {
      const problem = this.problem(r);
      return problem ? [`${r.route}: ${problem}`] : [];
    });
    if (problems.length > 0) throw new Error(`Routes without an enforced policy:\n${problems.join('\n')}`);
  }

  /** Why a route's declaration cannot be enforced, or null when it can. */
  problem(route: DeclaredRoute): string | null {
    const policy = route.policy;
    if (route.isPublic) return policy === undefined ? null : 'both @Public() and @Policy()';
    if (policy === undefined) return 'neither @Public() nor @Policy()';
    // A bare action or 'document' (the old label forms) names no resource to check it on.
    if (typeof policy === 'string')
      return policy === 'self'
        ? null
        : `'${policy}' names no resource: declare { action, resource } (see PolicyDeclaration)`;
    if ('list' in policy) return null;
    if ('read' in policy) return this.resourceProblem(route, policy.read);
    if (policy.resource === 'any-project') return 'action' in policy ? null : 'a document policy needs one document';
    return this.resourceProblem(route, policy.resource);
  }

  private resourceProblem(route: DeclaredRoute, resource: PolicyResource): string | null {
    if (!this.loaders.has(resource.type)) return `no loader registered for resource type "${resource.type}"`;
    if ('param' in resource && !new RegExp(`/:${resource.param}(/|$)`).test(route.route))
      return `no path parameter :${resource.param}`;
    return null;
  }

  /** Every handler Nest serves, with its full path (without the global prefix) and declaration. */
  routes(): DeclaredRoute[] {
    const scanner = new MetadataScanner();
    const routes: DeclaredRoute[] = [];
    for (const module of this.modules.values()) {
      for (const wrapper of module.controllers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.metatype) continue;
        const prototype = Object.getPrototypeOf(instance);
        const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
        for (const name of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[name];
          const path = Reflect.getMetadata(PATH_METADATA, handler);
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const full = `/${[base, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
          const targets = [handler, wrapper.metatype];
          routes.push({
            route: `${method} ${full}`,
            controller: wrapper.metatype as Type,
            handler,
            isPublic: Boolean(this.reflector.getAllAndOverride(IS_PUBLIC, targets)),
            policy: this.reflector.getAllAndOverride<PolicyDeclaration | undefined>(POLICY, targets),
          });
        }
      }
    }
    return routes;
  }
}

@Global()
@Module({ providers: [PolicyRegistry], exports: [PolicyRegistry] })
export class PolicyModule {}
