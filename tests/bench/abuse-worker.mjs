// S7's offenders, in their own process so their CPU does not slow the measured clients' event loop:
// oversized messages (> 1.5 MB), malformed messages, a flood of connection attempts, and one client
// sending valid updates as fast as its socket drains. Prints one JSON line with what happened.
import { Y, WebSocket, rawSocket, sleep, summarize, updateMessage } from './lib/clients.mjs';

const [wsUrl, documentId, cookieArg, durationArg] = process.argv.slice(2);
const cookie = cookieArg === '-' ? null : cookieArg;
const server = { wsUrl };
const durationMs = Number(durationArg);
const deadline = Date.now() + durationMs;
const CLOSE_WAIT_MS = 3000;
/** Each kind of offender comes from its own loopback address; the normal document's clients use 127.0.0.1. */
const ADDRESS = { oversized: '127.0.0.2', malformed: '127.0.0.3', flood: '127.0.0.4', rapid: '127.0.0.5' };
process.setMaxListeners(0);

/** Opens a socket, sends `payload` once open, and resolves with how long the server took to close it. */
function offend(payload, binary, localAddress) {
  return new Promise((resolve) => {
    const socket = rawSocket(server, documentId, cookie, localAddress);
    let sentAt = null;
    let timer = null;
    const finish = (result) => {
      clearTimeout(timer);
      resolve(result);
    };
    socket.on('open', () => {
      sentAt = performance.now();
      socket.send(payload, { binary });
      timer = setTimeout(() => {
        socket.terminate();
        finish({ closed: false });
      }, CLOSE_WAIT_MS);
    });
    socket.on('close', (code) =>
      finish(
        sentAt === null
          ? { closed: true, beforeSend: true, code }
          : { closed: true, ms: performance.now() - sentAt, code },
      ),
    );
    socket.on('unexpected-response', (_req, response) => {
      socket.terminate();
      finish({ refused: response.statusCode });
    });
    socket.on('error', () => undefined);
  });
}

function bigUpdate() {
  const doc = new Y.Doc();
  doc.getText('paste').insert(0, 'x'.repeat(2_000_000));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return updateMessage(update);
}

const MALFORMED = [
  // a sync "update" whose Yjs payload is garbage
  Uint8Array.from([0, 2, 12, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x07, 0xee, 0x01, 0x02, 0x03, 0x04, 0x05]),
  // an unknown message type
  Uint8Array.from([0xc8, 0x01, 0x01, 0x02, 0x03]),
  // a truncated sync message
  Uint8Array.from([0, 2, 0x80]),
];

async function oversizedLoop(results) {
  while (Date.now() < deadline) {
    results.push(await offend(bigUpdate(), true, ADDRESS.oversized));
    await sleep(700);
  }
}

async function malformedLoop(results) {
  let i = 0;
  while (Date.now() < deadline) {
    const variant = i++ % (MALFORMED.length + 1);
    results.push(
      variant === MALFORMED.length
        ? await offend('not a y-websocket message', false, ADDRESS.malformed)
        : await offend(MALFORMED[variant], true, ADDRESS.malformed),
    );
    await sleep(300);
  }
}

async function floodLoop(stats) {
  const handshake = [];
  let pending = 0;
  while (Date.now() < deadline) {
    for (let i = 0; i < 25 && pending < 400; i++) {
      const withCookie = stats.attempts % 2 === 0;
      stats.attempts += 1;
      pending += 1;
      const started = performance.now();
      const socket = rawSocket(server, documentId, withCookie ? cookie : null, ADDRESS.flood);
      let settled = false;
      const settle = (kind) => {
        if (settled) return;
        settled = true;
        pending -= 1;
        handshake.push(performance.now() - started);
        stats[kind] = (stats[kind] ?? 0) + 1;
      };
      socket.on('open', () => {
        settle('opened');
        socket.close();
      });
      socket.on('unexpected-response', (_req, response) => {
        settle(`refused${response.statusCode}`);
        socket.terminate();
      });
      socket.on('error', () => settle('errors'));
    }
    await sleep(100);
  }
  const started = Date.now();
  while (pending > 0 && Date.now() - started < 5000) await sleep(20);
  stats.unsettled = pending;
  stats.handshake = summarize(handshake);
}

async function rapidLoop(stats) {
  const socket = rawSocket(server, documentId, cookie, ADDRESS.rapid);
  socket.on('error', () => undefined);
  await new Promise((resolve) => {
    socket.once('open', resolve);
    socket.once('close', resolve);
  });
  if (socket.readyState !== WebSocket.OPEN) {
    stats.notOpened = true;
    return;
  }
  const doc = new Y.Doc();
  const text = doc.getText('rapid');
  let pendingUpdate = null;
  doc.on('update', (update) => (pendingUpdate = update));
  const startedAt = performance.now();
  socket.on('close', (code) => {
    stats.closedAfterMs = performance.now() - startedAt;
    stats.closeCode = code;
  });
  while (Date.now() < deadline && socket.readyState === WebSocket.OPEN) {
    if (socket.bufferedAmount < 512 * 1024) {
      for (let i = 0; i < 100; i++) {
        text.insert(text.length, 'r');
        socket.send(updateMessage(pendingUpdate));
        stats.sent += 1;
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  stats.seconds = (performance.now() - startedAt) / 1000;
  if (socket.readyState === WebSocket.OPEN) socket.close();
}

async function main() {
  const oversized = [];
  const malformed = [];
  const flood = { attempts: 0 };
  const rapid = { sent: 0, closedAfterMs: null, closeCode: null };
  await Promise.all([oversizedLoop(oversized), malformedLoop(malformed), floodLoop(flood), rapidLoop(rapid)]);
  process.stdout.write(JSON.stringify({ oversized, malformed, flood, rapid }) + '\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
