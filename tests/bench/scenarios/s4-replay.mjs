// S4: one client replays B4 through the server, every operation its own update message, paced to keep at
// most 1,000 un-relayed updates in flight; an observer client waits until its text equals endContent.
import {
  Y,
  connectClient,
  findBenchText,
  plainText,
  rawSocket,
  sleep,
  updateMessage,
  waitFor,
} from '../lib/clients.mjs';
import { postgresCpuSeconds } from '../lib/servers.mjs';

const IN_FLIGHT = 1000;
const TIMEOUT_MS = 170_000;

export async function runS4(server, ctx) {
  const total = ctx.quick ? 30_000 : ctx.trace.updates.length;
  const updates = ctx.trace.updates.slice(0, total);
  let expected = ctx.trace.endContent;
  if (total < ctx.trace.updates.length) {
    const scratch = new Y.Doc();
    for (const u of updates) Y.applyUpdate(scratch, u);
    expected = plainText(findBenchText(scratch, 'b4'));
    scratch.destroy();
  }
  const encoded = updates.map(updateMessage);
  const documentId = await ctx.newDocument(`S4 ${server.kind}`);
  const cookie = await ctx.cookieFor(server);

  const observer = connectClient(server, documentId, cookie);
  await waitFor(() => observer.provider.synced, 30_000, 'observer sync');
  // Progress = how many operations the observer has, read from its state vector (the replaying client's
  // clock after each operation is known): a server may relay several updates merged into one message.
  const { clocks, clientID } = ctx.trace;
  let received = 0;
  let messages = 0;
  let sent = 0;
  let wake = null;
  observer.doc.on('update', (_update, origin) => {
    if (origin !== observer.provider) return;
    messages += 1;
    const clock = Y.getState(observer.doc.store, clientID);
    while (received < total && clocks[received] <= clock) received += 1;
    if (wake && sent - received <= IN_FLIGHT - 100) {
      const w = wake;
      wake = null;
      setImmediate(w);
    }
  });

  const sender = rawSocket(server, documentId, cookie);
  let senderClose = null;
  sender.on('close', (code) => (senderClose = code));
  sender.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    sender.once('open', resolve);
    sender.once('error', reject);
  });
  await sleep(200);

  const cpuBefore = await server.cpu();
  const pgBefore = postgresCpuSeconds(ctx.pg.dataDir);
  const started = performance.now();
  let timedOut = false;
  const deadline = started + TIMEOUT_MS;
  while (sent < total) {
    if (performance.now() > deadline || senderClose !== null) {
      timedOut = performance.now() > deadline;
      break;
    }
    while (sent < total && sent - received < IN_FLIGHT) sender.send(encoded[sent++]);
    if (sent < total) {
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(() => {
          if (wake === resolve) {
            wake = null;
            resolve();
          }
        }, 1000);
      });
    }
  }
  let done = false;
  while (!done && performance.now() < deadline && senderClose === null) {
    if (received >= total) {
      const text = findBenchText(observer.doc, 'b4');
      done = text !== null && plainText(text) === expected;
      if (!done && received >= total) await sleep(50);
    } else {
      await sleep(5);
    }
  }
  const wallSeconds = (performance.now() - started) / 1000;
  if (!done && performance.now() >= deadline) timedOut = true;
  const cpuAfter = await server.cpu();
  const pgAfter = postgresCpuSeconds(ctx.pg.dataDir);
  const memory = await server.memory(false);
  sender.close();
  observer.destroy();
  const pgCpu = pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null;
  return {
    total,
    sent,
    received,
    relayMessages: messages,
    done,
    timedOut,
    senderClose,
    wallSeconds,
    opsPerSecond: received / wallSeconds,
    cpuSeconds: (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1e6,
    postgresCpuSeconds: server.kind === 'ours' ? pgCpu : null,
    serverRss: memory.rss,
  };
}
