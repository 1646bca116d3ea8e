// Our server, exactly as built in dist/ (createApp from apps/api bootstrap: REST, sessions, access
// checks, /collab socket persisting to PostgreSQL), in its own process, answering the bench over IPC.
'use strict';
require('reflect-metadata');
const { join } = require('path');

const dist = process.env.BENCH_DIST || join(__dirname, '..', '..', '..', 'dist', 'api');
const { createApp } = require(join(dist, 'apps/api/src/bootstrap.js'));
const collaboration = require(join(dist, 'libs/api/collaboration/src/index.js'));
const { serveIpc } = require('./ipc.cjs');

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const app = await createApp({ databaseUrl, webDist: null, logger: ['error', 'warn'] });
  const { DataSource } = require('typeorm');
  if (process.env.BENCH_SEED === 'true') {
    const { seedDemo } = require(join(dist, 'libs/api/demo/src/index.js'));
    await seedDemo(app.get(DataSource));
  }
  await app.listen(0, '127.0.0.1');
  const store = app.get(collaboration.DocumentStore);
  let collab = null;
  try {
    // CollaborationServer is not exported from the library's index; find it among the module's providers.
    const { CollaborationServer } = require(join(dist, 'libs/api/collaboration/src/collaboration.server.js'));
    collab = app.get(CollaborationServer);
  } catch {
    collab = null;
  }
  // Older builds kept the rooms map and the WebSocketServer on CollaborationServer itself; now CollabRooms and
  // CollabUpgrades hold them.
  const roomsOf = (c) => (c && c.rooms instanceof Map ? c.rooms : c && c.rooms && c.rooms.rooms);
  const wssOf = (c) => c && (c.wss || (c.upgrades && c.upgrades.wss));
  serveIpc({
    extra: () => ({
      rooms: roomsOf(collab) instanceof Map ? roomsOf(collab).size : null,
      sockets: wssOf(collab) ? wssOf(collab).clients.size : null,
    }),
    compactInfo: () => ({ hasCompact: typeof store.compact === 'function' }),
    compact: async ({ documentId }) => {
      if (typeof store.compact !== 'function') return { available: false };
      const started = performance.now();
      const result = await store.compact(documentId);
      return { available: true, result, ms: performance.now() - started };
    },
  });
  // Graceful stop, so that --cpu-prof (BENCH_CPU_PROF) can write its profile on exit.
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
  process.send?.({ ready: true, port: app.getHttpServer().address().port });
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
