import { HttpClient } from '../support/http-client';
import { poll } from '../support/poll';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a-long-enough-password';

describe('working-group invitations (real PostgreSQL, real SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let groups: Record<string, string>;
  const savedSmtpUrl = process.env.SMTP_URL;
  const savedPublicUrl = process.env.PUBLIC_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    delete process.env.PUBLIC_URL;
    t = await startTestApp();
    const coordinator = await client('coordinator@example.org');
    groups = Object.fromEntries(
      ((await coordinator.get('/api/working-groups')).body as Array<{ code: string; id: string }>).map((g) => [
        g.code,
        g.id,
      ]),
    );
  });

  afterEach(() => {
    process.env.SMTP_URL = sink.url;
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
    if (savedPublicUrl !== undefined) process.env.PUBLIC_URL = savedPublicUrl;
  });

  function client(email?: string): Promise<HttpClient> {
    const http = new HttpClient(t.baseUrl);
    return email ? http.login(email) : Promise.resolve(http);
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) q`, params);
    return row.n;
  }

  function tokenOf(message: SinkMessage): string {
    const match = /http:\/\/localhost:3000\/invitations\/([A-Za-z0-9_-]+)/.exec(message.text);
    if (!match) throw new Error(`no invitation link in:\n${message.text}`);
    return match[1];
  }

  /** Invites as `inviter` and returns the invitation and the token from the e-mail the sink received. */
  async function invite(inviter: HttpClient, wg: string, email: string, role = 'expert', displayName?: string) {
    const response = await inviter.post(`/api/working-groups/${groups[wg]}/invitations`, {
      email,
      role,
      ...(displayName ? { displayName } : {}),
    });
    expect(response.status).toBe(201);
    const message = await sink.waitForMessage((m) => m.to.includes(email.toLowerCase()));
    return { invitation: response.body, message, token: tokenOf(message) };
  }

  it('lets a co-chair invite a new person by e-mail; the invitee previews, creates an account, is signed in and edits WG1 papers', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const email = 'new.expert@example.org';
    const { invitation, message, token } = await invite(cochair, 'WG1', email, 'expert', 'Nova Expert');
    expect(invitation).toMatchObject({
      workingGroupId: groups.WG1,
      workingGroupCode: 'WG1',
      email,
      role: 'expert',
      status: 'pending',
      displayName: 'Nova Expert',
    });
    const ttl = new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime();
    expect(Math.round(ttl / 86_400_000)).toBe(14);
    expect(message.subject).toBe('Invitation to join WG1 "Shaping sustainable healthcare" as expert');
    expect(message.text).toContain('Dear Nova Expert,');
    expect(message.text).toContain('WG1 EU co-chair invites you');
    expect(message.from).toBe('no-reply@roundtable.local');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const [stored] = await t.dataSource.query('SELECT encode(token_hash, $2) AS hash FROM invitations WHERE id = $1', [
      invitation.id,
      'base64',
    ]);
    expect(stored.hash).not.toContain(token);
    // The worker marks the row sent just after SMTP accepted the message.
    const outbox = await poll(
      async () =>
        (
          await t.dataSource.query('SELECT status, sent_at, kind, attempts FROM mail_outbox WHERE to_address = $1', [
            email,
          ])
        )[0],
      (r) => r?.status === 'sent',
      'the invitation marked sent',
    );
    expect(outbox).toMatchObject({ status: 'sent', kind: 'invitation', attempts: 1 });
    expect(outbox.sent_at).not.toBeNull();

    const visitor = await client();
    const preview = await visitor.get(`/api/invitations/by-token/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      workingGroup: {
        id: groups.WG1,
        code: 'WG1',
        title: { en: 'Shaping sustainable healthcare', zh: '塑造可持续的医疗' },
      },
      role: 'expert',
      email,
      displayName: 'Nova Expert',
      accountExists: false,
    });

    const accepted = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
      displayName: 'Nova Expert',
      password: PASSWORD,
      country: 'FR',
      locale: 'en',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      workingGroupId: groups.WG1,
      user: { email, displayName: 'Nova Expert', platformRole: 'member', locale: 'en' },
    });
    expect(visitor.cookie).toMatch(/^rt_session=/);
    expect(accepted.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect((await visitor.get('/api/auth/me')).body.email).toBe(email);

    const documents = (await visitor.get('/api/documents')).body as Array<{
      workingGroupCode: string | null;
      type: string;
      access: string;
    }>;
    const wg1Papers = documents.filter((d) => d.workingGroupCode === 'WG1' && d.type === 'position-paper');
    expect(wg1Papers).toHaveLength(2);
    expect(wg1Papers.every((d) => d.access === 'write')).toBe(true);
    expect(documents.filter((d) => d.workingGroupCode === 'WG2').every((d) => d.access === 'read')).toBe(true);

    const [person] = await t.dataSource.query(
      'SELECT p.id, p.country, p.display_name FROM people p JOIN users u ON u.person_id = p.id WHERE u.email = $1',
      [email],
    );
    expect(person).toMatchObject({ country: 'FR', display_name: 'Nova Expert' });
    const [row] = await t.dataSource.query('SELECT accepted_at, accepted_person_id FROM invitations WHERE id = $1', [
      invitation.id,
    ]);
    expect(row.accepted_at).not.toBeNull();
    expect(row.accepted_person_id).toBe(person.id);
    // The password works for a normal sign-in afterwards.
    await new HttpClient(t.baseUrl).login(email, PASSWORD);

    // The link works once.
    const again = await (
      await client()
    ).post(`/api/invitations/by-token/${token}/accept`, { displayName: 'Someone', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVITATION_USED');
    expect((await visitor.get(`/api/invitations/by-token/${token}`)).body.code).toBe('INVITATION_USED');
    const list = (await cochair.get(`/api/working-groups/${groups.WG1}/invitations`)).body as Array<{
      id: string;
      status: string;
    }>;
    expect(list.find((i) => i.id === invitation.id)?.status).toBe('accepted');
  });

  it('answers 410 for an expired invitation and creates nothing', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const email = 'late.comer@example.org';
    const { invitation, token } = await invite(cochair, 'WG1', email);
    await t.dataSource.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [
      invitation.id,
    ]);
    const visitor = await client();
    const preview = await visitor.get(`/api/invitations/by-token/${token}`);
    expect(preview.status).toBe(410);
    expect(preview.body.code).toBe('INVITATION_EXPIRED');
    const accept = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
      displayName: 'Late Comer',
      password: PASSWORD,
    });
    expect(accept.status).toBe(410);
    expect(accept.body.code).toBe('INVITATION_EXPIRED');
    expect(visitor.cookie).toBeNull();
    expect(await count('SELECT 1 FROM users WHERE lower(email) = $1', [email])).toBe(0);
    expect(await count('SELECT 1 FROM people WHERE lower(email) = $1', [email])).toBe(0);
    expect(
      (await cochair.get(`/api/working-groups/${groups.WG1}/invitations`)).body.find(
        (i: { id: string }) => i.id === invitation.id,
      ).status,
    ).toBe('expired');
  });

  it('answers 404 for unknown and malformed tokens', async () => {
    const visitor = await client();
    expect((await visitor.get(`/api/invitations/by-token/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await visitor.get('/api/invitations/by-token/short')).status).toBe(404);
    expect(
      (
        await visitor.post(`/api/invitations/by-token/${'B'.repeat(43)}/accept`, {
          displayName: 'X',
          password: PASSWORD,
        })
      ).status,
    ).toBe(404);
  });

  it('lets only co-chairs of the group, coordinators and admins invite', async () => {
    const expert = await client('wg1-expert@example.org');
    const byExpert = await expert.post(`/api/working-groups/${groups.WG1}/invitations`, {
      email: 'x1@example.org',
      role: 'expert',
    });
    expect(byExpert.status).toBe(403);
    expect(byExpert.body.code).toBe('FORBIDDEN');
    expect((await expert.get(`/api/working-groups/${groups.WG1}/invitations`)).status).toBe(403);

    const wg2Cochair = await client('wg2-eu-cochair@example.org');
    const crossGroup = await wg2Cochair.post(`/api/working-groups/${groups.WG1}/invitations`, {
      email: 'x2@example.org',
      role: 'expert',
    });
    expect(crossGroup.status).toBe(403);
    expect((await wg2Cochair.get(`/api/working-groups/${groups.WG1}/invitations`)).status).toBe(403);

    expect(
      (
        await (
          await client()
        ).post(`/api/working-groups/${groups.WG1}/invitations`, { email: 'x3@example.org', role: 'expert' })
      ).status,
    ).toBe(401);
    expect(
      await count("SELECT 1 FROM invitations WHERE email IN ('x1@example.org', 'x2@example.org', 'x3@example.org')"),
    ).toBe(0);

    const coordinator = await client('coordinator@example.org');
    const { invitation } = await invite(coordinator, 'WG3', 'wg3.newcomer@example.org', 'observer');
    expect(invitation).toMatchObject({ workingGroupCode: 'WG3', role: 'observer', status: 'pending' });
    const admin = await client('admin@example.org');
    await invite(admin, 'WG2', 'wg2.newcomer@example.org', 'expert');

    const unknownGroup = await coordinator.post(
      '/api/working-groups/00000000-0000-4000-8000-000000000000/invitations',
      { email: 'x4@example.org', role: 'expert' },
    );
    expect(unknownGroup.status).toBe(404);
  });

  it('refuses a second pending invitation for the same email and group, and inviting a current member (409)', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const { invitation } = await invite(cochair, 'WG1', 'twice@example.org');
    const again = await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, {
      email: 'TWICE@example.org',
      role: 'observer',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    expect(again.body.message).toContain(invitation.id);
    expect(again.body.message).toContain('twice@example.org');

    const member = await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, {
      email: 'wg1-expert@example.org',
      role: 'observer',
    });
    expect(member.status).toBe(409);
    expect(member.body.message).toContain('already a member of WG1');

    // After revoking, the link is dead and a new invitation may be sent.
    const expert = await client('wg1-expert@example.org');
    expect((await expert.request('DELETE', `/api/invitations/${invitation.id}`)).status).toBe(403);
    expect((await cochair.request('DELETE', `/api/invitations/${invitation.id}`)).status).toBe(204);
    expect((await cochair.request('DELETE', `/api/invitations/${invitation.id}`)).status).toBe(204);
    const messages = sink.messages.filter((m) => m.to.includes('twice@example.org'));
    expect((await (await client()).get(`/api/invitations/by-token/${tokenOf(messages[0])}`)).status).toBe(404);
    expect(
      (await cochair.get(`/api/working-groups/${groups.WG1}/invitations`)).body.find(
        (i: { id: string }) => i.id === invitation.id,
      ).status,
    ).toBe('revoked');
    expect(
      (
        await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, {
          email: 'twice@example.org',
          role: 'observer',
        })
      ).status,
    ).toBe(201);
  });

  it('makes an existing account sign in as itself to accept, then adds the membership', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const email = 'wg2-expert@example.org';
    const { token, message } = await invite(cochair, 'WG1', email, 'observer');
    expect(message.text).toContain('as observer');

    const visitor = await client();
    expect((await visitor.get(`/api/invitations/by-token/${token}`)).body.accountExists).toBe(true);
    const anonymous = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
      displayName: 'Impostor',
      password: PASSWORD,
    });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect(anonymous.body.message).toContain(`sign in as ${email}`);
    expect(visitor.cookie).toBeNull();

    const someoneElse = await client('wg1-observer@example.org');
    expect((await someoneElse.post(`/api/invitations/by-token/${token}/accept`, {})).body.code).toBe(
      'INVITATION_EMAIL_MISMATCH',
    );
    expect(await count("SELECT 1 FROM users WHERE lower(email) = 'wg2-expert@example.org'")).toBe(1);

    const invitee = await client(email);
    const accepted = await invitee.post(`/api/invitations/by-token/${token}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ workingGroupId: groups.WG1, user: { email, platformRole: 'member' } });
    expect((await invitee.get(`/api/working-groups/${groups.WG1}`)).body.myRole).toBe('observer');
    expect((await invitee.get(`/api/working-groups/${groups.WG2}`)).body.myRole).toBe('expert');
    expect(await count("SELECT 1 FROM users WHERE lower(email) = 'wg2-expert@example.org'")).toBe(1);
  });

  it('writes the invitation in Chinese for a zh-CN invitee', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const { message } = await invite(cochair, 'WG1', 'wg2-observer@example.org', 'observer');
    expect(message.subject).toBe('邀请您以观察员身份加入 WG1「塑造可持续的医疗」');
    expect(message.text).toContain('工作组 WG1「塑造可持续的医疗」');
  });

  it('writes to an address without an account in the inviter’s language, the expiry in the inviter’s zone', async () => {
    const cochair = await client('wg1-cn-cochair@example.org');
    const email = 'no-account-yet@example.org';
    const response = await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, {
      email,
      role: 'expert',
    });
    expect(response.status).toBe(201);
    const message = await sink.waitForMessage((m) => m.to.includes(email));
    expect(message.subject).toBe('邀请您以专家身份加入 WG1「塑造可持续的医疗」');
    expect(message.text).toContain('您好：');
    expect(message.text).toMatch(/该链接仅可使用一次，有效期至 .+ \(Shanghai, GMT\+8\)。/);
    expect(message.html).toContain('接受邀请');
  });

  it('rejects bad input with 400 naming the fields, and creates nothing', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const url = `/api/working-groups/${groups.WG1}/invitations`;
    const badEmail = await cochair.post(url, { email: 'not-an-email', role: 'expert' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.code).toBe('VALIDATION_FAILED');
    expect(badEmail.body.fields.map((f: { field: string }) => f.field)).toEqual(['email']);
    const badRole = await cochair.post(url, { email: 'ok@example.org', role: 'chief' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.fields.map((f: { field: string }) => f.field)).toEqual(['role']);
    const longName = await cochair.post(url, { email: 'ok@example.org', role: 'expert', displayName: 'x'.repeat(121) });
    expect(longName.status).toBe(400);
    expect(longName.body.fields.map((f: { field: string }) => f.field)).toEqual(['displayName']);
    expect(await count("SELECT 1 FROM invitations WHERE email = 'ok@example.org'")).toBe(0);

    const email = 'careful@example.org';
    const { token } = await invite(cochair, 'WG1', email);
    const before = {
      users: await count('SELECT 1 FROM users'),
      people: await count('SELECT 1 FROM people'),
      memberships: await count('SELECT 1 FROM memberships'),
      sessions: await count('SELECT 1 FROM sessions'),
    };
    const visitor = await client();
    const accept = (body: unknown) => visitor.post(`/api/invitations/by-token/${token}/accept`, body);
    const fieldsOf = (response: { body: { fields: Array<{ field: string }> } }) =>
      [...new Set(response.body.fields.map((f) => f.field))].sort();

    const oversized = await accept({ displayName: 'y'.repeat(121), password: PASSWORD });
    expect(oversized.status).toBe(400);
    expect(fieldsOf(oversized)).toEqual(['displayName']);
    const blank = await accept({ displayName: '   ', password: PASSWORD });
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank)).toEqual(['displayName']);
    const shortPassword = await accept({ displayName: 'Careful', password: 'short' });
    expect(shortPassword.status).toBe(400);
    expect(fieldsOf(shortPassword)).toEqual(['password']);
    // Long enough is not enough: repeated characters and common passwords are refused too.
    for (const password of ['aaaaaaaaaa', 'password123', 'qwertyuiop']) {
      const weak = await accept({ displayName: 'Careful', password, country: 'FR' });
      expect([password, weak.status, fieldsOf(weak)]).toEqual([password, 400, ['password']]);
    }
    const unknownCountry = await accept({ displayName: 'Careful', password: PASSWORD, country: 'XX' });
    expect(unknownCountry.status).toBe(400);
    expect(fieldsOf(unknownCountry)).toEqual(['country']);
    const badLocale = await accept({ displayName: 'Careful', password: PASSWORD, locale: 'fr' });
    expect(fieldsOf(badLocale)).toEqual(['locale']);
    const missing = await accept({});
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(['displayName', 'password']);
    const several = await accept({ displayName: '', password: 'short', country: 'XX', extra: 1 });
    expect(several.status).toBe(400);
    expect(fieldsOf(several)).toEqual(['country', 'displayName', 'extra', 'password']);

    expect(visitor.cookie).toBeNull();
    expect({
      users: await count('SELECT 1 FROM users'),
      people: await count('SELECT 1 FROM people'),
      memberships: await count('SELECT 1 FROM memberships'),
      sessions: await count('SELECT 1 FROM sessions'),
    }).toEqual(before);
    // Still usable afterwards.
    const noCountry = await accept({ displayName: 'Careful', password: PASSWORD });
    expect(noCountry.status).toBe(400);
    expect(noCountry.body.fields.map((f: { field: string }) => f.field)).toEqual(['country']);
    expect((await accept({ displayName: 'Careful', password: PASSWORD, country: 'ES' })).status).toBe(200);
  });

  it('keeps mail in the outbox without SMTP_URL; coordinators see it, experts do not; a retry queues it for the worker once SMTP is set', async () => {
    delete process.env.SMTP_URL;
    const cochair = await client('wg1-eu-cochair@example.org');
    const email = 'offline@example.org';
    const created = await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, { email, role: 'expert' });
    expect(created.status).toBe(201);
    const [row] = await t.dataSource.query('SELECT id, status, sent_at FROM mail_outbox WHERE to_address = $1', [
      email,
    ]);
    expect(row).toMatchObject({ status: 'kept', sent_at: null });

    const coordinator = await client('coordinator@example.org');
    const outbox = await coordinator.get('/api/admin/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body[0]).toMatchObject({
      id: row.id,
      to: email,
      kind: 'invitation',
      status: 'kept',
      error: null,
      sentAt: null,
    });
    expect(outbox.body[0].text).toMatch(/http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}/);
    const times = (outbox.body as Array<{ createdAt: string }>).map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const expert = await client('wg1-expert@example.org');
    const forbidden = await expert.get('/api/admin/outbox');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await cochair.get('/api/admin/outbox')).status).toBe(403);
    expect((await expert.post(`/api/admin/outbox/${row.id}/retry`)).status).toBe(403);
    expect((await (await client('admin@example.org')).get('/api/admin/outbox')).status).toBe(200);

    const noSmtp = await coordinator.post(`/api/admin/outbox/${row.id}/retry`);
    expect(noSmtp.status).toBe(409);

    process.env.SMTP_URL = sink.url;
    const retried = await coordinator.post(`/api/admin/outbox/${row.id}/retry`);
    expect(retried.status).toBe(200);
    // The request only queues it: the worker sends it.
    expect(retried.body).toMatchObject({ id: row.id, status: 'pending', attempts: 0 });
    await sink.waitForMessage((m) => m.to.includes(email));
    await poll(
      async () => (await coordinator.get('/api/admin/outbox')).body.find((m: { id: string }) => m.id === row.id),
      (m) => m?.status === 'sent',
      'the retried mail marked sent',
    );
    expect((await coordinator.post(`/api/admin/outbox/${row.id}/retry`)).status).toBe(409);
  });

  it('records a refused message as failed with the error at once (5xx is final), keeps the invitation, and retries it later', async () => {
    const refusing = await startSmtpSink({ rejectRecipient: () => new Error('Mailbox unavailable') });
    try {
      process.env.SMTP_URL = refusing.url;
      const cochair = await client('wg1-eu-cochair@example.org');
      const email = 'bounced@example.org';
      const created = await cochair.post(`/api/working-groups/${groups.WG1}/invitations`, { email, role: 'expert' });
      expect(created.status).toBe(201);
      expect(created.body.status).toBe('pending');
      const row = await poll(
        async () =>
          (
            await t.dataSource.query(
              'SELECT id, status, error, sent_at, attempts FROM mail_outbox WHERE to_address = $1',
              [email],
            )
          )[0],
        (r) => r?.status === 'failed',
        'the refused mail marked failed',
      );
      expect(row.attempts).toBe(1);
      expect(row.error).toContain('Mailbox unavailable');
      expect(row.sent_at).toBeNull();
      expect(refusing.messages).toHaveLength(0);
      expect(
        await count('SELECT 1 FROM invitations WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL', [
          email,
        ]),
      ).toBe(1);

      const coordinator = await client('coordinator@example.org');
      expect(
        (await coordinator.get('/api/admin/outbox')).body.find((m: { id: string }) => m.id === row.id),
      ).toMatchObject({ status: 'failed' });
      process.env.SMTP_URL = sink.url;
      expect((await coordinator.post(`/api/admin/outbox/${row.id}/retry`)).body).toMatchObject({
        status: 'pending',
        error: null,
      });
      const message = await sink.waitForMessage((m) => m.to.includes(email));
      expect((await (await client()).get(`/api/invitations/by-token/${tokenOf(message)}`)).status).toBe(200);
    } finally {
      await refusing.close();
    }
  });

  it('rolls everything back when the co-chair rule refuses the membership', async () => {
    const coordinator = await client('coordinator@example.org');
    const email = 'third.cochair@example.org';
    const { token } = await invite(coordinator, 'WG1', email, 'co-chair');
    const visitor = await client();
    const noCountry = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
      displayName: 'Third',
      password: PASSWORD,
    });
    expect(noCountry.status).toBe(400);
    expect(noCountry.body.fields.map((f: { field: string }) => f.field)).toEqual(['country']);
    // WG1 already has a co-chair in Europe and one in China.
    const refused = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
      displayName: 'Third',
      password: PASSWORD,
      country: 'IT',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CO_CHAIR_RULE');
    expect(visitor.cookie).toBeNull();
    expect(await count('SELECT 1 FROM users WHERE lower(email) = $1', [email])).toBe(0);
    expect(await count('SELECT 1 FROM people WHERE lower(email) = $1', [email])).toBe(0);
    expect(await count('SELECT 1 FROM invitations WHERE email = $1 AND accepted_at IS NULL', [email])).toBe(1);
  });

  it('accepts an invitation once when two accepts race', async () => {
    const cochair = await client('wg1-eu-cochair@example.org');
    const email = 'racer@example.org';
    const { token } = await invite(cochair, 'WG1', email);
    const [a, b] = await Promise.all([client(), client()]);
    const results = await Promise.all([
      a.post(`/api/invitations/by-token/${token}/accept`, {
        displayName: 'Racer A',
        password: PASSWORD,
        country: 'DE',
      }),
      b.post(`/api/invitations/by-token/${token}/accept`, {
        displayName: 'Racer B',
        password: PASSWORD,
        country: 'DE',
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('INVITATION_USED');
    expect(await count('SELECT 1 FROM users WHERE lower(email) = $1', [email])).toBe(1);
    expect(await count('SELECT 1 FROM people WHERE lower(email) = $1', [email])).toBe(1);
    expect(
      await count(
        'SELECT 1 FROM memberships m JOIN people p ON p.id = m.person_id WHERE lower(p.email) = $1 AND m.working_group_id = $2',
        [email, groups.WG1],
      ),
    ).toBe(1);
  });
});
