// S7: a normal 10-client document (20 edits/s, awareness 1 Hz) measured quiet, then while offenders hit
// another document of the same server (oversized and malformed messages, a connection flood, one client
// sending updates as fast as it can). The offenders run in their own process (tests/bench/abuse-worker.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/servers.mjs';
import { sleep, summarize } from '../lib/clients.mjs';
import { openLiveDocument } from '../lib/live.mjs';

export async function runS7(server, ctx) {
  const quietSeconds = ctx.quick ? 5 : 10;
  const abuseSeconds = ctx.quick ? 6 : 15;
  const normalId = await ctx.newDocument(`S7 normal ${server.kind}`);
  const abuseId = await ctx.newDocument(`S7 abuse ${server.kind}`);
  const cookie = await ctx.cookieFor(server);
  const live = await openLiveDocument(server, normalId, cookie, 10, 's7');
  live.setPhase('warmup');
  live.startEditing({ editsPerSecond: 20, awarenessHz: 1 });
  await sleep(2000);
  live.setPhase('quiet');
  await sleep(quietSeconds * 1000);
  const before = await server.memory(true);

  live.setPhase('abuse');
  const worker = spawn(
    process.execPath,
    [join(ROOT, 'tests/bench/abuse-worker.mjs'), server.wsUrl, abuseId, cookie ?? '-', String(abuseSeconds * 1000)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  worker.stdout.on('data', (c) => (out += c));
  worker.stderr.on('data', (c) => (err += c));
  const workerDone = new Promise((resolve) => worker.once('exit', (code) => resolve(code)));
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const m = await server.memory(false).catch(() => null);
      if (!m) break;
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      await sleep(250);
    }
  })();
  const exitCode = await Promise.race([workerDone, sleep((abuseSeconds + 30) * 1000).then(() => 'timeout')]);
  if (exitCode === 'timeout') worker.kill('SIGKILL');
  sampling = false;
  await sampler;
  live.setPhase('after');
  await sleep(2000);
  live.stopEditing();
  await live.settle(10_000);
  const after = server.alive() ? await server.memory(true).catch(() => null) : null;
  const result = live.results();
  live.close();

  let health = null;
  try {
    const response = await fetch(server.kind === 'ours' ? `${server.baseUrl}/api/health` : server.baseUrl);
    health = response.status;
  } catch (error) {
    health = `unreachable: ${error.message}`;
  }
  let abuse = null;
  try {
    abuse = JSON.parse(out.trim().split('\n').pop());
  } catch {
    abuse = { error: `abuse worker: exit ${exitCode}: ${err.slice(0, 500)}` };
  }
  const closeStats = (list) => {
    const closed = list.filter((r) => r.closed && r.ms !== undefined);
    return {
      attempts: list.length,
      closed: closed.length,
      closedWithin1s: closed.filter((r) => r.ms <= 1000).length,
      notClosed: list.filter((r) => r.closed === false).length,
      refused: list.filter((r) => r.refused).length,
      codes: [...new Set(list.map((r) => r.code).filter((c) => c !== undefined))],
      ms: summarize(closed.map((r) => r.ms)),
    };
  };
  return {
    quiet: result.byPhase.quiet,
    abuse: result.byPhase.abuse,
    sent: result.sent,
    drops: result.drops,
    disconnected: result.disconnected,
    reconnects: result.reconnects,
    memBefore: before,
    memAfter: after,
    peakRssGrowth: peakRss - before.rss,
    peakHeapGrowth: peakHeap - before.heapUsed,
    gcRssGrowth: after ? after.rss - before.rss : null,
    gcHeapGrowth: after ? after.heapUsed - before.heapUsed : null,
    alive: server.alive(),
    health,
    oversized: abuse.oversized ? closeStats(abuse.oversized) : null,
    malformed: abuse.malformed ? closeStats(abuse.malformed) : null,
    flood: abuse.flood ?? null,
    rapid: abuse.rapid ?? null,
    workerError: abuse.error ?? null,
  };
}
