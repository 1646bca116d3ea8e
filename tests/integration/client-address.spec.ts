import { RESET_REQUESTS_PER_ADDRESS_PER_HOUR } from '@roundtable/api-accounts';
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ACCOUNT } from '@roundtable/api-auth';
import { SUBMISSIONS_PER_IP } from '@roundtable/api-open-call';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Per-address limits behind a reverse proxy. The app runs with the documented production setting
 * TRUST_PROXY=true (now one trusted hop). Each request plays what a proxy forwards: whatever the client wrote
 * in X-Forwarded-For, followed by the address the proxy really saw. Rotating the forged part must not buy
 * more attempts, and rotating real addresses must not buy more guesses at one account.
 */
describe('client address and throttles behind a proxy (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let forged = 0;
  /** Headers as the proxy forwards them: a fresh forged address from the client, then the real one. */
  const viaProxy = (realAddress: string) => ({
    'x-forwarded-for': `10.66.${Math.floor(++forged / 250)}.${forged % 250}, ${realAddress}`,
  });
  const login = (email: string, password: string, realAddress: string) =>
    new HttpClient(t.baseUrl).post('/api/auth/login', { email, password }, viaProxy(realAddress));

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: 'true' });
  });
  afterAll(() => t.close());

  it('counts failed sign-ins by the address the proxy saw, however X-Forwarded-For is rotated', async () => {
    const email = 'wg2-expert@example.org';
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect((await login(email, `wrong-${i}`, '203.0.113.7')).status).toBe(401);
    const blocked = await login(email, 'roundtable-demo', '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    const addresses = await t.dataSource.query('SELECT DISTINCT ip FROM login_attempts WHERE email_key = $1', [email]);
    expect(addresses).toEqual([{ ip: '203.0.113.7' }]);
    // Another real address is another client.
    expect((await login(email, 'roundtable-demo', '203.0.113.8')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64, however it rotates addresses inside it', async () => {
    const email = 'wg3-cn-cochair@example.org';
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect(
        (await login(email, `wrong-${i}`, `2001:db8:0:9:${(i + 1).toString(16)}:0:0:${(i * 7 + 3).toString(16)}`))
          .status,
      ).toBe(401);
    }
    expect((await login(email, 'roundtable-demo', '2001:db8:0:9:ffff::1')).status).toBe(429);
    expect((await login(email, 'roundtable-demo', '2001:db8:0:a::1')).status).toBe(200);
  });

  it('limits open-call submissions by the address the proxy saw, however X-Forwarded-For is rotated', async () => {
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const groups: Array<{ id: string; code: string; projectId: string }> = (
      await coordinator.get('/api/working-groups')
    ).body;
    const call = await coordinator.post('/api/calls', {
      projectId: groups[0].projectId,
      title: { en: 'Call for experts', zh: '专家征集' },
      description: { en: 'Join a working group.', zh: '加入工作组。' },
      eligibility: { en: 'Researchers.', zh: '研究人员。' },
      workingGroupIds: [groups[0].id],
      closesAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
    });
    expect(call.status).toBe(201);
    const submit = (n: number) =>
      new HttpClient(t.baseUrl).post(
        `/api/public/calls/${call.body.id}/applications`,
        {
          name: `Applicant ${n}`,
          email: `applicant-${n}@example.net`,
          country: 'FR',
          affiliation: 'Institut Exemple',
          sector: 'academia',
          expertise: ['genomics'],
          preferredWorkingGroupIds: [groups[0].id],
          motivation: 'I would like to contribute to sustainable personalised medicine.',
          conflictOfInterest: 'none',
          consentGdpr: true,
          consentPipl: true,
        },
        viaProxy('198.51.100.23'),
      );
    for (let n = 0; n < SUBMISSIONS_PER_IP; n++) expect((await submit(n)).status).toBeLessThan(300);
    const refused = await submit(SUBMISSIONS_PER_IP);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('pauses an account after too many failures from many addresses, and answers an unknown email the same', async () => {
    const email = 'wg3-expert@example.org';
    const unknown = 'nobody-here@example.org';
    // The real user signed in from home before the attack.
    expect((await login(email, 'roundtable-demo', '192.0.2.50')).status).toBe(200);
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await login(email, `guess-${i}`, `203.0.114.${i + 1}`)).status).toBe(401);
      expect((await login(unknown, `guess-${i}`, `203.0.115.${i + 1}`)).status).toBe(401);
    }
    // From a fresh address even the right password is not tried: the account needs a pause.
    const paused = await login(email, 'roundtable-demo', '198.51.100.200');
    const pausedUnknown = await login(unknown, 'roundtable-demo', '198.51.100.201');
    expect(paused.status).toBe(429);
    expect(pausedUnknown.status).toBe(429);
    const { retryAfterSeconds: wait, ...answer } = paused.body;
    const { retryAfterSeconds: waitUnknown, ...answerUnknown } = pausedUnknown.body;
    expect(answer).toEqual(answerUnknown);
    expect(answer).toEqual({
      statusCode: 429,
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many failed sign-in attempts. Try again later.',
    });
    expect(wait).toBeGreaterThan(0);
    expect(waitUnknown).toBeGreaterThan(0);
    // The address the user signed in from before is not held, so the attack does not lock them out at home.
    expect((await login(email, 'roundtable-demo', '192.0.2.50')).status).toBe(200);
    // The pause ends with the window.
    await t.dataSource.query(
      "UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes' WHERE email_key = $1 AND NOT succeeded",
      [email],
    );
    expect((await login(email, 'roundtable-demo', '198.51.100.200')).status).toBe(200);
  }, 120_000); // forty-odd argon2 verifications on a shared CPU

  it('limits password reset requests by the address the proxy saw, for known and unknown emails alike', async () => {
    const reset = (email: string, realAddress: string) =>
      new HttpClient(t.baseUrl).post('/api/auth/password-reset', { email }, viaProxy(realAddress));
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS_PER_HOUR; i++) {
      const email = i % 2 === 0 ? `nobody-${i}@example.net` : 'wg1-expert@example.org';
      expect((await reset(email, '198.51.100.23')).status).toBe(202);
    }
    const blocked = await reset('wg2-expert@example.org', '198.51.100.23');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000);
    // The refused request wrote nothing: no reset link for that account.
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM password_reset_tokens r JOIN users u ON u.id = r.user_id
        WHERE u.email = 'wg2-expert@example.org'`,
    );
    expect(n).toBe(0);
    // Another address is another client.
    expect((await reset('wg2-expert@example.org', '198.51.100.24')).status).toBe(202);
  });
});
