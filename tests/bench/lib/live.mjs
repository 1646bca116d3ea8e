// A live document with N y-websocket clients that edit at a fixed total rate and send awareness at 1 Hz.
// Every edit inserts "#<edit>:<send time>;" at the end of a Y.XmlText in a paragraph of the 'default'
// fragment; every other client records the time it observed that edit. All clients live in this process,
// so one clock (performance.now) serves sender and receivers.
import { Y, connectClient, createBenchParagraph, findBenchText, sleep, summarize, waitFor } from './clients.mjs';

const TOKEN = /#(\d+):(\d+\.\d+);/g;
const COLORS = ['#958DF1', '#F98181', '#FBBC88', '#FAF594', '#70CFF8', '#94FADB', '#B9F18D'];

export async function openLiveDocument(
  server,
  documentId,
  cookie,
  count,
  tag,
  { maxEdits = 20_000, localAddressOf = () => undefined } = {},
) {
  const clients = [];
  for (let i = 0; i < count; i++)
    clients.push(connectClient(server, documentId, cookie, { localAddress: localAddressOf(i) }));
  await waitFor(() => clients.every((c) => c.provider.synced), 60_000, `${count} clients synced`);
  clients[0].doc.transact(() => createBenchParagraph(clients[0].doc, tag));
  await waitFor(() => clients.every((c) => findBenchText(c.doc, tag)), 20_000, 'the bench paragraph on every client');
  const texts = clients.map((c) => findBenchText(c.doc, tag));

  const seen = clients.map(() => new Uint8Array(maxEdits));
  const receipts = new Uint32Array(maxEdits);
  const editPhase = [];
  const samples = new Map(); // phase -> latencies (ms)
  let phase = 'warmup';
  let sent = 0;
  let received = 0;

  // Receipts are read from each update the client applies (Y.decodeUpdate: cost independent of the document's
  // length), not from the Y.Text observer, whose event.delta walks the whole text on every event.
  clients.forEach((client, receiver) => {
    client.doc.on('update', (update, origin) => {
      if (origin !== client.provider) return;
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        const str = struct.content && struct.content.str;
        if (typeof str !== 'string' || !str.includes('#')) continue;
        for (const match of str.matchAll(TOKEN)) {
          const edit = Number(match[1]);
          if (edit >= maxEdits || seen[receiver][edit]) continue;
          seen[receiver][edit] = 1;
          receipts[edit] += 1;
          received += 1;
          const list = samples.get(editPhase[edit]) ?? [];
          list.push(now - Number(match[2]));
          samples.set(editPhase[edit], list);
        }
      }
    });
  });

  clients.forEach((c, i) =>
    c.provider.awareness.setLocalStateField('user', { name: `Bench ${i}`, color: COLORS[i % COLORS.length] }),
  );

  let editTimer = null;
  const awarenessTimers = [];
  let stopped = true;

  function startEditing({ editsPerSecond, awarenessHz = 1 }) {
    stopped = false;
    const interval = 1000 / editsPerSecond;
    const started = performance.now();
    // Edits sent before this call (an earlier rate) do not count against this one's schedule.
    const base = sent;
    const tick = () => {
      if (stopped) return;
      const now = performance.now();
      while (!stopped && sent < maxEdits && started + (sent - base) * interval <= now) {
        const edit = sent;
        const sender = edit % clients.length;
        const text = texts[sender];
        editPhase[edit] = phase;
        sent += 1;
        text.insert(text.length, `#${edit}:${performance.now().toFixed(3)};`);
      }
      editTimer = setTimeout(tick, Math.max(0, started + (sent - base) * interval - performance.now()));
    };
    tick();
    clients.forEach((c, i) => {
      const start = setTimeout(() => {
        const timer = setInterval(() => {
          c.provider.awareness.setLocalStateField('cursor', {
            anchor: Math.floor(Math.random() * 1000),
            head: Math.floor(Math.random() * 1000),
            client: i,
          });
        }, 1000 / awarenessHz);
        awarenessTimers.push(timer);
      }, Math.random() * 1000);
      awarenessTimers.push(start);
    });
  }

  function stopEditing() {
    stopped = true;
    clearTimeout(editTimer);
    for (const timer of awarenessTimers) {
      clearTimeout(timer);
      clearInterval(timer);
    }
  }

  /** Waits until every sent edit reached every other client, nothing arrived for `quietMs`, or `maxMs` passed. */
  async function settle(quietMs = 10_000, maxMs = Infinity) {
    const expected = () => sent * (clients.length - 1);
    const started = Date.now();
    let last = received;
    let lastChange = Date.now();
    while (received < expected() && Date.now() - lastChange < quietMs && Date.now() - started < maxMs) {
      await sleep(50);
      if (received !== last) {
        last = received;
        lastChange = Date.now();
      }
    }
  }

  function results() {
    const byPhase = {};
    for (const [name, list] of samples) byPhase[name] = summarize(list);
    let missingPairs = 0;
    let editsMissing = 0;
    for (let edit = 0; edit < sent; edit++) {
      const missing = clients.length - 1 - receipts[edit];
      missingPairs += missing;
      if (missing > 0) editsMissing += 1;
    }
    const disconnected = clients.filter((c) => !c.provider.wsconnected).length;
    const reconnects = clients.reduce((n, c) => n + c.counters.closes.length, 0);
    return {
      sent,
      received,
      expected: sent * (clients.length - 1),
      drops: missingPairs,
      editsMissing,
      byPhase,
      disconnected,
      reconnects,
      saved: clients.reduce((n, c) => n + c.counters.saved, 0),
    };
  }

  return {
    clients,
    texts,
    setPhase: (name) => (phase = name),
    sentCount: () => sent,
    startEditing,
    stopEditing,
    settle,
    results,
    close: () => {
      stopEditing();
      for (const c of clients) c.destroy();
    },
  };
}

/** Every "#<edit>:" token in a text. */
export function tokensIn(text) {
  const found = new Set();
  for (const match of text.matchAll(TOKEN)) found.add(Number(match[1]));
  return found;
}
