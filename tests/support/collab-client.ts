import { COLLAB_EXTENSIONS_PARAM, COLLAB_MESSAGE_COMMENTS_CHANGED, COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The extra message types the web editor asks for (COLLAB_EXTENSIONS_PARAM), as a query string value. */
export const EDITOR_EXTENSIONS = `${COLLAB_MESSAGE_SAVED},${COLLAB_MESSAGE_COMMENTS_CHANGED}`;

/** WebSocket URL of a document's collaboration socket, asking for our extra message types as the web editor does. */
export function collabSocketUrl(baseUrl: string, documentId: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}?${COLLAB_EXTENSIONS_PARAM}=${EDITOR_EXTENSIONS}`;
}

/**
 * A y-websocket client as a Node process would run it, sending the session cookie like a browser. It asks
 * for the "saved" acknowledgements like the web editor, unless `stock` (a plain y-websocket client).
 */
export function connectCollab(baseUrl: string, documentId: string, cookie: string | null, { stock = false } = {}): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params: stock ? {} : { [COLLAB_EXTENSIONS_PARAM]: String(COLLAB_MESSAGE_SAVED) },
  });
  // Our server's "saved" acknowledgement, when asked for; nothing to answer.
  if (!stock) provider.messageHandlers[COLLAB_MESSAGE_SAVED] = () => undefined;
  // Destroying the doc also stops the awareness' timer, which would otherwise keep the process alive.
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    destroy();
    doc.destroy();
  };
  return { doc, provider };
}

export function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

export function waitForSync(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced, 5000, 'sync');
}

/** Appends a paragraph with `text` to the editor fragment, as the Tiptap editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

export function fragmentText(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString();
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade (or 101 if accepted). */
export function upgradeStatus(baseUrl: string, documentId: string, cookie: string | null): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}`, cookie ? { headers: { cookie } } : {});
    socket.on('unexpected-response', (_req, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => undefined);
  });
}
