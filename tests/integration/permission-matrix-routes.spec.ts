import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import {
  ApiException,
  PolicyGuard,
  PolicyRegistry,
  type DeclaredRoute,
  type PolicyResource,
} from '@roundtable/api-platform';
import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { addOutsider, EMAIL, openCall, ROLES, type Role } from '../support/matrix-roles';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The permission matrix over every route Nest serves: each role × route is put to the declared policy as
 * `PolicyGuard` enforces it (the real declaration, loaders and actor on the seeded database), without
 * running the handler, so write routes are checked without changing anything. A route missing from
 * EXPECTED fails the test: a new route needs its row. What the handlers decide after the policy (states,
 * bodies) is covered by permission-matrix.spec.ts over HTTP.
 */
type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;

/** Fixtures a route's resource id is taken from (see beforeAll). */
type Fixture =
  | 'project'
  | 'wg1'
  | 'wg1Paper'
  | 'wg2Paper'
  | 'roadmap'
  | 'd23'
  | 'wg1ExpertPerson'
  | 'wg1Meeting'
  | 'wg1ApprovedMinutes'
  | 'wg1DraftMinutes'
  | 'wg1Action'
  | 'wg1File'
  | 'call'
  | 'application'
  | 'invitation'
  | 'thread'
  | 'comment'
  | 'partner'
  | 'wg1Recommendation'
  | 'wg1Pair'
  | 'reviewRound'
  | 'roadmapAction';

//                                  coord  cochair expert obs    wg2exp outsider anon
const ALL: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const SIGNED_IN: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 401];
const PROJECT_READERS: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok', 404, 401];
const COORDINATORS: Outcome[] = ['ok', 403, 403, 403, 403, 404, 401];
const WG1_MANAGERS: Outcome[] = ['ok', 'ok', 403, 403, 403, 404, 401];
const WG1_WRITERS: Outcome[] = ['ok', 'ok', 'ok', 403, 403, 404, 401];
const WG1_MEETING_READERS: Outcome[] = ['ok', 'ok', 'ok', 'ok', 404, 404, 401];
const WG1_MEETING_MANAGERS: Outcome[] = ['ok', 'ok', 403, 403, 404, 404, 401];
// The roadmap (a project-level document): the coordinators and every co-chair and expert edit it.
const ROADMAP_EDITORS: Outcome[] = ['ok', 'ok', 'ok', 403, 'ok', 404, 401];

/**
 * Route → the fixture its declared resource is taken from, and the outcome per role (in ROLES order). Some
 * routes only settle visibility here and leave the rest to the handler (new meetings and find-a-time: the
 * group is in the body; action items: text vs status); permission-matrix.spec.ts checks those over HTTP.
 */
const EXPECTED: Record<string, [Fixture | null, Outcome[]]> = {
  'DELETE /actions/:id': ['wg1Action', [409, 409, 409, 409, 409, 404, 401]],
  'PATCH /actions/:id': ['wg1Action', PROJECT_READERS],
  'GET /admin/outbox': [null, ['ok', 403, 403, 403, 403, 403, 401]],
  'POST /admin/outbox/:id/retry': [null, ['ok', 403, 403, 403, 403, 403, 401]],
  'GET /admin/audit': [null, ['ok', 403, 403, 403, 403, 403, 401]],
  'GET /admin/audit/export.csv': [null, ['ok', 403, 403, 403, 403, 403, 401]],
  'POST /applications/:id/decision': ['application', ['ok', 'ok', 404, 404, 404, 404, 401]],
  'POST /applications/:id/reviews': ['application', ['ok', 'ok', 404, 404, 404, 404, 401]],
  'POST /applications/:id/conflict': ['application', ['ok', 'ok', 404, 404, 404, 404, 401]],
  'PUT /partners/:id': ['partner', COORDINATORS],
  'GET /projects/:id/partners': ['project', PROJECT_READERS],
  'POST /projects/:id/partners': ['project', COORDINATORS],
  'POST /projects/:id/working-groups': ['project', COORDINATORS],
  'PUT /projects/:id/headcount-target': ['project', COORDINATORS],
  'PUT /working-groups/:id': ['wg1', COORDINATORS],
  'PUT /working-groups/:id/members/:personId/term': ['wg1', COORDINATORS],
  'POST /auth/login': [null, ALL],
  'POST /auth/logout-everywhere': [null, SIGNED_IN],
  'POST /auth/password': [null, SIGNED_IN],
  'POST /auth/password-reset': [null, ALL],
  'POST /auth/password-reset/confirm': [null, ALL],
  'POST /auth/logout': [null, SIGNED_IN],
  'GET /auth/me': [null, SIGNED_IN],
  'GET /auth/session': [null, ALL],
  'GET /calendar-feeds/:token/calendar.ics': [null, ALL],
  'GET /data-exports/:token/download': [null, ALL],
  'GET /privacy/notice': [null, ALL],
  'GET /calls': [null, SIGNED_IN],
  'POST /calls': ['project', ['ok', 403, 403, 403, 403, 400, 401]],
  'GET /calls/:id': ['call', PROJECT_READERS],
  'GET /calls/:id/applications': ['call', PROJECT_READERS],
  'POST /calls/:id/close': ['call', COORDINATORS],
  'POST /comment-threads/:threadId/reopen': ['thread', WG1_WRITERS],
  'POST /comment-threads/:threadId/replies': ['thread', PROJECT_READERS],
  'POST /comment-threads/:threadId/resolve': ['thread', WG1_WRITERS],
  'DELETE /comments/:commentId': ['comment', WG1_WRITERS],
  'PATCH /comments/:commentId': ['comment', [403, 403, 'ok', 403, 403, 404, 401]],
  'GET /documents': [null, SIGNED_IN],
  'GET /documents/:id': ['wg1Paper', PROJECT_READERS],
  'GET /documents/:id/comments': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/comments': ['wg1Paper', PROJECT_READERS],
  'GET /documents/:id/content': ['wg1Paper', PROJECT_READERS],
  'GET /documents/:id/content.md': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/lock': ['wg1Paper', COORDINATORS],
  'GET /documents/:id/publication': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/review-rounds': ['wg1Paper', WG1_MANAGERS],
  'GET /documents/:id/review-rounds': ['wg1Paper', PROJECT_READERS],
  'GET /review-rounds/:id': ['reviewRound', PROJECT_READERS],
  'POST /review-rounds/:id/reviewers': ['reviewRound', WG1_MANAGERS],
  'POST /review-rounds/:id/reviewers/:reviewerId/resend': ['reviewRound', WG1_MANAGERS],
  'POST /review-rounds/:id/reviewers/:reviewerId/revoke': ['reviewRound', WG1_MANAGERS],
  'POST /review-rounds/:id/close': ['reviewRound', WG1_MANAGERS],
  'POST /review-rounds/:id/respond': ['reviewRound', WG1_MANAGERS],
  'PUT /review-rounds/:id/comments/:commentId/disposition': ['reviewRound', WG1_WRITERS],
  'GET /review-rounds/:id/matrix.csv': ['reviewRound', PROJECT_READERS],
  'GET /review-rounds/:id/matrix.docx': ['reviewRound', PROJECT_READERS],
  // Reviewers' routes (ADR 041): public to the guard; ReviewerAccess checks the reviewer session or account.
  'POST /review/sessions': [null, ALL],
  'POST /review/sessions/end': [null, ALL],
  'GET /review/rounds/:roundId': [null, ALL],
  'GET /review/rounds/:roundId/files/:format': [null, ALL],
  'POST /review/rounds/:roundId/comments': [null, ALL],
  'DELETE /review/rounds/:roundId/comments/:commentId': [null, ALL],
  'PUT /review/rounds/:roundId/answers': [null, ALL],
  'POST /review/rounds/:roundId/submit': [null, ALL],
  'POST /documents/:id/publish': ['wg1Paper', COORDINATORS],
  'POST /documents/:id/unpublish': ['wg1Paper', COORDINATORS],
  'GET /documents/:id/mentionable': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/paragraphs': ['wg1Paper', WG1_WRITERS],
  'POST /documents/:id/references/import': ['wg1Paper', WG1_WRITERS],
  'PUT /documents/:id/status': ['wg1Paper', WG1_MANAGERS],
  'POST /documents/:id/unlock': ['wg1Paper', COORDINATORS],
  'GET /documents/:id/export': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/export-jobs': ['wg1Paper', PROJECT_READERS],
  'GET /documents/:id/export-jobs/:jobId': ['wg1Paper', PROJECT_READERS],
  'GET /documents/:id/versions': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/versions': ['wg1Paper', WG1_WRITERS],
  'GET /documents/:id/versions/:versionId': ['wg1Paper', PROJECT_READERS],
  'GET /documents/:id/versions/:versionId/diff': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/versions/:versionId/restore': ['wg1Paper', WG1_WRITERS],
  // Suggestion mode (ADR 040): whoever edits suggests and decides; whoever reads sees them and discusses one.
  'GET /documents/:id/suggestions': ['wg1Paper', PROJECT_READERS],
  'POST /documents/:id/suggestions': ['wg1Paper', WG1_WRITERS],
  'POST /documents/:id/suggestions/decisions': ['wg1Paper', WG1_WRITERS],
  'PUT /documents/:id/suggestions/:suggestionId/thread': ['wg1Paper', PROJECT_READERS],
  'GET /health': [null, ALL],
  // The caller's own notifications: the handlers read and write only the signed-in user's rows.
  'GET /notifications': [null, SIGNED_IN],
  'GET /notifications/stream': [null, SIGNED_IN],
  'GET /notifications/unread-count': [null, SIGNED_IN],
  'POST /notifications/:id/read': [null, SIGNED_IN],
  'POST /notifications/read-all': [null, SIGNED_IN],
  'DELETE /invitations/:id': ['invitation', WG1_MANAGERS],
  'GET /invitations/by-token/:token': [null, ALL],
  'POST /invitations/by-token/:token/accept': [null, ALL],
  'DELETE /library/:fileId': ['wg1File', WG1_MANAGERS],
  'GET /library/:fileId': ['wg1File', PROJECT_READERS],
  'PATCH /library/:fileId': ['wg1File', WG1_MANAGERS],
  'GET /library/:fileId/download': ['wg1File', PROJECT_READERS],
  'POST /library/:fileId/versions': ['wg1File', WG1_WRITERS],
  'GET /library/:fileId/versions/:versionId/download': ['wg1File', PROJECT_READERS],
  'GET /library/:fileId/versions/:versionId/image': ['wg1File', PROJECT_READERS],
  'GET /me/actions': [null, SIGNED_IN],
  'DELETE /me/calendar-feed': [null, SIGNED_IN],
  'GET /me/calendar-feed': [null, SIGNED_IN],
  'POST /me/calendar-feed': [null, SIGNED_IN],
  'GET /me/start': [null, SIGNED_IN],
  'GET /me/notification-preferences': [null, SIGNED_IN],
  'GET /me/privacy': [null, SIGNED_IN],
  'PUT /me/consents': [null, SIGNED_IN],
  'GET /me/data-exports': [null, SIGNED_IN],
  'POST /me/data-exports': [null, SIGNED_IN],
  'GET /me/data-exports/:id': [null, SIGNED_IN],
  'GET /me/data-exports/:id/download': [null, SIGNED_IN],
  'POST /me/data-exports/:id/revoke': [null, SIGNED_IN],
  'POST /me/erasure': [null, SIGNED_IN],
  'PUT /me/notification-preferences': [null, SIGNED_IN],
  'GET /me/working-hours': [null, SIGNED_IN],
  'PUT /me/working-hours': [null, SIGNED_IN],
  'GET /meetings/:id': ['wg1Meeting', WG1_MEETING_READERS],
  'PATCH /meetings/:id': ['wg1Meeting', WG1_MEETING_MANAGERS],
  'PUT /meetings/:id/attendance': ['wg1Meeting', WG1_MEETING_MANAGERS],
  'POST /meetings/:id/cancel': ['wg1Meeting', WG1_MEETING_MANAGERS],
  'GET /meetings/:id/meeting.ics': ['wg1Meeting', WG1_MEETING_READERS],
  'GET /meetings/:id/minutes': ['wg1Meeting', WG1_MEETING_READERS],
  'POST /meetings/:id/minutes': ['wg1Meeting', WG1_MEETING_MANAGERS],
  'PUT /meetings/:id/occurrences/:originalStart': ['wg1Meeting', WG1_MEETING_MANAGERS],
  'POST /meetings/:id/occurrences/:originalStart/cancel': ['wg1Meeting', WG1_MEETING_MANAGERS],
  'GET /meetings/:id/open-actions': ['wg1Meeting', WG1_MEETING_READERS],
  'PUT /meetings/:id/rsvp': ['wg1Meeting', [403, 'ok', 'ok', 'ok', 404, 404, 401]],
  'GET /minutes/:id': ['wg1DraftMinutes', WG1_MEETING_READERS],
  'POST /minutes/:id/actions': ['wg1DraftMinutes', ['ok', 'ok', 'ok', 403, 404, 404, 401]],
  'POST /minutes/:id/approvals': ['wg1DraftMinutes', [403, 'ok', 403, 403, 404, 404, 401]],
  'POST /minutes/:id/circulate': ['wg1DraftMinutes', WG1_MEETING_MANAGERS],
  'POST /minutes/:id/decisions': ['wg1DraftMinutes', ['ok', 'ok', 'ok', 403, 404, 404, 401]],
  'DELETE /minutes/:id/decisions/:decisionId': ['wg1DraftMinutes', ['ok', 'ok', 'ok', 403, 404, 404, 401]],
  'GET /people': [null, SIGNED_IN],
  'GET /people/:id': ['wg1ExpertPerson', PROJECT_READERS],
  'PATCH /people/:id': ['wg1ExpertPerson', [403, 403, 'ok', 403, 403, 404, 401]],
  'GET /people/me': [null, SIGNED_IN],
  'GET /plan-items/:id': ['d23', PROJECT_READERS],
  'PUT /plan-items/:id': ['d23', COORDINATORS],
  'POST /plan-items/:id/documents': ['d23', COORDINATORS],
  'DELETE /plan-items/:id/documents/:documentId': ['d23', COORDINATORS],
  'POST /plan-items/:id/rebaseline': ['d23', COORDINATORS],
  'POST /plan-items/:id/status': ['d23', COORDINATORS],
  'GET /projects': [null, SIGNED_IN],
  'GET /projects/:id': ['project', PROJECT_READERS],
  'GET /projects/:id/balance': ['project', PROJECT_READERS],
  'PUT /projects/:id/balance-target': ['project', COORDINATORS],
  'GET /projects/:id/balance.csv': ['project', PROJECT_READERS],
  'GET /projects/:id/meetings': ['project', PROJECT_READERS],
  'POST /projects/:id/meetings': ['project', PROJECT_READERS],
  'POST /projects/:id/meetings/find-a-time': ['project', PROJECT_READERS],
  'GET /projects/:id/minutes': ['project', PROJECT_READERS],
  'GET /projects/:id/plan': ['project', PROJECT_READERS],
  'GET /projects/:id/publications': ['project', PROJECT_READERS],
  'GET /projects/:id/plan/export.csv': ['project', PROJECT_READERS],
  'POST /projects/:id/plan/items': ['project', COORDINATORS],
  'PUT /projects/:id/plan/reminder-offsets': ['project', COORDINATORS],
  'POST /projects/:id/plan/tasks': ['project', COORDINATORS],
  'POST /projects/:id/plan/visit': ['project', PROJECT_READERS],
  'POST /projects/:id/plan/work-packages': ['project', COORDINATORS],
  'GET /projects/:id/roles': ['project', PROJECT_READERS],
  'POST /projects/:id/roles': ['project', COORDINATORS],
  'DELETE /projects/:id/roles/:personId/:role': ['project', COORDINATORS],
  'GET /projects/:projectId/library': ['project', PROJECT_READERS],
  'GET /projects/:projectId/recommendations': ['project', PROJECT_READERS],
  'GET /projects/:projectId/recommendations/export.csv': ['project', PROJECT_READERS],
  'GET /projects/:projectId/recommendations/export.docx': ['project', PROJECT_READERS],
  'GET /projects/:projectId/recommendations/duplicates': ['project', PROJECT_READERS],
  'GET /recommendations/:id': ['wg1Recommendation', PROJECT_READERS],
  'POST /documents/:id/recommendations': ['wg1Paper', WG1_WRITERS],
  'PATCH /documents/:id/recommendations/:recommendationId': ['wg1Paper', WG1_WRITERS],
  'POST /documents/:id/recommendations/:recommendationId/move': ['wg1Paper', WG1_WRITERS],
  'DELETE /documents/:id/recommendations/:recommendationId': ['wg1Paper', WG1_WRITERS],
  // A pair of a WG1 and a WG3 paper: the co-chairs of either group and the coordinators decide.
  'POST /recommendation-pairs/:pairId/decision': ['wg1Pair', WG1_MANAGERS],
  'POST /recommendation-pairs/:pairId/merge': ['wg1Pair', WG1_MANAGERS],
  'POST /projects/:projectId/library': ['project', COORDINATORS],
  'GET /projects/:projectId/roadmap': ['project', PROJECT_READERS],
  'GET /projects/:projectId/roadmap/matrix': ['project', PROJECT_READERS],
  'GET /projects/:projectId/roadmap/matrix.csv': ['project', PROJECT_READERS],
  'POST /projects/:projectId/roadmap/actions': ['project', ROADMAP_EDITORS],
  'GET /roadmap-actions/:actionId': ['roadmapAction', PROJECT_READERS],
  'PATCH /roadmap-actions/:actionId': ['roadmapAction', ROADMAP_EDITORS],
  'DELETE /roadmap-actions/:actionId': ['roadmapAction', ROADMAP_EDITORS],
  'GET /public/calls/:id': [null, ALL],
  'GET /public/p': [null, ALL],
  'GET /public/p/:slug': [null, ALL],
  'GET /public/p/:slug/v/:number': [null, ALL],
  'GET /public/p/:slug/v/:number/download/:format': [null, ALL],
  'GET /public/p/_fonts/:file': [null, ALL],
  'POST /public/application-confirmations/:token': [null, ALL],
  'POST /public/calls/:id/applications': [null, ALL],
  'GET /working-groups': [null, SIGNED_IN],
  'POST /working-groups/:groupId/library': ['wg1', WG1_WRITERS],
  'GET /working-groups/:id': ['wg1', PROJECT_READERS],
  'GET /working-groups/:id/invitations': ['wg1', WG1_MANAGERS],
  'POST /working-groups/:id/invitations': ['wg1', WG1_MANAGERS],
  'GET /working-groups/:id/members': ['wg1', PROJECT_READERS],
  'POST /working-groups/:id/members': ['wg1', WG1_MANAGERS],
  'DELETE /working-groups/:id/members/:personId': ['wg1', WG1_MANAGERS],
  'PATCH /working-groups/:id/members/:personId': ['wg1', WG1_MANAGERS],
};

describe('permission matrix: every route × role, as the declared policy decides', () => {
  let t: TestApp;
  let guard: PolicyGuard;
  let routes: DeclaredRoute[];
  const users = {} as Record<Role, object | undefined>;
  const ids = {} as Record<Fixture, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await addOutsider(t);
    const registry = t.app.get(PolicyRegistry);
    guard = new PolicyGuard(registry, t.app.get(Reflector));
    routes = registry.routes();
    for (const role of ROLES) {
      users[role] =
        role === 'anonymous'
          ? undefined
          : (
              await t.dataSource.query(
                'SELECT id, email, platform_role AS "platformRole", person_id AS "personId" FROM users WHERE email = $1',
                [EMAIL[role]],
              )
            )[0];
    }
    const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].id as string;
    const coordinator = await new HttpClient(t.baseUrl).login(EMAIL.coordinator);
    ids.project = await one('SELECT id FROM projects');
    ids.wg1 = await one("SELECT id FROM working_groups WHERE code = 'WG1'");
    ids.partner = await one('SELECT id FROM partners ORDER BY short_name LIMIT 1');
    ids.wg1Paper = await one(
      "SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id WHERE g.code = 'WG1' AND d.type <> 'minutes' ORDER BY d.created_at LIMIT 1",
    );
    ids.wg2Paper = await one(
      "SELECT d.id FROM documents d JOIN working_groups g ON g.id = d.working_group_id WHERE g.code = 'WG2' AND d.type <> 'minutes' ORDER BY d.created_at LIMIT 1",
    );
    ids.roadmap = await one("SELECT id FROM documents WHERE type = 'roadmap'");
    ids.d23 = await one("SELECT id FROM plan_items WHERE number = 'D2.3'");
    ids.wg1ExpertPerson = await one("SELECT id FROM people WHERE email = 'wg1-expert@example.org'");
    ids.wg1Meeting = await one("SELECT id FROM meetings WHERE seed_key = 'meeting:wg1-monthly'");
    const minutes = (status: string) =>
      one('SELECT id FROM meeting_minutes WHERE meeting_id = $1 AND status = $2 ORDER BY occurrence_start LIMIT 1', [
        ids.wg1Meeting,
        status,
      ]);
    ids.wg1ApprovedMinutes = await minutes('approved');
    ids.wg1DraftMinutes = await minutes('draft');
    ids.wg1Action = await one('SELECT id FROM action_items WHERE minutes_id = $1 ORDER BY created_at LIMIT 1', [
      ids.wg1ApprovedMinutes,
    ]);
    ids.wg1File = await one("SELECT id FROM library_files WHERE name = 'WG1 kick-off notes.md'");
    // The registry reads the demo papers after the seed commits: wait for the WG1 ↔ WG3 planted pair.
    const demoRec = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    ids.wg1Recommendation = demoRec(102);
    ids.roadmapAction = '5eed0000-0000-4000-9000-000000000001';
    ids.wg1Pair = (await poll(
      async () =>
        (
          await t.dataSource.query('SELECT id FROM recommendation_pairs WHERE a_id = $1 AND b_id = $2', [
            demoRec(102),
            demoRec(141),
          ])
        )[0]?.id as string | undefined,
      (id) => id !== undefined,
      'the demo pair in the registry',
    )) as string;
    ids.call = await openCall(coordinator, ids.project, ids.wg1);
    // A confirmed application, as the confirmation link leaves it (the policy only reads its call and groups).
    ids.application = await one(
      `INSERT INTO applications (call_id, name, email, country, affiliation, sector, expertise, preferred_working_group_ids,
                                 motivation, conflict_of_interest, consent_gdpr, consent_pipl, submitted_from_ip, submitted_at)
       VALUES ($1, 'Applicant Placeholder', 'applicant@example.net', 'FR', 'Institut Exemple', 'academia', '{genomics}', $2::uuid[],
               'To contribute.', 'none', true, true, '127.0.0.1', now()) RETURNING id`,
      [ids.call, [ids.wg1]],
    );
    ids.invitation = (
      await coordinator.post(`/api/working-groups/${ids.wg1}/invitations`, {
        email: 'invitee@example.org',
        role: 'expert',
      })
    ).body.id;
    ids.reviewRound = (
      await coordinator.post(`/api/documents/${ids.wg1Paper}/review-rounds`, {
        name: 'Matrix round',
        closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
      })
    ).body.id;
    ids.thread = await one(
      `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, status, created_by_user_id)
       VALUES ($1, '{}', '{}', 'quoted', 'open', (SELECT id FROM users WHERE email = 'wg1-expert@example.org')) RETURNING id`,
      [ids.wg1Paper],
    );
    ids.comment = await one(
      "INSERT INTO comments (thread_id, author_user_id, body) VALUES ($1, (SELECT id FROM users WHERE email = 'wg1-expert@example.org'), 'A comment') RETURNING id",
      [ids.thread],
    );
  }, 120_000);
  afterAll(() => t.close());

  /** What the guard decides for `role` on `route`, the resource id taken from `fixture`. */
  async function decide(route: DeclaredRoute, fixture: Fixture | null, role: Role): Promise<Outcome> {
    const policy = route.policy;
    const resource: PolicyResource | undefined =
      typeof policy === 'object' && !('list' in policy)
        ? 'read' in policy
          ? policy.read
          : policy.resource === 'any-project'
            ? undefined
            : policy.resource
        : undefined;
    const id = fixture ? ids[fixture] : '00000000-0000-4000-8000-000000000000';
    const params: Record<string, string> = {};
    for (const [, name] of route.route.matchAll(/:(\w+)/g))
      params[name] =
        resource && 'param' in resource && resource.param === name ? id : '00000000-0000-4000-8000-000000000000';
    const body = resource && 'body' in resource ? { [resource.body]: id } : {};
    const query = resource && 'query' in resource ? { [resource.query]: id } : {};
    const request = { params, body, query, headers: {}, user: users[role] };
    try {
      return (await guard.canActivate(
        new ExecutionContextHost([request, {}, () => undefined], route.controller, route.handler),
      ))
        ? 'ok'
        : 403;
    } catch (error) {
      if (error instanceof ApiException) return error.getStatus() as Outcome;
      throw error;
    }
  }

  it('has a row for every route Nest serves, and none for a route that is gone', () => {
    const served = routes.map((r) => r.route).sort();
    expect({
      missing: served.filter((r) => !(r in EXPECTED)),
      gone: Object.keys(EXPECTED).filter((r) => !served.includes(r)),
    }).toEqual({ missing: [], gone: [] });
  });

  it('decides every role × route as expected', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const row = EXPECTED[route.route];
      if (!row) continue;
      for (const [i, role] of ROLES.entries()) {
        const outcome = await decide(route, row[0], role);
        if (outcome !== row[1][i]) wrong.push(`${route.route} as ${role}: ${outcome}, expected ${row[1][i]}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
