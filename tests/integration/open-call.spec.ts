import { HttpClient } from '../support/http-client';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The open call for experts on real PostgreSQL: coordinators open and close calls, anyone applies without an
 * account (validated, honeypot, rate limit per address, one application per email, counted only once the link
 * mailed to that address is opened), co-chairs review their groups' applications, and a decision invites the
 * applicant or sends a polite bilingual mail. Mail goes over SMTP to a real sink.
 *
 * Every request comes from 127.0.0.1, so tests that submit several applications first move earlier rows to
 * another address (`forgetSubmissionsFromHere`) to keep the per-address limit out of their way.
 */
describe('open call for experts', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let projectId: string;
  let wg: Record<'WG1' | 'WG2' | 'WG3', string>;
  let callId: string;
  let sink: SmtpSink;
  const savedSmtpUrl = process.env.SMTP_URL;
  const usedMails = new Set<SinkMessage>();

  const anonymous = () => new HttpClient(t.baseUrl);
  const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();

  function callRequest(overrides: Record<string, unknown> = {}) {
    return {
      projectId,
      title: { en: 'Call for experts 2026', zh: '2026 年专家征集' },
      description: { en: 'Join a working group on personalised medicine.', zh: '加入个性化医学工作组。' },
      eligibility: { en: 'Researchers, clinicians, policy makers.', zh: '研究人员、临床医生、政策制定者。' },
      workingGroupIds: [wg.WG1, wg.WG2],
      closesAt: inAWeek(),
      ...overrides,
    };
  }

  function application(overrides: Record<string, unknown> = {}) {
    return {
      name: 'Ada Applicant',
      email: 'ada@example.net',
      country: 'FR',
      affiliation: 'Institut Exemple',
      sector: 'academia',
      expertise: ['genomics', 'health economics'],
      preferredWorkingGroupIds: [wg.WG1],
      motivation: 'I would like to contribute to sustainable personalised medicine.',
      conflictOfInterest: 'none',
      consentGdpr: true,
      consentPipl: true,
      ...overrides,
    };
  }

  async function applicationRows(
    call = callId,
  ): Promise<Array<{ id: string; email: string; name: string; status: string }>> {
    return t.dataSource.query(
      'SELECT id, email, name, status FROM applications WHERE call_id = $1 ORDER BY submitted_at',
      [call],
    );
  }

  async function allApplicationCount(): Promise<number> {
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM applications');
    return count;
  }

  /** Pretends earlier applications came from another address, so this address starts a fresh hour. */
  async function forgetSubmissionsFromHere(): Promise<void> {
    await t.dataSource.query("UPDATE applications SET submitted_from_ip = '198.51.100.7'");
    await t.dataSource.query("UPDATE application_submissions SET submitted_from_ip = '198.51.100.7'");
  }

  /** The confirmation link of the next confirmation mail to `email` not read yet (over SMTP). */
  async function confirmationLink(email: string): Promise<{ token: string; mail: SinkMessage }> {
    const mail = await sink.waitForMessage(
      (m) =>
        !usedMails.has(m) &&
        m.to.some((to) => to.toLowerCase() === email.trim().toLowerCase()) &&
        /\/apply\/confirm\//.test(m.text),
    );
    usedMails.add(mail);
    const token = /\/apply\/confirm\/([\w-]+)/.exec(mail.text)![1];
    return { token, mail };
  }

  const confirm = (token: string) => anonymous().post(`/api/public/application-confirmations/${token}`);

  /** Applies and opens the mailed link, as an applicant does; the application's id. */
  async function applyConfirmed(call: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const body = application(overrides);
    const response = await anonymous().post(`/api/public/calls/${call}/applications`, body);
    expect(response.status).toBe(202);
    const { token } = await confirmationLink(body.email as string);
    expect((await confirm(token)).status).toBe(200);
    const [row] = await t.dataSource.query(
      'SELECT id FROM applications WHERE call_id = $1 AND lower(email) = lower(trim($2))',
      [call, body.email],
    );
    return row.id;
  }

  async function openCall(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await coordinator.post('/api/calls', callRequest(overrides));
    expect(response.status).toBe(201);
    return response.body.id;
  }

  function fieldsOf(body: { fields?: Array<{ field: string }> }): string[] {
    return [...new Set((body.fields ?? []).map((f) => f.field))];
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const groups: Array<{ id: string; code: 'WG1' | 'WG2' | 'WG3'; projectId: string }> = (
      await coordinator.get('/api/working-groups')
    ).body;
    wg = Object.fromEntries(groups.map((g) => [g.code, g.id])) as typeof wg;
    projectId = groups[0].projectId;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  describe('calls', () => {
    it('lets the coordinator open a call for WG1 and WG2, listed for members and readable by anyone', async () => {
      const response = await coordinator.post('/api/calls', callRequest());
      expect(response.status).toBe(201);
      callId = response.body.id;
      expect(response.body).toMatchObject({
        projectId,
        title: { en: 'Call for experts 2026', zh: '2026 年专家征集' },
        open: true,
      });
      expect(response.body.workingGroups.map((g: { code: string }) => g.code)).toEqual(['WG1', 'WG2']);
      expect(response.body.workingGroups[0].title.en).toBe('Shaping sustainable healthcare');

      const expert = await new HttpClient(t.baseUrl).login('wg2-expert@example.org');
      const listed = await expert.get(`/api/calls?projectId=${projectId}`);
      expect(listed.status).toBe(200);
      expect(listed.body.map((c: { id: string }) => c.id)).toContain(callId);
      expect((await expert.get(`/api/calls/${callId}`)).body.id).toBe(callId);

      const publicView = await anonymous().get(`/api/public/calls/${callId}`);
      expect(publicView.status).toBe(200);
      expect(publicView.body).toEqual(response.body);
      expect((await anonymous().get(`/api/calls/${callId}`)).status).toBe(401);
      expect((await anonymous().get('/api/public/calls/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('refuses experts (403) and stores nothing', async () => {
      const [{ count: before }] = await t.dataSource.query('SELECT count(*)::int AS count FROM expert_calls');
      const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
      const response = await expert.post('/api/calls', callRequest());
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      const cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
      expect((await cochair.post('/api/calls', callRequest())).status).toBe(403);
      expect((await cochair.post(`/api/calls/${callId}/close`)).status).toBe(403);
      const [{ count: after }] = await t.dataSource.query('SELECT count(*)::int AS count FROM expert_calls');
      expect(after).toBe(before);
    });

    it('validates a new call and names each bad field', async () => {
      const unknownGroup = await coordinator.post(
        '/api/calls',
        callRequest({ workingGroupIds: [wg.WG1, '00000000-0000-4000-8000-000000000000'] }),
      );
      expect(unknownGroup.status).toBe(400);
      expect(fieldsOf(unknownGroup.body)).toEqual(['workingGroupIds']);

      const empty = await coordinator.post('/api/calls', callRequest({ workingGroupIds: [] }));
      expect(fieldsOf(empty.body)).toEqual(['workingGroupIds']);

      const bad = await coordinator.post(
        '/api/calls',
        callRequest({
          title: { en: 'x'.repeat(201), zh: '' },
          description: { en: 'ok', zh: 'y'.repeat(5001) },
        }),
      );
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['description.zh', 'title.en', 'title.zh']);

      // "In the future" is checked against the server clock once the shape is valid.
      const past = await coordinator.post(
        '/api/calls',
        callRequest({ closesAt: new Date(Date.now() - 60_000).toISOString() }),
      );
      expect(past.status).toBe(400);
      expect(fieldsOf(past.body)).toEqual(['closesAt']);

      const dateOnly = await coordinator.post('/api/calls', callRequest({ closesAt: '2099-01-01' }));
      expect(fieldsOf(dateOnly.body)).toEqual(['closesAt']);
      const noEligibility = await coordinator.post('/api/calls', { ...callRequest(), eligibility: undefined });
      expect(fieldsOf(noEligibility.body)).toEqual(['eligibility']);
    });
  });

  describe('applying without an account', () => {
    it('keeps nothing as an application until the link mailed to the address is opened (202, then 200 on confirming)', async () => {
      await forgetSubmissionsFromHere();
      const response = await anonymous().post(
        `/api/public/calls/${callId}/applications`,
        application({ locale: 'zh-CN' }),
      );
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'confirmation-sent' });
      expect(await applicationRows()).toEqual([]);
      const [pending] = await t.dataSource.query(
        'SELECT token_hash, extract(epoch FROM expires_at - created_at)::float8 AS ttl FROM application_submissions WHERE call_id = $1',
        [callId],
      );
      expect(Math.abs(pending.ttl - 48 * 3600)).toBeLessThan(60);

      const { token, mail } = await confirmationLink('ada@example.net');
      expect(mail.subject).toBe('请确认您的申请：2026 年专家征集');
      expect(mail.text).toContain('仅可使用一次');
      // Only the token's hash is stored.
      expect(Buffer.from(pending.token_hash).toString('base64url')).not.toBe(token);
      expect(pending.token_hash).toHaveLength(32);

      const confirmed = await confirm(token);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ callId, replaced: false });
      const rows = await applicationRows();
      expect(rows).toEqual([
        expect.objectContaining({ email: 'ada@example.net', status: 'submitted', name: 'Ada Applicant' }),
      ]);
      const [stored] = await t.dataSource.query(
        'SELECT country, expertise, submitted_from_ip FROM applications WHERE id = $1',
        [rows[0].id],
      );
      expect(stored).toMatchObject({
        country: 'FR',
        expertise: ['genomics', 'health economics'],
        submitted_from_ip: '127.0.0.1',
      });
      const reviewed = await coordinator.get(`/api/calls/${callId}/applications`);
      expect(reviewed.body.map((a: { id: string }) => a.id)).toEqual([rows[0].id]);
    });

    it('answers a second submission for the same email (other case) exactly like a new one, and changes nothing until it is confirmed', async () => {
      const [first] = await applicationRows();
      const again = await anonymous().post(
        `/api/public/calls/${callId}/applications`,
        application({ email: '  ADA@Example.NET ', name: 'Someone Else', country: 'fr' }),
      );
      const fresh = await anonymous().post(
        `/api/public/calls/${callId}/applications`,
        application({ email: 'never-applied@example.net' }),
      );
      expect([again.status, fresh.status]).toEqual([202, 202]);
      expect(again.body).toEqual(fresh.body);
      expect(again.headers.get('content-length')).toBe(fresh.headers.get('content-length'));

      // Unconfirmed: the earlier application is untouched and reviewers see nothing new.
      expect(await applicationRows()).toEqual([first]);
      const reviewed = await coordinator.get(`/api/calls/${callId}/applications`);
      expect(reviewed.body).toEqual([expect.objectContaining({ id: first.id, name: 'Ada Applicant' })]);

      // The owner of the address opens the link: now it replaces the earlier application (same row).
      const { token, mail } = await confirmationLink('ada@example.net');
      expect(mail.subject).toBe('Confirm your application: Call for experts 2026');
      expect(mail.text).toContain('confirming replaces your earlier application');
      const confirmed = await confirm(token);
      expect(confirmed.body).toEqual({ callId, replaced: true });
      const rows = await applicationRows();
      expect(rows).toEqual([expect.objectContaining({ id: first.id, name: 'Someone Else' })]);
      await t.dataSource.query("DELETE FROM application_submissions WHERE email = 'never-applied@example.net'");
    });

    it('uses each link once, never after it expires, and never after a later link for the same email was confirmed', async () => {
      await forgetSubmissionsFromHere();
      const submit = (name: string) =>
        anonymous().post(`/api/public/calls/${callId}/applications`, application({ email: 'links@example.net', name }));
      expect((await submit('First')).status).toBe(202);
      const first = await confirmationLink('links@example.net');
      expect((await submit('Second')).status).toBe(202);
      const second = await confirmationLink('links@example.net');
      expect((await submit('Third')).status).toBe(202);
      const third = await confirmationLink('links@example.net');

      await t.dataSource.query(
        "UPDATE application_submissions SET expires_at = now() - interval '1 second' WHERE payload->>'name' = 'Third'",
      );
      const expired = await confirm(third.token);
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('CONFIRMATION_EXPIRED');
      expect(await t.dataSource.query("SELECT 1 FROM applications WHERE email = 'links@example.net'")).toEqual([]);

      expect((await confirm(second.token)).status).toBe(200);
      const used = await confirm(second.token);
      expect(used.status).toBe(409);
      expect(used.body.code).toBe('CONFIRMATION_USED');
      // The older link was revoked when the newer one was confirmed: it cannot bring back older content.
      const revoked = await confirm(first.token);
      expect(revoked.status).toBe(404);
      expect((await confirm('not-a-token')).status).toBe(404);
      expect((await confirm('A'.repeat(43))).status).toBe(404);
      expect(await t.dataSource.query("SELECT name FROM applications WHERE email = 'links@example.net'")).toEqual([
        { name: 'Second' },
      ]);
      await t.dataSource.query("DELETE FROM applications WHERE email = 'links@example.net'");
    });

    it('answers a filled honeypot with 202 as if accepted, and stores nothing', async () => {
      const before = await allApplicationCount();
      const response = await anonymous().post(
        `/api/public/calls/${callId}/applications`,
        application({ email: 'bot@example.net', website: 'https://spam.example' }),
      );
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'confirmation-sent' });
      expect(await allApplicationCount()).toBe(before);
      expect(await t.dataSource.query("SELECT 1 FROM application_submissions WHERE email = 'bot@example.net'")).toEqual(
        [],
      );
    });

    it.each([
      ['missing GDPR consent', { consentGdpr: undefined }, ['consentGdpr']],
      ['refused PIPL consent', { consentPipl: false }, ['consentPipl']],
      ['unknown country', { country: 'XX' }, ['country']],
      ['working group outside the call', { preferredWorkingGroupIds: ['WG3'] }, ['preferredWorkingGroupIds']],
      ['no preferred working group', { preferredWorkingGroupIds: [] }, ['preferredWorkingGroupIds']],
      ['oversized motivation', { motivation: 'm'.repeat(5001) }, ['motivation']],
      ['invalid email', { email: 'not-an-email' }, ['email']],
      ['unknown sector', { sector: 'astrology' }, ['sector']],
      ['too many expertise tags', { expertise: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }, ['expertise']],
      ['empty conflict-of-interest declaration', { conflictOfInterest: '   ' }, ['conflictOfInterest']],
      ['unexpected field', { admin: true }, ['admin']],
      [
        'several problems at once',
        { name: '', affiliation: 'a'.repeat(301), consentGdpr: 'yes' },
        ['affiliation', 'consentGdpr', 'name'],
      ],
    ])('rejects %s with 400 naming the field, storing nothing', async (_label, overrides, fields) => {
      const body: Record<string, unknown> = application({ email: 'invalid-case@example.net', ...overrides });
      if (Array.isArray(body.preferredWorkingGroupIds)) {
        body.preferredWorkingGroupIds = body.preferredWorkingGroupIds.map((id: string) => (id === 'WG3' ? wg.WG3 : id));
      }
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      const before = await allApplicationCount();
      const response = await anonymous().post(`/api/public/calls/${callId}/applications`, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body).sort()).toEqual(fields);
      expect(await allApplicationCount()).toBe(before);
    });

    it('refuses applications to a closed call with 410 CALL_CLOSED and stores nothing', async () => {
      const closing = await openCall({ workingGroupIds: [wg.WG1] });
      const closed = await coordinator.post(`/api/calls/${closing}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.open).toBe(false);
      expect((await coordinator.post(`/api/calls/${closing}/close`)).status).toBe(200);
      const response = await anonymous().post(
        `/api/public/calls/${closing}/applications`,
        application({ email: 'late@example.net' }),
      );
      expect(response.status).toBe(410);
      expect(response.body.code).toBe('CALL_CLOSED');
      expect(response.body.message).toMatch(/closed/);
      expect(await applicationRows(closing)).toEqual([]);
      expect((await anonymous().get(`/api/public/calls/${closing}`)).body.open).toBe(false);

      // A call whose closing time has passed is closed too, without anyone closing it.
      const expired = await openCall({ workingGroupIds: [wg.WG1] });
      await t.dataSource.query("UPDATE expert_calls SET closes_at = now() - interval '1 minute' WHERE id = $1", [
        expired,
      ]);
      const late = await anonymous().post(
        `/api/public/calls/${expired}/applications`,
        application({ email: 'late@example.net' }),
      );
      expect(late.status).toBe(410);
      expect(await applicationRows(expired)).toEqual([]);
    });

    it('accepts at most 5 applications per address per hour (429 with Retry-After), then stores nothing', async () => {
      await forgetSubmissionsFromHere();
      for (let i = 1; i <= 5; i++) {
        const response = await anonymous().post(
          `/api/public/calls/${callId}/applications`,
          application({ email: `burst-${i}@example.net` }),
        );
        expect(response.status).toBe(202);
      }
      const submissions = async () =>
        (await t.dataSource.query('SELECT count(*)::int AS count FROM application_submissions'))[0].count;
      const before = await submissions();
      const sixth = await anonymous().post(
        `/api/public/calls/${callId}/applications`,
        application({ email: 'burst-6@example.net' }),
      );
      expect(sixth.status).toBe(429);
      expect(sixth.body.code).toBe('TOO_MANY_ATTEMPTS');
      const retryAfter = Number(sixth.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(3000);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(await submissions()).toBe(before);

      // An hour later the address may apply again.
      await t.dataSource.query(
        "UPDATE application_submissions SET created_at = created_at - interval '61 minutes' WHERE email LIKE 'burst-%'",
      );
      const later = await anonymous().post(
        `/api/public/calls/${callId}/applications`,
        application({ email: 'burst-6@example.net' }),
      );
      expect(later.status).toBe(202);
      await t.dataSource.query("DELETE FROM application_submissions WHERE email LIKE 'burst-%'");
    });
  });

  describe('reviewing and deciding', () => {
    let reviewCall: string;
    const ids: Record<'wg1' | 'wg2' | 'both', string> = { wg1: '', wg2: '', both: '' };

    beforeAll(async () => {
      await forgetSubmissionsFromHere();
      reviewCall = await openCall({ title: { en: 'Review round', zh: '评审轮次' } });
      const submit = (email: string, groups: string[], country = 'DE') =>
        applyConfirmed(reviewCall, { email, name: email.split('@')[0], preferredWorkingGroupIds: groups, country });
      ids.wg1 = await submit('wg1-only@example.net', [wg.WG1]);
      ids.wg2 = await submit('wg2-only@example.net', [wg.WG2], 'CN');
      ids.both = await submit('both@example.net', [wg.WG2, wg.WG1]);
      await forgetSubmissionsFromHere();
    });

    it('shows coordinators every application, co-chairs only their groups’ ones, others none', async () => {
      const all = await coordinator.get(`/api/calls/${reviewCall}/applications`);
      expect(all.status).toBe(200);
      expect(all.body.map((a: { id: string }) => a.id).sort()).toEqual([ids.wg1, ids.wg2, ids.both].sort());
      const both = all.body.find((a: { id: string }) => a.id === ids.both);
      expect(both.preferredWorkingGroups.map((g: { code: string }) => g.code)).toEqual(['WG2', 'WG1']);
      expect(all.body.find((a: { id: string }) => a.id === ids.wg2)).toMatchObject({
        country: 'CN',
        region: 'china',
        reviews: [],
        averageScore: null,
      });

      const wg1Cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
      const mine = await wg1Cochair.get(`/api/calls/${reviewCall}/applications`);
      expect(mine.status).toBe(200);
      expect(mine.body.map((a: { id: string }) => a.id).sort()).toEqual([ids.wg1, ids.both].sort());

      const wg3Cochair = await new HttpClient(t.baseUrl).login('wg3-eu-cochair@example.org');
      expect((await wg3Cochair.get(`/api/calls/${reviewCall}/applications`)).body).toEqual([]);
      const wg1Expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
      expect((await wg1Expert.get(`/api/calls/${reviewCall}/applications`)).body).toEqual([]);
      expect((await anonymous().get(`/api/calls/${reviewCall}/applications`)).status).toBe(401);
    });

    it('keeps applications away from those who may not review them', async () => {
      const wg3Cochair = await new HttpClient(t.baseUrl).login('wg3-eu-cochair@example.org');
      expect((await wg3Cochair.post(`/api/applications/${ids.wg1}/reviews`, { score: 5 })).status).toBe(404);
      expect((await wg3Cochair.post(`/api/applications/${ids.wg1}/decision`, { decision: 'decline' })).status).toBe(
        404,
      );
      const wg1Cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
      expect((await wg1Cochair.post(`/api/applications/${ids.wg2}/reviews`, { score: 5 })).status).toBe(404);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM application_reviews');
      expect(count).toBe(0);
      expect((await t.dataSource.query('SELECT status FROM applications WHERE id = $1', [ids.wg1]))[0].status).toBe(
        'submitted',
      );
    });

    it('records one review per reviewer (a second one replaces it) and averages the scores', async () => {
      const wg1Cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
      const first = await wg1Cochair.post(`/api/applications/${ids.wg1}/reviews`, {
        score: 4,
        comment: 'Strong profile.',
      });
      expect(first.status).toBe(201);
      expect(first.body.reviews).toEqual([
        { reviewerName: 'WG1 EU co-chair', score: 4, comment: 'Strong profile.', mine: true },
      ]);
      const second = await wg1Cochair.post(`/api/applications/${ids.wg1}/reviews`, {
        score: 5,
        comment: 'Very strong.',
      });
      expect(second.status).toBe(200);
      expect(second.body.reviews).toHaveLength(1);
      expect(second.body.reviews[0]).toMatchObject({ score: 5, comment: 'Very strong.', mine: true });

      const byCoordinator = await coordinator.post(`/api/applications/${ids.wg1}/reviews`, { score: 2 });
      expect(byCoordinator.status).toBe(201);
      expect(byCoordinator.body.averageScore).toBe(3.5);
      expect(byCoordinator.body.reviews.map((r: { mine: boolean; score: number }) => [r.score, r.mine])).toEqual([
        [5, false],
        [2, true],
      ]);

      for (const bad of [{ score: 6 }, { score: 0 }, { score: 2.5 }, {}, { score: 3, comment: 'c'.repeat(2001) }]) {
        const response = await wg1Cochair.post(`/api/applications/${ids.wg1}/reviews`, bad);
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual(['comment' in bad ? 'comment' : 'score']);
      }
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM application_reviews WHERE application_id = $1',
        [ids.wg1],
      );
      expect(count).toBe(2);
    });

    it('accepts into a group the reviewer co-chairs: invitation and its mail; nothing when the group is not theirs', async () => {
      const wg1Cochair = await new HttpClient(t.baseUrl).login('wg1-eu-cochair@example.org');
      const missingGroup = await wg1Cochair.post(`/api/applications/${ids.both}/decision`, { decision: 'accept' });
      expect(missingGroup.status).toBe(400);
      expect(fieldsOf(missingGroup.body)).toEqual(['workingGroupId']);
      const outside = await wg1Cochair.post(`/api/applications/${ids.both}/decision`, {
        decision: 'accept',
        workingGroupId: wg.WG3,
      });
      expect(outside.status).toBe(400);
      expect(fieldsOf(outside.body)).toEqual(['workingGroupId']);
      const notTheirs = await wg1Cochair.post(`/api/applications/${ids.both}/decision`, {
        decision: 'accept',
        workingGroupId: wg.WG2,
      });
      expect(notTheirs.status).toBe(403);
      expect(await t.dataSource.query('SELECT 1 FROM invitations WHERE application_id = $1', [ids.both])).toEqual([]);

      const accepted = await wg1Cochair.post(`/api/applications/${ids.both}/decision`, {
        decision: 'accept',
        workingGroupId: wg.WG1,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ id: ids.both, status: 'accepted' });
      const invitations = await t.dataSource.query(
        'SELECT working_group_id, email, role, display_name FROM invitations WHERE application_id = $1',
        [ids.both],
      );
      expect(invitations).toEqual([
        { working_group_id: wg.WG1, email: 'both@example.net', role: 'expert', display_name: 'both' },
      ]);
      const mails = await t.dataSource.query(
        "SELECT kind FROM mail_outbox WHERE to_address = 'both@example.net' ORDER BY created_at",
      );
      expect(mails).toEqual([{ kind: 'application-confirmation' }, { kind: 'invitation' }]);
      const [row] = await t.dataSource.query(
        'SELECT decided_at, decision_working_group_id FROM applications WHERE id = $1',
        [ids.both],
      );
      expect(row.decided_at).not.toBeNull();
      expect(row.decision_working_group_id).toBe(wg.WG1);
    });

    it('declines with one polite message in the language of the applicant’s form (ADR 044)', async () => {
      // This applicant used the Chinese form (as stored with the submission they confirmed).
      await t.dataSource.query("UPDATE application_submissions SET locale = 'zh-CN' WHERE application_id = $1", [
        ids.wg2,
      ]);
      const declined = await coordinator.post(`/api/applications/${ids.wg2}/decision`, { decision: 'decline' });
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe('declined');
      const mails = await t.dataSource.query(
        "SELECT kind, subject, text_body FROM mail_outbox WHERE to_address = 'wg2-only@example.net' AND kind <> 'application-confirmation'",
      );
      expect(mails).toHaveLength(1);
      expect(mails[0].kind).toBe('application-declined');
      const mail = await sink.waitForMessage(
        (m) => m.to.includes('wg2-only@example.net') && m.subject.startsWith('您的申请：'),
      );
      expect(mail.subject).toContain('评审轮次');
      expect(mail.text).toContain('wg2-only，您好：');
      expect(mail.text).toContain('感谢');
      expect(mail.text).not.toContain('Thank you');
      expect(mail.html).toContain('lang="zh-CN"');
      expect(await t.dataSource.query('SELECT 1 FROM invitations WHERE application_id = $1', [ids.wg2])).toEqual([]);
    });

    it('refuses a second decision (409) and changes to a decided application', async () => {
      for (const [id, body] of [
        [ids.both, { decision: 'decline' }],
        [ids.both, { decision: 'accept', workingGroupId: wg.WG1 }],
        [ids.wg2, { decision: 'accept', workingGroupId: wg.WG2 }],
        [ids.wg2, { decision: 'decline' }],
      ] as const) {
        const response = await coordinator.post(`/api/applications/${id}/decision`, body);
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('CONFLICT');
      }
      expect(
        await t.dataSource.query('SELECT count(*)::int AS count FROM invitations WHERE application_id = ANY($1)', [
          [ids.both, ids.wg2],
        ]),
      ).toEqual([{ count: 1 }]);
      expect(
        await t.dataSource.query(
          "SELECT count(*)::int AS count FROM mail_outbox WHERE to_address IN ('both@example.net', 'wg2-only@example.net') AND kind <> 'application-confirmation'",
        ),
      ).toEqual([{ count: 2 }]);

      // A new submission is answered as always; confirming it cannot change a decided application.
      const resubmitted = await anonymous().post(
        `/api/public/calls/${reviewCall}/applications`,
        application({ email: 'Both@example.net', name: 'Changed', preferredWorkingGroupIds: [wg.WG1] }),
      );
      expect(resubmitted.status).toBe(202);
      const refused = await confirm((await confirmationLink('both@example.net')).token);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CONFLICT');
      const [row] = await t.dataSource.query('SELECT name, status FROM applications WHERE id = $1', [ids.both]);
      expect(row).toEqual({ name: 'both', status: 'accepted' });
    });

    it('leaves the application undecided when the invitation cannot be created (already a member)', async () => {
      await forgetSubmissionsFromHere();
      const id = await applyConfirmed(reviewCall, { email: 'WG1-expert@example.org' });
      const refused = await coordinator.post(`/api/applications/${id}/decision`, {
        decision: 'accept',
        workingGroupId: wg.WG1,
      });
      expect(refused.status).toBe(409);
      const [row] = await t.dataSource.query('SELECT status, decided_at FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'submitted', decided_at: null });
      expect(await t.dataSource.query('SELECT 1 FROM invitations WHERE application_id = $1', [id])).toEqual([]);
    });

    it('decides at most once when two decisions race', async () => {
      await forgetSubmissionsFromHere();
      const id = await applyConfirmed(reviewCall, { email: 'race@example.net' });
      const results = await Promise.all([
        coordinator.post(`/api/applications/${id}/decision`, { decision: 'accept', workingGroupId: wg.WG1 }),
        coordinator.post(`/api/applications/${id}/decision`, { decision: 'decline' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [{ invitations }] = await t.dataSource.query(
        'SELECT count(*)::int AS invitations FROM invitations WHERE application_id = $1',
        [id],
      );
      const [{ mails }] = await t.dataSource.query(
        "SELECT count(*)::int AS mails FROM mail_outbox WHERE to_address = 'race@example.net' AND kind <> 'application-confirmation'",
      );
      expect(invitations + mails).toBe(results[0].status === 200 ? 2 : 1);
    });
  });
});
