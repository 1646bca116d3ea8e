// S3: the B4 trace stored as one row per operation; cold load to first full sync through our server vs a
// raw SELECT + Y.applyUpdate per row; stored bytes before and (if DocumentStore.compact exists) after compaction.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/servers.mjs';
import { connectClient, findBenchText, loadTrace, median, plainText, sleep, traceToUpdates } from '../lib/clients.mjs';

export async function prepareTrace(ctx) {
  const started = performance.now();
  const trace = loadTrace();
  const { updates, clocks, clientID, ops, stateBytes, updateBytes } = traceToUpdates(trace);
  ctx.log(
    `B4: ${ops} operations → ${updates.length} updates (${(updateBytes / 1e6).toFixed(2)} MB; state ${stateBytes} bytes) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { updates, clocks, clientID, ops, stateBytes, updateBytes, endContent: trace.endContent };
}

async function insertUpdates(db, documentId, updates) {
  const batch = 10_000;
  for (let i = 0; i < updates.length; i += batch) {
    const chunk = updates.slice(i, i + batch).map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    await db.query(
      `INSERT INTO document_updates (document_id, data)
       SELECT $1, data FROM unnest($2::bytea[]) WITH ORDINALITY AS t(data, n) ORDER BY n`,
      [documentId, chunk],
    );
  }
}

async function storedBytes(ctx, documentId) {
  const [log] = (
    await ctx.db.query(
      'SELECT count(*)::int AS rows, coalesce(sum(octet_length(data)), 0)::bigint AS bytes FROM document_updates WHERE document_id = $1',
      [documentId],
    )
  ).rows;
  let snapshot = { rows: 0, bytes: 0 };
  if (ctx.snapshotsTable) {
    [snapshot] = (
      await ctx.db.query(
        'SELECT count(*)::int AS rows, coalesce(sum(octet_length(state)), 0)::bigint AS bytes FROM document_snapshots WHERE document_id = $1',
        [documentId],
      )
    ).rows;
  }
  return {
    updateRows: log.rows,
    updateBytes: Number(log.bytes),
    snapshotRows: snapshot.rows,
    snapshotBytes: Number(snapshot.bytes),
    total: Number(log.bytes) + Number(snapshot.bytes),
  };
}

/** Fresh server process, one client: time from opening the socket to the first full sync (text = endContent). */
async function coldLoadOurs(ctx, documentId) {
  const server = await ctx.startOurs();
  try {
    const cookie = await ctx.cookieFor(server);
    const started = performance.now();
    const client = connectClient(server, documentId, cookie);
    const deadline = started + 120_000;
    while (!client.provider.synced) {
      if (client.counters.closes.length > 0) {
        client.destroy();
        await sleep(300);
        throw new Error(
          `socket closed before sync (close code ${client.counters.closes.join(', ')}); server logged: ${errorSummary(server.output())}`,
        );
      }
      if (performance.now() > deadline) throw new Error('no sync within 120 s');
      await sleep(2);
    }
    const syncedMs = performance.now() - started;
    const text = findBenchText(client.doc, 'b4');
    const correct = text !== null && plainText(text) === ctx.trace.endContent;
    const memory = await server.memory(true);
    client.destroy();
    return { ms: syncedMs, correct, serverRss: memory.rss, serverHeap: memory.heapUsed };
  } finally {
    await server.kill(); // SIGKILL: nothing runs on leave (no flush, no compaction), the stored rows stay as they are
  }
}

/** The error lines (not stack frames) a server printed, without colours. */
function errorSummary(output) {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim());
  const errors = lines.filter((l) => /error/i.test(l) && !l.startsWith('at '));
  return [...new Set(errors)].slice(0, 3).join(' | ').slice(0, 600) || '(nothing)';
}

function coldLoadRaw(ctx, documentId) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'tests/bench/servers/raw-load.cjs'), ctx.databaseUrl, documentId],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`raw load failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop());
  return { ...parsed, correct: parsed.textLength === ctx.trace.endContent.length };
}

export async function runS3(ctx) {
  const { updates, ops, stateBytes } = ctx.trace;
  const reps = ctx.quick ? 1 : 3;
  const documentId = await ctx.newDocument('S3 B4 trace');
  const inserted = performance.now();
  await insertUpdates(ctx.db, documentId, updates);
  await ctx.db.query('ANALYZE document_updates');
  const insertSeconds = (performance.now() - inserted) / 1000;
  const before = await storedBytes(ctx, documentId);
  ctx.log(
    `S3: ${before.updateRows} rows (${(before.updateBytes / 1e6).toFixed(2)} MB) inserted in ${insertSeconds.toFixed(1)} s`,
  );

  const ours = [];
  const raw = [];
  const errors = [];
  for (let i = 0; i < reps; i++) {
    const check = await storedBytes(ctx, documentId);
    if (check.updateRows !== updates.length || check.snapshotRows !== 0) {
      errors.push(`stored state changed between loads (${check.updateRows} rows, ${check.snapshotRows} snapshots)`);
      break;
    }
    raw.push(coldLoadRaw(ctx, documentId));
    ctx.log(`S3: raw load ${raw[raw.length - 1].ms.toFixed(0)} ms`);
    try {
      ours.push(await coldLoadOurs(ctx, documentId));
      ctx.log(`S3: our cold load ${ours[ours.length - 1].ms.toFixed(0)} ms`);
    } catch (error) {
      errors.push(String(error.message ?? error));
      ctx.log(`S3: our cold load failed: ${error.message ?? error}`);
      break;
    }
  }

  // Compaction, if the store offers it (the snapshots work may not be there yet).
  let compaction = { available: false };
  const server = await ctx.startOurs();
  try {
    const info = await server.request('compactInfo');
    if (info.hasCompact) {
      const result = await server
        .request('compact', { documentId })
        .catch((error) => ({ available: true, error: String(error.message ?? error) }));
      compaction = { ...result, available: true };
      await sleep(300);
      if (compaction.result === false) compaction.serverLog = errorSummary(server.output());
    }
  } finally {
    await server.kill();
  }
  const after = await storedBytes(ctx, documentId);
  let oursAfterCompaction = null;
  if (compaction.available && !compaction.error && after.snapshotRows > 0) {
    try {
      oursAfterCompaction = await coldLoadOurs(ctx, documentId);
    } catch (error) {
      errors.push(`after compaction: ${error.message ?? error}`);
    }
  }
  return {
    ops,
    rows: before.updateRows,
    insertSeconds,
    stateBytes,
    before,
    after,
    compaction,
    ours,
    raw,
    oursMs: median(ours.map((r) => r.ms)),
    rawMs: median(raw.map((r) => r.ms)),
    oursCorrect: ours.length > 0 && ours.every((r) => r.correct),
    rawCorrect: raw.every((r) => r.correct),
    oursAfterCompaction,
    errors,
  };
}
