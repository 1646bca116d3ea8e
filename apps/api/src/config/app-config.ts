import { parseTrustProxy, type ProxyTrustSetting } from '@roundtable/api-platform';
import { resolve } from 'path';

export interface AppConfig {
  port: number;
  /** PostgreSQL server chosen by DATABASE_URL; null starts the embedded one. */
  databaseUrl: string | null;
  /** Folder of the embedded database (git-ignored), kept across restarts. */
  dataDir: string;
  /** Seeds the demo project and demo accounts. On by default only with the embedded database. */
  demo: boolean;
  /** Built web app served at / (SPA); skipped when missing. */
  webDist: string;
  /** Which reverse proxies' X-Forwarded-For to believe (TRUST_PROXY: a hop count, proxy addresses, or false). */
  trustProxy: ProxyTrustSetting;
  /** Swagger UI and the OpenAPI document: on by default, off with NODE_ENV=production unless API_DOCS=true. */
  apiDocs: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    databaseUrl,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    demo: env.DEMO !== undefined ? env.DEMO === 'true' : databaseUrl === null,
    webDist: resolve(env.WEB_DIST ?? 'dist/web'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    apiDocs: env.API_DOCS !== undefined ? env.API_DOCS === 'true' : env.NODE_ENV !== 'production',
  };
}
