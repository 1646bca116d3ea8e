// S2: 1,000 documents × 3 clients each. Server memory (measured inside the server process, after GC) per
// open document, and how fast it returns to the baseline once everyone has left.
import { readFileSync } from 'node:fs';
import { Y, connectClient, sleep, templateUpdate, waitFor } from '../lib/clients.mjs';

const CLIENTS_PER_DOCUMENT = 3;

function openFileLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return line ? Number(line.split(/\s+/)[3]) : 1024;
}

export async function runS2(server, ctx) {
  let documents = ctx.quick ? 100 : 1000;
  const limit = openFileLimit();
  // This process holds every client socket and the server child as many again; keep a margin for PostgreSQL and files.
  const fits = Math.floor((limit - 500) / CLIENTS_PER_DOCUMENT);
  const reducedFrom = fits < documents ? documents : null;
  if (fits < documents) documents = Math.max(10, fits);
  ctx.s2Documents ??= await ctx.newDocuments(documents, 'S2');
  const ids = ctx.s2Documents.slice(0, documents);
  const cookie = await ctx.cookieFor(server);
  // The reference starts documents empty; our server seeds the template. Give the reference the same content.
  const template = server.kind === 'reference' ? templateUpdate() : null;

  // Each document's three clients come from their own loopback address (127.1.x.y), like different users:
  // our server allows only so many upgrades per address and minute.
  const addressOf = new Map(ids.map((id, i) => [id, `127.1.${Math.floor(i / 200)}.${1 + (i % 200)}`]));
  const open = (documentId, index) => {
    const doc = new Y.Doc();
    if (template && index === 0) Y.applyUpdate(doc, template);
    const client = connectClient(server, documentId, cookie, {
      doc,
      localAddress: addressOf.get(documentId) ?? '127.0.0.1',
    });
    client.provider.awareness.setLocalStateField('user', { name: `Reader ${index}`, color: '#70CFF8' });
    return client;
  };

  // Warm-up: one document opened and closed, so lazily loaded code is not counted per document.
  const warmId = (ctx.s2Warm ??= await ctx.newDocument('S2 warm-up'));
  const warm = [0, 1, 2].map((i) => open(warmId, i));
  await waitFor(() => warm.every((c) => c.provider.synced), 30_000, 'warm-up sync');
  warm.forEach((c) => c.destroy());
  await sleep(2000);
  const baseline = await server.memory(true);
  if (process.env.BENCH_HEAP_SNAPSHOT)
    await server.request('heapsnapshot', { dir: process.env.BENCH_HEAP_SNAPSHOT, label: `s2-${server.kind}-baseline` });

  const clients = [];
  const connectStarted = performance.now();
  const wave = 50;
  for (let i = 0; i < ids.length; i += wave) {
    const batch = [];
    for (const documentId of ids.slice(i, i + wave))
      for (let c = 0; c < CLIENTS_PER_DOCUMENT; c++) batch.push(open(documentId, c));
    clients.push(...batch);
    await waitFor(() => batch.every((c) => c.provider.synced), 120_000, `documents ${i}..${i + wave} synced`);
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await sleep(3000);
  const loaded = await server.memory(true);
  if (process.env.BENCH_HEAP_SNAPSHOT)
    await server.request('heapsnapshot', { dir: process.env.BENCH_HEAP_SNAPSHOT, label: `s2-${server.kind}-loaded` });
  const connected = clients.filter((c) => c.provider.wsconnected).length;

  const leftAt = performance.now();
  for (const c of clients) c.destroy();
  const series = [];
  let rssBackAt = null;
  let heapBackAt = null;
  const within = (value, base) => Math.abs(value - base) <= 0.1 * base;
  while (performance.now() - leftAt < 60_000) {
    await sleep(2000);
    const m = await server.memory(true);
    const t = (performance.now() - leftAt) / 1000;
    series.push({ t, rss: m.rss, heapUsed: m.heapUsed, rooms: m.rooms });
    if (rssBackAt === null && within(m.rss, baseline.rss)) rssBackAt = t;
    if (heapBackAt === null && within(m.heapUsed, baseline.heapUsed)) heapBackAt = t;
    if (rssBackAt !== null && heapBackAt !== null) break;
  }
  const after = series[series.length - 1];
  return {
    documents,
    sockets: clients.length,
    reducedFrom,
    openFileLimit: limit,
    connectSeconds,
    connected,
    baseline,
    loaded,
    rssPerDocument: (loaded.rss - baseline.rss) / documents,
    heapPerDocument: (loaded.heapUsed - baseline.heapUsed) / documents,
    externalPerDocument: (loaded.external - baseline.external) / documents,
    roomsOpen: loaded.rooms,
    after,
    rssBackAt,
    heapBackAt,
    series,
  };
}
