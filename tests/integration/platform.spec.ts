import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('platform endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('reports health 200 while the database answers', async () => {
    const health = await new HttpClient(t.baseUrl).get('/api/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const missing = await new HttpClient(t.baseUrl).get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /api/no-such-thing',
    });
  });

  it('publishes an OpenAPI 3 document listing the endpoints, and its UI', async () => {
    const spec = await new HttpClient(t.baseUrl).get('/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/documents',
        '/api/documents/{id}',
      ]),
    );
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('reports 503 when the database stops answering', async () => {
    const db = t.database;
    // Terminate this database's connections and forbid new ones: the app's pool can no longer query.
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: process.env.ROUNDTABLE_TEST_ADMIN_URL });
    await admin.connect();
    const name = new URL(db.url).pathname.slice(1);
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    try {
      const health = await new HttpClient(t.baseUrl).get('/api/health');
      expect(health).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    } finally {
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});

describe('bad input never becomes a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('answers an oversized JSON body with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(2_000_000) });
    const response = await new HttpClient(t.baseUrl).request('POST', '/api/auth/login', huge, {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON body with 415 naming the body (ADR 018)', async () => {
    const response = await new HttpClient(t.baseUrl).request('POST', '/api/auth/login', 'email=a', {
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'body' }] });
  });

  it('answers a JSON array or null body with 400, not 500', async () => {
    for (const body of ['[]', 'null', '"text"', '{"email": {"$gt": ""}, "password": "x"}']) {
      const response = await new HttpClient(t.baseUrl).request('POST', '/api/auth/login', body, {
        'content-type': 'application/json',
      });
      expect(response.status).toBe(400);
    }
  });

  it('answers a protected route without a session with 401, whatever the method', async () => {
    const client = new HttpClient(t.baseUrl);
    expect((await client.get('/api/documents')).status).toBe(401);
    expect((await client.post('/api/auth/logout')).status).toBe(401);
  });
});

describe('the web app is served by the same process', () => {
  let t: TestApp;
  let webDist: string;
  beforeAll(async () => {
    const { mkdtempSync, writeFileSync } = await import('fs');
    const { join } = await import('path');
    const { tmpdir } = await import('os');
    webDist = mkdtempSync(join(tmpdir(), 'roundtable-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Roundtable SPA</title>');
    writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
    t = await startTestApp({ seed: false, webDist });
  });
  afterAll(async () => {
    await t.close();
    (await import('fs')).rmSync(webDist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes (SPA fallback)', async () => {
    for (const path of ['/', '/login', '/documents/3f1c2c6e-0000-4000-8000-000000000000']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Roundtable SPA');
    }
    expect(await (await fetch(`${t.baseUrl}/app.js`)).text()).toBe('console.log(1)');
  });

  it('keeps /api answering JSON 404 instead of the SPA', async () => {
    const response = await fetch(`${t.baseUrl}/api/unknown`);
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('ROUTE_NOT_FOUND');
  });
});
