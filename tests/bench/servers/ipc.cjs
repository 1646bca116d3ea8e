// Shared by the server children: answers the bench's requests over the IPC channel with this process's
// own numbers (memory, CPU), so the load generator's memory and CPU never pollute them.
'use strict';

function collect() {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
}

function serveIpc(handlers = {}) {
  process.on('message', async (message) => {
    if (!message || typeof message !== 'object' || message.id === undefined) return;
    const reply = (body) => process.send?.({ id: message.id, ...body });
    try {
      switch (message.cmd) {
        case 'mem': {
          if (message.gc) {
            collect();
            await new Promise((resolve) => setTimeout(resolve, 50));
            collect();
          }
          return reply({ ok: true, value: { ...process.memoryUsage(), ...(handlers.extra ? handlers.extra() : {}) } });
        }
        case 'cpu':
          return reply({ ok: true, value: process.cpuUsage() });
        case 'heapsnapshot': {
          // BENCH_HEAP_SNAPSHOT=<dir>: where a scenario asks for one (S2 when loaded), to see what an open document holds.
          collect();
          const file = require('v8').writeHeapSnapshot(
            require('path').join(message.dir, `${message.label}-${process.pid}.heapsnapshot`),
          );
          return reply({ ok: true, value: file });
        }
        default: {
          const handler = handlers[message.cmd];
          if (!handler) return reply({ ok: false, error: `unknown command ${message.cmd}` });
          return reply({ ok: true, value: await handler(message) });
        }
      }
    } catch (error) {
      reply({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

module.exports = { serveIpc };
