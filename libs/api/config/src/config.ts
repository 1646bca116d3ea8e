import { COLLAB_LIMITS, LIBRARY_LIMITS } from '@roundtable/contracts';
import { parseTrustProxy, type ProxyTrustSetting } from './trust-proxy';

/**
 * Every environment variable the app reads, with its default and meaning: the README's configuration table
 * lists exactly these (tests/integration/configuration.spec.ts compares them). Nothing else in apps/ or
 * libs/ reads process.env for a setting; it asks `config()` (a test scans the sources).
 */
export const CONFIG_VARIABLES = [
  ['PORT', '3000', 'HTTP port of the API, the collaboration socket and the web app'],
  ['HOST', '`0.0.0.0`', 'address the server listens on'],
  ['NODE_ENV', '(unset)', '`production` turns off the API docs and refuses `ROUNDTABLE_CLOCK`'],
  ['DATABASE_URL', '(unset: embedded PostgreSQL)', 'PostgreSQL server (`postgres://…`)'],
  ['DATABASE_POOL_SIZE', '10', 'connections in the TypeORM pool'],
  ['DATA_DIR', '`.data`', 'folder of the embedded PostgreSQL, kept across restarts'],
  ['DEMO', '`true` without `DATABASE_URL`, else `false`', 'seed the demo project and the demo accounts'],
  ['WEB_DIST', '`dist/web`', 'built web app served at `/`'],
  [
    'PUBLIC_URL',
    '`http://localhost:<PORT>`',
    'address of the app in links in emails and feeds, and an allowed `Origin` besides the request’s own host; warned about when unset outside demo mode',
  ],
  [
    'TRUST_PROXY',
    '`false`',
    'reverse proxies whose `X-Forwarded-For` is believed: a hop count (0–10) or the proxies’ addresses',
  ],
  ['COOKIE_SECURE', '`false`', '`true`: session cookie only over HTTPS, and HSTS'],
  ['API_DOCS', '`true`, `false` with `NODE_ENV=production`', 'Swagger UI at `/api/docs` and `/api/openapi.json`'],
  ['HTTP_HEADERS_TIMEOUT_MS', '20000', 'request headers (upgrades’ included) must arrive within it'],
  ['SMTP_URL', '(unset: mails kept in the outbox)', 'mail server (`smtp://host:port` or `smtps://…`)'],
  ['MAIL_FROM', '`Roundtable <no-reply@roundtable.local>`', 'sender of every mail'],
  ['OUTBOX_POLL_MS', '60000', 'how often the outbox sweep looks for mails a process left behind (≥ 500)'],
  ['OUTBOX_RETRY_BASE_MS', '30000', 'first retry delay of a failed mail, doubled per attempt'],
  ['OUTBOX_RETRY_MAX_MS', '3600000', 'longest retry delay'],
  ['OUTBOX_MAX_ATTEMPTS', '10', 'attempts before a mail is `failed`'],
  ['OUTBOX_LEASE_MS', '120000', 'how long a claimed mail belongs to its worker (≥ 1000)'],
  ['REMINDER_SWEEP_SECONDS', '3600', 'how often deadline, meeting and action reminders are checked'],
  ['INVITATION_TTL_DAYS', '14', 'days an invitation link stays valid'],
  ['VERSION_INTERVAL_MS', '600000', 'minimum age of a document’s last version before an automatic one'],
  ['LIBRARY_MAX_UPLOAD_MB', String(LIBRARY_LIMITS.defaultMaxUploadMb), 'largest file in the library (MB)'],
  ['COLLAB_MAX_DOCUMENT_BYTES', String(COLLAB_LIMITS.maxDocumentBytes), 'stored size of one document (close 1009)'],
  [
    'COLLAB_MAX_CLIENTS_PER_DOCUMENT',
    String(COLLAB_LIMITS.maxClientsPerDocument),
    'open sockets on one document (close 1013)',
  ],
  [
    'COLLAB_MAX_UPDATES_PER_SECOND',
    String(COLLAB_LIMITS.maxUpdatesPerSecond),
    'update messages per socket per second (close 1008)',
  ],
  [
    'COLLAB_MAX_CONNECTIONS_PER_MINUTE',
    String(COLLAB_LIMITS.maxConnectionsPerMinute),
    'socket upgrades per client address per minute (HTTP 429)',
  ],
  [
    'COLLAB_USER_WRITE_UNITS_PER_SECOND',
    String(COLLAB_LIMITS.userWriteUnitsPerSecond),
    'write budget of one account over all its sockets',
  ],
  [
    'COLLAB_DOCUMENT_WRITE_UNITS_PER_SECOND',
    String(COLLAB_LIMITS.documentWriteUnitsPerSecond),
    'write budget of one document over all its sockets',
  ],
  ['COLLAB_COMPACT_AFTER', '500', 'stored updates after which a document’s tail may be folded into its snapshot'],
  ['COLLAB_SESSION_CHECK_SECONDS', '60', 'how often open sockets’ sessions are re-checked'],
  [
    'ROUNDTABLE_CLOCK',
    '(unset: real time)',
    'tests and demos only: start the business clock at this ISO instant; refused with `NODE_ENV=production`',
  ],
  ['CHROMIUM_PATH', '(unset: a system Chromium, else the npm one)', 'Chromium for browser tests and PDF rendering'],
  [
    'DOI_RESOLVER_URL',
    '(unset: DOIs are not looked up)',
    'a DOI resolver answering CSL-JSON (`https://doi.org` or a mirror): pasted DOIs get their metadata from it',
  ],
  ['ROUNDTABLE_DEBUG_PG', '`false`', '`true`: print the embedded PostgreSQL’s log'],
] as const satisfies ReadonlyArray<readonly [string, string, string]>;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number][0];

export interface CollabSettings {
  maxDocumentBytes: number;
  maxClientsPerDocument: number;
  maxUpdatesPerSecond: number;
  maxConnectionsPerMinute: number;
  userWriteUnitsPerSecond: number;
  documentWriteUnitsPerSecond: number;
  compactAfter: number;
  sessionCheckSeconds: number;
}

export interface OutboxConfig {
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  leaseMs: number;
}

export interface RoundtableConfig {
  port: number;
  host: string;
  production: boolean;
  /** null: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** As given (relative to the working directory); the app resolves it. */
  dataDir: string;
  demo: boolean;
  webDist: string;
  /** PUBLIC_URL as given, without trailing slashes; null when unset. */
  publicUrl: string | null;
  /** Where links in emails and feeds point: PUBLIC_URL, or this server on localhost. */
  publicBaseUrl: string;
  trustProxy: ProxyTrustSetting;
  cookieSecure: boolean;
  apiDocs: boolean;
  httpHeadersTimeoutMs: number;
  /** null: mails are kept in the outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  outbox: OutboxConfig;
  reminderSweepSeconds: number;
  invitationTtlDays: number;
  versionIntervalMs: number;
  libraryMaxUploadMb: number;
  collab: CollabSettings;
  /** ROUNDTABLE_CLOCK's instant, or null for real time. */
  clockStart: Date | null;
  chromiumPath: string | null;
  /** DOI_RESOLVER_URL without trailing slashes; null: no DOI leaves the server (ADR 039). */
  doiResolverUrl: string | null;
  debugEmbeddedPostgres: boolean;
}

/** The configuration cannot be used; the message names every bad variable and what it expects. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (environment variables):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const KNOWN = new Set<string>(CONFIG_VARIABLES.map(([name]) => name));

/** Reads variables one by one, collecting every problem so the error lists them all at once. */
class Reader {
  readonly problems: string[] = [];
  readonly names = new Set<string>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  raw(name: ConfigVariable): string | undefined {
    if (!KNOWN.has(name)) throw new Error(`${name} is not in CONFIG_VARIABLES`);
    this.names.add(name);
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  string(name: ConfigVariable, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: ConfigVariable, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= min && n <= max) return n;
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    return this.fail(name, value, `a whole number ${range}`, fallback);
  }

  positive(name: ConfigVariable, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (Number.isFinite(n) && n > 0) return n;
    return this.fail(name, value, 'a number greater than 0', fallback);
  }

  bool(name: ConfigVariable, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return this.fail(name, value, '`true` or `false`', fallback);
  }

  url(name: ConfigVariable, protocols: string[]): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    try {
      if (protocols.includes(new URL(value).protocol)) return value;
    } catch {
      // reported below
    }
    return this.fail(name, value, `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, null);
  }

  fail<T>(name: string, value: string, expected: string, fallback: T): T {
    this.problems.push(`${name}="${value}": expected ${expected}`);
    return fallback;
  }
}

/** Reads and checks every variable; throws a ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RoundtableConfig {
  return read(env).config;
}

/** The names loadConfig reads (for the test that keeps CONFIG_VARIABLES and the README honest). */
export function variablesRead(env: NodeJS.ProcessEnv = {}): string[] {
  return [...read(env).names];
}

function read(env: NodeJS.ProcessEnv): { config: RoundtableConfig; names: Set<string> } {
  const r = new Reader(env);
  const production = r.string('NODE_ENV', '') === 'production';
  const port = r.int('PORT', 3000, 0, 65535);
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = r.url('PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, '') ?? null;
  const trustProxy = readTrustProxy(r);
  const clockStart = readClock(r, production);
  const config: RoundtableConfig = {
    port,
    host: r.string('HOST', '0.0.0.0'),
    production,
    databaseUrl,
    databasePoolSize: r.int('DATABASE_POOL_SIZE', 10, 1, 1000),
    dataDir: r.string('DATA_DIR', '.data'),
    demo: r.bool('DEMO', databaseUrl === null),
    webDist: r.string('WEB_DIST', 'dist/web'),
    publicUrl,
    publicBaseUrl: publicUrl ?? `http://localhost:${port}`,
    trustProxy,
    cookieSecure: r.bool('COOKIE_SECURE', false),
    apiDocs: r.bool('API_DOCS', !production),
    httpHeadersTimeoutMs: r.int('HTTP_HEADERS_TIMEOUT_MS', 20_000, 1),
    smtpUrl: r.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: r.string('MAIL_FROM', 'Roundtable <no-reply@roundtable.local>'),
    outbox: {
      pollMs: r.int('OUTBOX_POLL_MS', 60_000, 500),
      retryBaseMs: r.int('OUTBOX_RETRY_BASE_MS', 30_000, 1),
      retryMaxMs: r.int('OUTBOX_RETRY_MAX_MS', 3_600_000, 1),
      maxAttempts: r.int('OUTBOX_MAX_ATTEMPTS', 10, 1),
      leaseMs: r.int('OUTBOX_LEASE_MS', 120_000, 1000),
    },
    reminderSweepSeconds: r.int('REMINDER_SWEEP_SECONDS', 3600, 1),
    invitationTtlDays: r.positive('INVITATION_TTL_DAYS', 14),
    versionIntervalMs: r.positive('VERSION_INTERVAL_MS', 10 * 60_000),
    libraryMaxUploadMb: r.positive('LIBRARY_MAX_UPLOAD_MB', LIBRARY_LIMITS.defaultMaxUploadMb),
    collab: {
      maxDocumentBytes: r.int('COLLAB_MAX_DOCUMENT_BYTES', COLLAB_LIMITS.maxDocumentBytes, 1),
      maxClientsPerDocument: r.int('COLLAB_MAX_CLIENTS_PER_DOCUMENT', COLLAB_LIMITS.maxClientsPerDocument, 1),
      maxUpdatesPerSecond: r.positive('COLLAB_MAX_UPDATES_PER_SECOND', COLLAB_LIMITS.maxUpdatesPerSecond),
      maxConnectionsPerMinute: r.int('COLLAB_MAX_CONNECTIONS_PER_MINUTE', COLLAB_LIMITS.maxConnectionsPerMinute, 1),
      userWriteUnitsPerSecond: r.positive('COLLAB_USER_WRITE_UNITS_PER_SECOND', COLLAB_LIMITS.userWriteUnitsPerSecond),
      documentWriteUnitsPerSecond: r.positive(
        'COLLAB_DOCUMENT_WRITE_UNITS_PER_SECOND',
        COLLAB_LIMITS.documentWriteUnitsPerSecond,
      ),
      compactAfter: r.int('COLLAB_COMPACT_AFTER', 500, 1),
      sessionCheckSeconds: r.positive('COLLAB_SESSION_CHECK_SECONDS', 60),
    },
    clockStart,
    chromiumPath: r.raw('CHROMIUM_PATH') ?? null,
    doiResolverUrl: r.url('DOI_RESOLVER_URL', ['http:', 'https:'])?.replace(/\/+$/, '') ?? null,
    debugEmbeddedPostgres: r.bool('ROUNDTABLE_DEBUG_PG', false),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return { config, names: r.names };
}

function readTrustProxy(r: Reader): ProxyTrustSetting {
  try {
    return parseTrustProxy(r.raw('TRUST_PROXY'));
  } catch (error) {
    r.problems.push((error as Error).message);
    return parseTrustProxy(undefined);
  }
}

function readClock(r: Reader, production: boolean): Date | null {
  const value = r.raw('ROUNDTABLE_CLOCK');
  if (value === undefined) return null;
  if (production)
    return r.fail(
      'ROUNDTABLE_CLOCK',
      value,
      'no value: it is for tests and demos, refused when NODE_ENV=production',
      null,
    );
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return r.fail('ROUNDTABLE_CLOCK', value, 'an ISO date or date-time', null);
  return new Date(instant);
}

let cached: { key: string; value: RoundtableConfig } | null = null;

/**
 * The configuration now, from the environment (tests change variables between apps in one process). Parsed
 * again only when a variable changed: a full parse costs ~0.1 ms and some callers are on the edit path. The
 * app calls it once at start-up, so a bad value stops the start, not a request.
 */
export function config(): RoundtableConfig {
  const key = CONFIG_VARIABLES.map(([name]) => process.env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, value: loadConfig(process.env) };
  return cached.value;
}

/** What the start-up log should warn about (the values are valid, but probably not what was meant). */
export function configWarnings(value: RoundtableConfig): string[] {
  const warnings: string[] = [];
  if (value.trustProxy.warning) warnings.push(value.trustProxy.warning);
  if (!value.demo && value.publicUrl === null)
    warnings.push(
      `PUBLIC_URL is not set: links in emails and calendar feeds point to ${value.publicBaseUrl}, and only the ` +
        'request’s own host is an allowed Origin. Set it to the address people use to reach the app.',
    );
  return warnings;
}
