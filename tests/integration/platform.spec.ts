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
    expect(missing.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'No route GET /api/no-such-thing' });
  });

  it('publishes an OpenAPI 3 document listing the endpoints, and its UI', async () => {
    const spec = await new HttpClient(t.baseUrl).get('/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/logout', '/api/documents', '/api/documents/{id}']),
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
