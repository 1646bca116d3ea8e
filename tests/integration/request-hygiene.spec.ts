import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** Origin check, JSON-only bodies and security headers (ADR 015). */
describe('request hygiene', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  const webDist = mkdtempSync(join(tmpdir(), 'roundtable-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    t = await startTestApp({ webDist });
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
  });
  afterAll(() => t.close());

  const hours = async () => (await coordinator.get('/api/me/working-hours')).body;

  describe('cross-site requests', () => {
    it('refuses a foreign Origin with 403 and changes nothing', async () => {
      const before = await hours();
      const refused = await coordinator.request(
        'PUT',
        '/api/me/working-hours',
        { workStart: '06:00', workEnd: '07:00' },
        { origin: 'https://evil.example' },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CROSS_ORIGIN_REFUSED');
      expect(await hours()).toEqual(before);
      // The same request from our own page goes through.
      const own = await coordinator.request('PUT', '/api/me/working-hours', { workStart: '06:00', workEnd: '07:00' });
      expect(own.status).toBe(200);
      expect(await hours()).toMatchObject({ workStart: '06:00', workEnd: '07:00' });
    });

    it('refuses Origin null, a sibling port, a foreign Referer and a cross-site fetch without either', async () => {
      const before = await hours();
      const sibling = t.baseUrl.replace(/:\d+$/, `:${t.port + 1}`);
      const cases: Array<Record<string, string>> = [
        { origin: 'null' },
        { origin: sibling },
        { origin: '', referer: 'https://evil.example/page' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of cases) {
        const plain: Record<string, string> = {
          cookie: coordinator.cookie!,
          'content-type': 'application/json',
          ...headers,
        };
        if (plain.origin === '') delete plain.origin;
        const response = await fetch(`${t.baseUrl}/api/me/working-hours`, {
          method: 'PUT',
          headers: plain,
          body: JSON.stringify({ workStart: '05:00', workEnd: '06:00' }),
        });
        expect([JSON.stringify(headers), response.status]).toEqual([JSON.stringify(headers), 403]);
      }
      expect(await hours()).toEqual(before);
    });

    it('refuses before the session is read, even a sign-in', async () => {
      const login = await new HttpClient(t.baseUrl).post(
        '/api/auth/login',
        { email: 'coordinator@example.org', password: 'roundtable-demo' },
        { origin: 'https://evil.example' },
      );
      expect(login.status).toBe(403);
      expect(login.headers.get('set-cookie')).toBeNull();
    });

    it('lets a same-origin Referer and a client without any browser headers through', async () => {
      const referer = await fetch(`${t.baseUrl}/api/me/working-hours`, {
        method: 'PUT',
        headers: { cookie: coordinator.cookie!, 'content-type': 'application/json', referer: `${t.baseUrl}/settings` },
        body: JSON.stringify({ workStart: '08:00', workEnd: '16:00' }),
      });
      expect(referer.status).toBe(200);
      const script = await fetch(`${t.baseUrl}/api/me/working-hours`, {
        method: 'PUT',
        headers: { cookie: coordinator.cookie!, 'content-type': 'application/json' },
        body: JSON.stringify({ workStart: '08:30', workEnd: '16:30' }),
      });
      expect(script.status).toBe(200);
      expect(await hours()).toMatchObject({ workStart: '08:30', workEnd: '16:30' });
    });

    it('does not check reads', async () => {
      const read = await coordinator.request('GET', '/api/me/working-hours', undefined, {
        origin: 'https://evil.example',
      });
      expect(read.status).toBe(200);
    });
  });

  describe('JSON only', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'workStart=04%3A00&workEnd=05%3A00'],
      ['text/plain', JSON.stringify({ workStart: '04:00', workEnd: '05:00' })],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="workStart"\r\n\r\n04:00\r\n--x--\r\n',
      ],
    ])('answers %s with 415 and changes nothing', async (contentType, body) => {
      const before = await hours();
      const response = await coordinator.request('PUT', '/api/me/working-hours', body, { 'content-type': contentType });
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'body' }] });
      expect(await hours()).toEqual(before);
    });

    it('takes JSON with a charset, and a POST without a body', async () => {
      const json = await coordinator.request(
        'PUT',
        '/api/me/working-hours',
        { workStart: '09:00', workEnd: '17:00' },
        { 'content-type': 'application/json; charset=utf-8' },
      );
      expect(json.status).toBe(200);
      const feed = await coordinator.post('/api/me/calendar-feed');
      expect(feed.status).toBeLessThan(300);
    });

    it('takes multipart only on upload routes, and JSON not there', async () => {
      const [group] = await t.dataSource.query('SELECT id FROM working_groups ORDER BY code LIMIT 1');
      const json = await coordinator.post(`/api/working-groups/${group.id}/library`, { description: 'x' });
      expect(json.status).toBe(415);
      const form = new FormData();
      form.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'note.pdf');
      const upload = await fetch(`${t.baseUrl}/api/working-groups/${group.id}/library`, {
        method: 'POST',
        headers: { cookie: coordinator.cookie!, origin: t.baseUrl },
        body: form,
      });
      expect(upload.status).not.toBe(415);
      expect(upload.status).toBeLessThan(500);
    });
  });

  describe('security headers', () => {
    it.each(['/', '/meetings/anything', '/api/health', '/api/no-such-route', '/api/docs'])(
      'sends CSP, frame, sniffing and referrer rules on %s',
      async (path) => {
        const response = await fetch(`${t.baseUrl}${path}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self';");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toMatch(
          new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${t.port} wss://127\\.0\\.0\\.1:${t.port}`),
        );
        expect(csp).not.toMatch(/script-src[^;]*unsafe/);
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('strict-transport-security')).toBeNull();
      },
    );
  });
});

describe('HSTS and API docs by configuration', () => {
  const saved = process.env.COOKIE_SECURE;
  let t: TestApp;
  beforeAll(async () => {
    process.env.COOKIE_SECURE = 'true';
    t = await startTestApp({ seed: false, apiDocs: false });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.COOKIE_SECURE;
    else process.env.COOKIE_SECURE = saved;
    await t.close();
  });

  it('sends Strict-Transport-Security when COOKIE_SECURE is on', async () => {
    const response = await fetch(`${t.baseUrl}/api/health`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('serves no Swagger UI and no OpenAPI document when API docs are off', async () => {
    expect((await fetch(`${t.baseUrl}/api/docs`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/openapi.json`)).status).toBe(404);
  });
});
