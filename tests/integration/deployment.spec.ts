import { MIGRATIONS } from '@roundtable/api-database';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { migrate } from '../../apps/api/src/database/data-source';
import { createTestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, unknown>;
}

/**
 * Issue #18 item 5: docker/compose.yaml runs several app processes behind nginx (no Docker on the machines
 * that run the tests, so this reads the files; tests/e2e/scale-out-behind-proxy.e2e.ts runs the same shape
 * with real processes).
 */
describe('deployment: several app processes behind a reverse proxy', () => {
  // Compose reads YAML merge keys (`<<: *app`), which YAML 1.2 leaves off by default.
  const compose = parse(readFileSync(join(ROOT, 'docker', 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const nginx = readFileSync(join(ROOT, 'docker', 'nginx.conf'), 'utf8');
  const services = Object.entries(compose.services);
  const apps = services
    .filter(([, service]) => service.build?.dockerfile === 'docker/Dockerfile')
    .map(([name]) => name);
  const [proxyName, proxy] = services.find(([, service]) => /^nginx:\d/.test(service.image ?? ''))!;

  it('runs two or more app processes from the one image, reachable only through the proxy', () => {
    expect(apps.length).toBeGreaterThanOrEqual(2);
    for (const name of apps) {
      expect({ name, ports: compose.services[name].ports }).toEqual({ name, ports: undefined });
      expect(compose.services[name].environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
      // The per-address limits must see the client's address, which only the proxy knows.
      expect(String(compose.services[name].environment?.TRUST_PROXY)).toMatch(/^\$\{TRUST_PROXY:-1\}$|^1$/);
    }
    expect(proxyName).toBeDefined();
    expect(proxy.ports).toEqual(['${HOST_PORT:-3000}:80']);
    expect(proxy.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(Object.keys(proxy.depends_on ?? {}).sort()).toEqual([...apps].sort());
  });

  it("names every app service in the proxy's upstream, and nothing else", () => {
    const upstream = /upstream\s+roundtable\s*\{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    const servers = [...upstream.matchAll(/^\s*server\s+([\w-]+):3000\s*;/gm)].map((match) => match[1]);
    expect(servers.sort()).toEqual([...apps].sort());
    expect(nginx).toMatch(/proxy_pass\s+http:\/\/roundtable;/);
  });

  it('passes WebSocket upgrades through and keeps collaboration sockets open', () => {
    expect(nginx).toMatch(/proxy_http_version\s+1\.1;/);
    expect(nginx).toMatch(/proxy_set_header\s+Upgrade\s+\$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header\s+Connection\s+\$connection_upgrade;/);
    expect(nginx).toMatch(/map\s+\$http_upgrade\s+\$connection_upgrade\s*\{\s*default\s+upgrade;/);
    expect(nginx).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/);
    expect(nginx).toMatch(/proxy_set_header\s+Host\s+\$host;/);
    // Longer than the app's 30 s ping, so nginx never cuts an idle editor.
    const readTimeout = /proxy_read_timeout\s+(\d+)([smh]);/.exec(nginx);
    const seconds = Number(readTimeout?.[1]) * { s: 1, m: 60, h: 3600 }[readTimeout?.[2] as 's' | 'm' | 'h'];
    expect(seconds).toBeGreaterThan(30);
  });

  it('app processes starting together on an empty database apply each migration once', async () => {
    const database = await createTestDatabase();
    const empty = new URL(database.url);
    empty.pathname = `${empty.pathname}_empty`;
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${empty.pathname.slice(1)}`);
      const applied = await Promise.all([migrate(empty.toString()), migrate(empty.toString())]);
      expect(applied.flat().length).toBe(MIGRATIONS.length);
      expect(applied.some((names) => names.length === 0)).toBe(true);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${empty.pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
      await database.drop();
    }
  });
});
