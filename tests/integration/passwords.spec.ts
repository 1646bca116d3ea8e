import { createHash } from 'crypto';
import { HttpClient } from '../support/http-client';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Passwords over HTTP on real PostgreSQL with a real SMTP sink: the policy, change (current password, other
 * sessions end), reset by emailed link (hashed, one hour, single use, no user enumeration, in the account's
 * language) and sign out everywhere.
 */
describe('passwords and sign out everywhere (HTTP, real PostgreSQL, SMTP sink)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const saved = { smtp: process.env.SMTP_URL, publicUrl: process.env.PUBLIC_URL };

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.PUBLIC_URL = 'http://roundtable.test';
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    for (const [name, value] of [
      ['SMTP_URL', saved.smtp],
      ['PUBLIC_URL', saved.publicUrl],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const signIn = (email: string, password = 'roundtable-demo') => new HttpClient(t.baseUrl).login(email, password);
  const fieldsOf = (body: { fields?: Array<{ field: string }> }) => (body.fields ?? []).map((f) => f.field);
  const tokenFrom = (mail: SinkMessage) =>
    /http:\/\/roundtable\.test\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];

  it('changes a password with the current one, refuses weak ones by name, and ends the other sessions', async () => {
    const email = 'wg2-eu-cochair@example.org';
    const here = await signIn(email);
    const there = await signIn(email);

    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'violet-harbour-sings-41',
    });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual(['currentPassword']);
    for (const weak of ['aaaaaaaaaa', 'password123', 'x-wg2-eu-cochair-x', 'short']) {
      const refused = await here.post('/api/auth/password', { currentPassword: 'roundtable-demo', newPassword: weak });
      expect([weak, refused.status, fieldsOf(refused.body)]).toEqual([weak, 400, ['newPassword']]);
    }
    expect((await there.get('/api/auth/me')).status).toBe(200);

    expect(
      (
        await here.post('/api/auth/password', {
          currentPassword: 'roundtable-demo',
          newPassword: 'violet-harbour-sings-41',
        })
      ).status,
    ).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await there.get('/api/auth/me')).status).toBe(401);
    expect(
      (await new HttpClient(t.baseUrl).post('/api/auth/login', { email, password: 'roundtable-demo' })).status,
    ).toBe(401);
    await signIn(email, 'violet-harbour-sings-41');
  }, 90_000); // a dozen argon2 hashes and verifications on a shared CPU

  it('needs a session to change a password', async () => {
    const anonymous = await new HttpClient(t.baseUrl).post('/api/auth/password', {
      currentPassword: 'roundtable-demo',
      newPassword: 'violet-harbour-sings-41',
    });
    expect(anonymous.status).toBe(401);
  });

  it('resets a password by an emailed link in the account’s language: hashed, single use, ends every session', async () => {
    const email = 'wg1-cn-cochair@example.org';
    const before = await signIn(email);
    const unknown = await new HttpClient(t.baseUrl).post('/api/auth/password-reset', {
      email: 'nobody-at-all@example.org',
    });
    const known = await new HttpClient(t.baseUrl).post('/api/auth/password-reset', {
      email: 'WG1-CN-Cochair@example.org',
    });
    // The same answer whether or not the email has an account.
    expect(known.status).toBe(202);
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);

    const mail = await sink.waitForMessage((m) => m.to.includes(email));
    expect(mail.subject).toBe('重置您的 Roundtable 密码');
    // The body in Chinese too, the expiry in the account's zone (ADR 044).
    expect(mail.text).toMatch(/该链接仅可使用一次，将于 .+ \(Shanghai, GMT\+8\) 失效/);
    const token = tokenFrom(mail);
    expect(token).toBeDefined();
    expect(sink.messages.some((m) => m.to.includes('nobody-at-all@example.org'))).toBe(false);
    const [stored] = await t.dataSource.query(
      'SELECT t.token_hash, t.expires_at - t.created_at AS ttl FROM password_reset_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1',
      [email],
    );
    expect(Buffer.compare(stored.token_hash, createHash('sha256').update(token!).digest())).toBe(0);
    expect(stored.ttl).toMatchObject({ hours: 1 });

    // Whoever may read the outbox sees that the mail went out, never the link.
    const outbox = (await (await signIn('coordinator@example.org')).get('/api/admin/outbox')).body as Array<{
      kind: string;
      text: string;
    }>;
    expect(outbox.filter((m) => m.kind === 'password-reset').map((m) => m.text)).toEqual(['']);
    expect(JSON.stringify(outbox)).not.toContain(token);

    const visitor = new HttpClient(t.baseUrl);
    const weak = await visitor.post('/api/auth/password-reset/confirm', { token, password: '1234567890' });
    expect([weak.status, fieldsOf(weak.body)]).toEqual([400, ['password']]);
    expect(
      (await visitor.post('/api/auth/password-reset/confirm', { token, password: 'amber-cloud-walks-home' })).status,
    ).toBe(204);
    expect((await before.get('/api/auth/me')).status).toBe(401);
    await signIn(email, 'amber-cloud-walks-home');

    const again = await visitor.post('/api/auth/password-reset/confirm', { token, password: 'another-fine-secret-9' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('RESET_LINK_INVALID');
    await signIn(email, 'amber-cloud-walks-home');
  });

  it('refuses an expired reset link and a made-up one', async () => {
    const target = 'wg3-eu-cochair@example.org';
    await new HttpClient(t.baseUrl).post('/api/auth/password-reset', { email: target });
    const token = tokenFrom(await sink.waitForMessage((m) => m.to.includes(target)));
    await t.dataSource.query("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second'");
    const expired = await new HttpClient(t.baseUrl).post('/api/auth/password-reset/confirm', {
      token,
      password: 'amber-cloud-walks-home',
    });
    expect([expired.status, expired.body.code]).toEqual([410, 'RESET_LINK_INVALID']);
    const madeUp = await new HttpClient(t.baseUrl).post('/api/auth/password-reset/confirm', {
      token: 'A'.repeat(43),
      password: 'amber-cloud-walks-home',
    });
    expect([madeUp.status, madeUp.body.code]).toEqual([410, 'RESET_LINK_INVALID']);
    const malformed = await new HttpClient(t.baseUrl).post('/api/auth/password-reset/confirm', {
      token: 42,
      password: null,
    });
    expect(malformed.status).toBe(400);
    expect([...new Set(fieldsOf(malformed.body))].sort()).toEqual(['password', 'token']);
    await signIn(target);
  });

  it('signs out everywhere: every session of the account ends, this one too', async () => {
    const email = 'wg2-expert@example.org';
    const one = await signIn(email);
    const two = await signIn(email);
    const response = await one.post('/api/auth/logout-everywhere');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^rt_session=;/);
    const [open] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.revoked_at IS NULL',
      [email],
    );
    expect(open.n).toBe(0);
    expect((await two.get('/api/auth/me')).status).toBe(401);
  });
});
