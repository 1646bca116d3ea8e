import { LOGIN_MAX_FAILURES } from '@roundtable/api-auth';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('accounts and sessions (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the demo coordinator and sets an httpOnly SameSite session cookie', async () => {
    const response = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Coordinator@Example.org', password: 'roundtable-demo' }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^rt_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const user = await response.json();
    expect(user).toMatchObject({
      email: 'coordinator@example.org',
      platformRole: 'coordinator',
      displayName: 'Project coordinator',
    });
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    const token = client.cookie!.split('=')[1];
    const sessions = await t.dataSource.query('SELECT token_hash FROM sessions');
    expect(sessions.some((s: { token_hash: Buffer }) => s.token_hash.toString('utf8').includes(token))).toBe(false);
    const [user] = await t.dataSource.query("SELECT password_hash FROM users WHERE email = 'wg1-expert@example.org'");
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await new HttpClient(t.baseUrl).post('/api/auth/login', {
      email: 'wg2-expert@example.org',
      password: 'nope',
    });
    const unknown = await new HttpClient(t.baseUrl).post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'Email or password is incorrect.',
    });
  });

  it('returns the signed-in user from /me, and 401 without a session', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg1-cn-cochair@example.org');
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      displayName: 'WG1 China co-chair',
      locale: 'zh-CN',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    const anonymous = await new HttpClient(t.baseUrl).get('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers the session probe with 200 for everyone: the user when signed in, null for an anonymous visitor', async () => {
    const anonymous = await new HttpClient(t.baseUrl).get('/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null });
    const expired = await fetch(`${t.baseUrl}/api/auth/session`, {
      headers: { cookie: 'rt_session=not-a-live-token' },
    });
    expect(expired.status).toBe(200);
    expect(await expired.json()).toEqual({ user: null });
    const client = await new HttpClient(t.baseUrl).login('wg1-cn-cochair@example.org');
    const signedIn = await client.get('/api/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ displayName: 'WG1 China co-chair', locale: 'zh-CN' });
    expect(signedIn.body.user).not.toHaveProperty('passwordHash');
  });

  it('logout revokes the session on the server, so the old cookie no longer works', async () => {
    const client = await new HttpClient(t.baseUrl).login('wg3-expert@example.org');
    const stolen = client.cookie;
    const logout = await client.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    const replay = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { cookie: stolen! } });
    expect(replay.status).toBe(401);
    const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NOT NULL');
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it('answers many wrong passwords with 429 and Retry-After, without locking out other addresses forever', async () => {
    const email = 'wg3-observer@example.org';
    const client = new HttpClient(t.baseUrl);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect((await client.post('/api/auth/login', { email, password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await client.post('/api/auth/login', { email, password: 'roundtable-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The window is finite: once the failures age out, the real user gets in again.
    await t.dataSource.query(
      "UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes' WHERE email_key = $1",
      [email],
    );
    expect((await client.post('/api/auth/login', { email, password: 'roundtable-demo' })).status).toBe(200);
  });

  it('names every bad field in a 400 and never answers a 500 to malformed bodies', async () => {
    const client = new HttpClient(t.baseUrl);
    const invalid = await client.post('/api/auth/login', { email: 'not-an-email', password: '', extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'extra', 'password']);
    const broken = await client.request('POST', '/api/auth/login', '{"email": ', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('VALIDATION_FAILED');
    const wrongTypes = await client.post('/api/auth/login', { email: 42, password: ['x'] });
    expect(wrongTypes.status).toBe(400);
    expect(JSON.stringify(wrongTypes.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
