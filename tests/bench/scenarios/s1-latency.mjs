// S1: one document, 50 clients, 100 edits/s together plus awareness at 1 Hz per client, ~20 s.
// Propagation latency from each edit to every other client's receipt, and drops.
import { Y, findBenchText, plainText, sleep } from '../lib/clients.mjs';
import { openLiveDocument, tokensIn } from '../lib/live.mjs';
import { postgresCpuSeconds } from '../lib/servers.mjs';

export async function runS1(server, ctx) {
  const clients = ctx.quick ? 20 : 50;
  const seconds = ctx.quick ? 5 : 20;
  const documentId = await ctx.newDocument(`S1 ${server.kind}`);
  const cookie = await ctx.cookieFor(server);
  const live = await openLiveDocument(server, documentId, cookie, clients, 's1');
  const cpuBefore = await server.cpu();
  const pgBefore = server.kind === 'ours' ? postgresCpuSeconds(ctx.pg.dataDir) : null;
  live.setPhase('warmup');
  live.startEditing({ editsPerSecond: 100, awarenessHz: 1 });
  await sleep(2000);
  live.setPhase('measure');
  const started = performance.now();
  await sleep(seconds * 1000);
  live.stopEditing();
  const editingMs = performance.now() - started;
  await live.settle(10_000);
  const cpuAfter = await server.cpu();
  const pgAfter = server.kind === 'ours' ? postgresCpuSeconds(ctx.pg.dataDir) : null;
  const result = live.results();
  const finalText = plainText(live.texts[0]);
  live.close();
  let persisted = null;
  if (server.kind === 'ours') {
    await sleep(500);
    persisted = await storedTokens(ctx, documentId);
  }
  return {
    clients,
    seconds,
    editingMs,
    ...result,
    latency: result.byPhase.measure,
    cpuSeconds: (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1e6,
    postgresCpuSeconds: pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null,
    converged: tokensIn(finalText).size === result.sent,
    persisted,
  };
}

/** How many of the sent edits are in PostgreSQL (snapshot, if the table exists, plus the update log). */
export async function storedTokens(ctx, documentId) {
  const doc = new Y.Doc();
  const { snapshot, updates } = await ctx.storedState(documentId);
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const text = findBenchText(doc, 's1');
  const count = text ? tokensIn(plainText(text)).size : 0;
  doc.destroy();
  return count;
}
