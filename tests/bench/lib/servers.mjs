// PostgreSQL for the run, and the two server children (ours from dist/, the reference), each in its own
// process answering memory / CPU requests over IPC.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const require = createRequire(join(ROOT, 'package.json'));
/**
 * The run uses a private copy of dist/api (tmp/bench-dist/api, made by main.mjs): another build in the
 * same checkout (rm -rf dist/api && tsc) must not pull the server out from under a running benchmark.
 */
export const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist', 'api');

/**
 * An embedded PostgreSQL for the whole run, with production settings (fsync and synchronous_commit on,
 * as `npm start` runs it), unless BENCH_PG_FAST=true (the test suite's fsync=off settings).
 */
export async function startPostgres() {
  const { startEmbeddedPostgres } = require(join(DIST, 'libs/api/database/src/embedded-postgres.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-pg-'));
  const fast = process.env.BENCH_PG_FAST === 'true';
  const settings = {
    max_connections: '300',
    ...(fast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
  };
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, database: 'postgres', settings });
  return {
    adminUrl: server.url,
    dataDir,
    settings: fast
      ? 'fsync=off, synchronous_commit=off (BENCH_PG_FAST)'
      : 'defaults (fsync=on, synchronous_commit=on), as `npm start`',
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated database on the run's PostgreSQL. */
export async function createDatabase(adminUrl, name) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { migrate } = require(join(DIST, 'apps/api/src/database/data-source.js'));
  await migrate(url.toString());
  return url.toString();
}

export async function pgClient(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** CPU seconds used so far by the PostgreSQL server (postmaster, its live backends, and reaped ones). */
export function postgresCpuSeconds(dataDir) {
  try {
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pid = Number(entry);
      // fields[11..14] = utime, stime, cutime, cstime (man 5 proc, counted from field 3)
      if (pid === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      else if (ppid === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

/**
 * Starts a server child. kind: 'ours' | 'reference'. Resolves once it listens; `request(cmd)` asks it
 * for memory / CPU; `kill()` is SIGKILL (no graceful shutdown), `stop()` is SIGTERM then SIGKILL.
 */
export async function startServer(kind, env = {}) {
  const script = join(ROOT, 'tests', 'bench', 'servers', kind === 'ours' ? 'ours.cjs' : 'reference.cjs');
  const child = fork(script, [], {
    cwd: ROOT,
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server there (open it in Chrome DevTools).
    execArgv: [
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const append = (chunk) => {
    output += chunk;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let nextId = 1;
  const waiting = new Map();
  let exitInfo = null;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      for (const { reject } of waiting.values()) reject(new Error(`${kind} server exited (${code ?? signal})`));
      waiting.clear();
      resolve(exitInfo);
    }),
  );
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 90 s:\n${output}`)), 90_000);
    child.on('message', (message) => {
      if (message && message.ready) {
        clearTimeout(timer);
        resolve(message.port);
        return;
      }
      const pending = message && waiting.get(message.id);
      if (!pending) return;
      waiting.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.error));
    });
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited during start-up:\n${output}`));
    });
  });
  const port = await ready;
  const request = (cmd, extra = {}) =>
    new Promise((resolve, reject) => {
      if (exitInfo) return reject(new Error(`${kind} server is not running`));
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.send({ id, cmd, ...extra });
    });
  return {
    kind,
    port,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    request,
    memory: (gc = true) => request('mem', { gc }),
    cpu: () => request('cpu'),
    alive: () => exitInfo === null,
    exitInfo: () => exitInfo,
    output: () => output,
    /** Lines the server wrote to stdout/stderr since `from` (an index into output()). */
    outputSince: (from) => output.slice(from),
    kill: async () => {
      if (!exitInfo) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!exitInfo) child.kill('SIGTERM');
      const timer = setTimeout(() => !exitInfo && child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function distBuilt() {
  return existsSync(join(DIST, 'apps/api/src/bootstrap.js'));
}
