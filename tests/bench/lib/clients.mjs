// Load-generator side: Node y-websocket clients (one Y.Doc each) with the session cookie, raw sockets for
// abuse, and small statistics helpers. Everything here runs in the bench process, never in a server.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, require } from './servers.mjs';

export const Y = require('yjs');
export const WebSocket = require('ws');
const { WebsocketProvider } = require('y-websocket');
export const encoding = require('lib0/encoding');
export const decoding = require('lib0/decoding');
export const syncProtocol = require('y-protocols/sync');

/** Our extra "saved" message type (contracts: COLLAB_MESSAGE_SAVED), sent only to clients that ask for it (COLLAB_EXTENSIONS_PARAM). */
export const MESSAGE_SAVED = 100;

export async function login(baseUrl, email, password = 'roundtable-demo') {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** A y-websocket client as the editor runs it (Node: ws with the cookie header, no BroadcastChannel). */
export function connectClient(server, documentId, cookie, { doc = new Y.Doc(), connect = true, localAddress } = {}) {
  const options = { ...(cookie ? { headers: { cookie } } : {}), ...(localAddress ? { localAddress } : {}) };
  class CookieWebSocket extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, options);
    }
  }
  const provider = new WebsocketProvider(`${server.wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: CookieWebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
    connect,
    params: { extensions: String(MESSAGE_SAVED) },
  });
  const counters = { saved: 0, closes: [] };
  provider.messageHandlers[MESSAGE_SAVED] = () => {
    counters.saved += 1;
  };
  provider.on('connection-close', (event) => counters.closes.push(event?.code ?? null));
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  return { doc, provider, counters, destroy };
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor(condition, timeoutMs, what) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
}

/** y-websocket sync "update" message around a Yjs update. */
export function updateMessage(update) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The bench paragraph: a Y.XmlElement('paragraph', bench=<tag>) in the 'default' fragment, holding one Y.XmlText. */
export function createBenchParagraph(doc, tag) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('bench', tag);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').push([paragraph]);
  return text;
}

export function findBenchText(doc, tag) {
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('bench') === tag) {
      const first = node.get(0);
      if (first instanceof Y.XmlText) return first;
    }
  }
  return null;
}

export function plainText(xmlText) {
  return Y.Text.prototype.toString.call(xmlText);
}

/** The B4 trace (tests/bench/data, CC BY 4.0). */
export function loadTrace() {
  return JSON.parse(gunzipSync(readFileSync(join(ROOT, 'tests/bench/data/automerge-paper.json.gz'))).toString('utf8'));
}

/**
 * Applies every B4 operation to a Y.XmlText inside a paragraph of the 'default' fragment (the editor's
 * layout), one transaction per operation, and captures each resulting update. The first operation's
 * transaction also creates the paragraph, so there is exactly one update per operation.
 */
export function traceToUpdates(trace) {
  const doc = new Y.Doc();
  const updates = [];
  const clocks = [];
  doc.on('update', (update) => {
    updates.push(update);
    clocks.push(Y.getState(doc.store, doc.clientID));
  });
  let text = null;
  let ops = 0;
  for (const txn of trace.txns) {
    for (const [pos, deleted, inserted] of txn.patches) {
      doc.transact(() => {
        if (!text) text = createBenchParagraph(doc, 'b4');
        if (deleted > 0) text.delete(pos, deleted);
        if (inserted.length > 0) text.insert(pos, inserted);
      });
      ops += 1;
    }
  }
  if (plainText(text) !== trace.endContent) throw new Error('B4 replay does not reproduce endContent');
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return {
    updates,
    clocks,
    clientID: doc.clientID,
    ops,
    stateBytes: state.byteLength,
    updateBytes: updates.reduce((n, u) => n + u.byteLength, 0),
  };
}

/** The Yjs update of a new document's seeded template, computed with the server's own code from dist/. */
export function templateUpdate(type = 'position-paper', title = 'Bench') {
  const dist = DIST;
  const { initialContent } = require(join(dist, 'libs/api/collaboration/src/index.js'));
  const { editorExtensions, EDITOR_FRAGMENT } = require(join(dist, 'libs/shared/editor-schema/src/index.js'));
  const { getSchema } = require('@tiptap/core');
  const { prosemirrorJSONToYDoc } = require('@tiptap/y-tiptap');
  const seeded = prosemirrorJSONToYDoc(getSchema(editorExtensions()), initialContent(type, title), EDITOR_FRAGMENT);
  const update = Y.encodeStateAsUpdate(seeded);
  seeded.destroy();
  return update;
}

/**
 * Opens a raw socket (no y-websocket logic). `localAddress` picks the client's source address on the
 * loopback (any 127.x.y.z works on Linux), so that clients can look like different users to per-address limits.
 */
export function rawSocket(server, documentId, cookie, localAddress) {
  return new WebSocket(`${server.wsUrl}/collab/${documentId}?extensions=${MESSAGE_SAVED}`, {
    ...(cookie ? { headers: { cookie } } : {}),
    ...(localAddress ? { localAddress } : {}),
  });
}
