// S1-saturation: one document, 200 clients, awareness 1 Hz; the total edit rate steps up until the p99
// propagation latency reaches 100 ms (or edits are lost, or the clients cannot keep the rate). The result is
// the highest rate whose step held: the sustained edits/s at p99 < 100 ms.
import { sleep } from '../lib/clients.mjs';
import { openLiveDocument } from '../lib/live.mjs';

export const SATURATION_CLIENTS = 200;
export const SATURATION_P99_MS = 100;

/** Total edits/s of each step, in order; a run stops at the first step that does not hold. */
export function saturationRates(quick) {
  return quick ? [50, 100, 200] : [50, 100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1600, 2000];
}

export async function runS1Saturation(server, ctx) {
  const clients = SATURATION_CLIENTS;
  const stepSeconds = ctx.quick ? 3 : 8;
  const documentId = await ctx.newDocument(`S1-saturation ${server.kind}`);
  const cookie = await ctx.cookieFor(server);
  // Our server allows so many upgrades per address and minute: the clients come from 127.2.0.1–200, like users.
  const live = await openLiveDocument(server, documentId, cookie, clients, 's1sat', {
    maxEdits: 120_000,
    localAddressOf: (i) => `127.2.${Math.floor(i / 200)}.${1 + (i % 200)}`,
  });
  const steps = [];
  let saturation = 0;
  try {
    for (const rate of saturationRates(ctx.quick)) {
      // One second at the new rate before measuring, so the queues of the step before have drained.
      live.setPhase(`warm-up ${rate}`);
      live.startEditing({ editsPerSecond: rate, awarenessHz: 1 });
      await sleep(1000);
      live.setPhase(`rate ${rate}`);
      const sentBefore = live.sentCount();
      const started = performance.now();
      await sleep(stepSeconds * 1000);
      const achieved = (live.sentCount() - sentBefore) / ((performance.now() - started) / 1000);
      live.stopEditing();
      // A step far past saturation leaves a backlog; what has not arrived 15 s after it counts as dropped.
      await live.settle(5000, 15_000);
      const result = live.results();
      const latency = result.byPhase[`rate ${rate}`] ?? null;
      // Drops are counted over every edit so far; a step with any ends the run, so they are this step's.
      const held = latency !== null && latency.p99 < SATURATION_P99_MS && result.drops === 0 && achieved >= 0.9 * rate;
      steps.push({
        rate,
        achieved,
        p50: latency?.p50 ?? null,
        p99: latency?.p99 ?? null,
        n: latency?.n ?? 0,
        drops: result.drops,
        reconnects: result.reconnects,
        held,
      });
      ctx.log(
        `S1-saturation ${server.kind}: ${rate}/s → ${achieved.toFixed(0)}/s sent, p99 ${latency?.p99?.toFixed(1)} ms, drops ${result.drops}${held ? '' : ' (stop)'}`,
      );
      if (!held) break;
      saturation = rate;
    }
  } finally {
    live.close();
  }
  return { clients, stepSeconds, steps, saturation, lastRate: steps.at(-1)?.rate ?? 0 };
}
