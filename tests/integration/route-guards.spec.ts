import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Policy, PolicyModule, PolicyRegistry, type DeclaredRoute } from '@roundtable/api-platform';
import { startTestApp, type TestApp } from '../support/test-app';

/** Routes anyone may call without signing in. Adding one here is a security decision: review it. */
const PUBLIC_ROUTES = [
  'GET /health',
  'POST /auth/login',
  // Answers { user: null } for anonymous callers, so the login page makes no failing request; reveals nothing.
  'GET /auth/session',
  // Reset links: always 202 for any email (no enumeration); the confirm needs the emailed token.
  'POST /auth/password-reset',
  'POST /auth/password-reset/confirm',
  'GET /invitations/by-token/:token',
  'POST /invitations/by-token/:token/accept',
  'GET /public/calls/:id',
  'POST /public/calls/:id/applications',
  'POST /public/application-confirmations/:token',
  'GET /calendar-feeds/:token/calendar.ics',
  // Published papers (ADR 031): only published, not withdrawn versions are ever read; served at /p/….
  'GET /public/p',
  'GET /public/p/:slug',
  'GET /public/p/:slug/v/:number',
  'GET /public/p/:slug/v/:number/download/:format',
  'GET /public/p/_fonts/:file',
  // Review rounds (ADR 041): outside reviewers have no account. ReviewerAccess admits only the reviewer
  // session made from a personal link (hashed, until the round closes, revocable) for its own round, or a
  // member's own session with read access to the round's document; everything else is 401/404/410.
  'POST /review/sessions',
  'POST /review/sessions/end',
  'GET /review/rounds/:roundId',
  'GET /review/rounds/:roundId/files/:format',
  'POST /review/rounds/:roundId/comments',
  'DELETE /review/rounds/:roundId/comments/:commentId',
  'PUT /review/rounds/:roundId/answers',
  'POST /review/rounds/:roundId/submit',
  // The privacy notice (ADR 043) is for everyone, before any account exists.
  'GET /privacy/notice',
  // Own-data export links (ADR 043): the 43-character token is the credential, stored hashed, 7 days, revocable.
  'GET /data-exports/:token/download',
].sort();

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
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => r.route)
        .sort(),
    ).toEqual(PUBLIC_ROUTES);
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

  @Controller('labelled')
  class LabelledController {
    // The old label form: an action with no resource to check it on.
    @Policy('plan.manage' as never)
    @Get()
    get(): string {
      return 'a label nothing enforces';
    }
  }

  it.each([
    ['neither @Public() nor @Policy()', UndeclaredController, 'GET /undeclared: neither @Public() nor @Policy()'],
    ['a bare action as its policy', LabelledController, "GET /labelled: 'plan.manage' names no resource"],
    [
      'a resource type nobody loads',
      UnloadableController,
      'GET /unloadable/:id: no loader registered for resource type "meeting"',
    ],
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
