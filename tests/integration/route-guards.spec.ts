import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { isLegacy, Policy, PolicyModule, PolicyRegistry, type DeclaredRoute } from '@roundtable/api-platform';
import { startTestApp, type TestApp } from '../support/test-app';

/** Routes anyone may call without signing in. Adding one here is a security decision: review it. */
const PUBLIC_ROUTES = [
  'GET /health',
  'POST /auth/login',
  'GET /invitations/by-token/:token',
  'POST /invitations/by-token/:token/accept',
  'GET /public/calls/:id',
  'POST /public/calls/:id/applications',
  'GET /calendar-feeds/:token/calendar.ics',
].sort();

/**
 * Routes still on the label-only policy forms, which their service checks by hand. The list only shrinks:
 * each feature converted to a declared resource policy leaves it.
 */
const LEGACY_ROUTES: string[] = [
  "DELETE /actions/:id",
  "DELETE /comments/:commentId",
  "DELETE /minutes/:id/decisions/:decisionId",
  "GET /documents/:id/comments",
  "GET /documents/:id/content",
  "GET /documents/:id/content.md",
  "GET /documents/:id/mentionable",
  "GET /documents/:id/versions",
  "GET /documents/:id/versions/:versionId",
  "GET /documents/:id/versions/:versionId/diff",
  "GET /meetings/:id",
  "GET /meetings/:id/meeting.ics",
  "GET /meetings/:id/minutes",
  "GET /meetings/:id/open-actions",
  "GET /minutes/:id",
  "GET /projects/:id/meetings",
  "GET /projects/:id/minutes",
  "PATCH /actions/:id",
  "PATCH /comments/:commentId",
  "PATCH /meetings/:id",
  "POST /comment-threads/:threadId/reopen",
  "POST /comment-threads/:threadId/replies",
  "POST /comment-threads/:threadId/resolve",
  "POST /documents/:id/comments",
  "POST /documents/:id/lock",
  "POST /documents/:id/paragraphs",
  "POST /documents/:id/unlock",
  "POST /documents/:id/versions",
  "POST /documents/:id/versions/:versionId/restore",
  "POST /meetings/:id/cancel",
  "POST /meetings/:id/minutes",
  "POST /meetings/:id/occurrences/:originalStart/cancel",
  "POST /minutes/:id/actions",
  "POST /minutes/:id/approvals",
  "POST /minutes/:id/circulate",
  "POST /minutes/:id/decisions",
  "POST /projects/:id/meetings",
  "POST /projects/:id/meetings/find-a-time",
  "PUT /meetings/:id/attendance",
  "PUT /meetings/:id/occurrences/:originalStart",
  "PUT /meetings/:id/rsvp",
];

describe('every route is authorised', () => {
  let t: TestApp;
  let registry: PolicyRegistry;
  let routes: DeclaredRoute[];

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    registry = t.app.get(PolicyRegistry);
    routes = registry.routes();
  });
  afterAll(() => t.close());

  it('finds the application’s routes', () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  it('declares an enforceable policy or @Public() on every handler', () => {
    const problems = routes.flatMap((r) => {
      const problem = registry.problem(r);
      return problem ? [`${r.route}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('opens exactly the reviewed public routes to anonymous callers', () => {
    expect(routes.filter((r) => r.isPublic).map((r) => r.route).sort()).toEqual(PUBLIC_ROUTES);
  });

  it('has no route on a label-only policy beyond the shrinking legacy list', () => {
    expect(routes.filter((r) => r.policy !== undefined && isLegacy(r.policy)).map((r) => r.route).sort()).toEqual([...LEGACY_ROUTES].sort());
  });
});

describe('an app with an undeclared route', () => {
  @Controller('undeclared')
  class UndeclaredController {
    @Get()
    get(): string {
      return 'nobody checked this';
    }
  }
  @Controller('unloadable')
  class UnloadableController {
    @Policy({ read: { type: 'meeting', param: 'id' } })
    @Get(':id')
    get(): string {
      return 'no loader for meetings here';
    }
  }

  it.each([
    ['neither @Public() nor @Policy()', UndeclaredController, 'GET /undeclared: neither @Public() nor @Policy()'],
    ['a resource type nobody loads', UnloadableController, 'GET /unloadable/:id: no loader registered for resource type "meeting"'],
  ])('refuses to start with %s', async (_name, controller, message) => {
    @Module({ imports: [PolicyModule], controllers: [controller] })
    class BrokenModule {}
    const app = await NestFactory.create(BrokenModule, { logger: false });
    try {
      await expect(app.init()).rejects.toThrow(message);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
