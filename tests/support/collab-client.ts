import { COLLAB_EXTENSIONS_PARAM, COLLAB_MESSAGE_COMMENTS_CHANGED, COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
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
 * `socketClass` replaces the cookie-sending WebSocket (e.g. one that counts what it sends).
 */
export function connectCollab(
  baseUrl: string,
  documentId: string,
  cookie: string | null,
  {
    stock = false,
    socketClass,
  }: { stock?: boolean; socketClass?: new (url: string, protocols?: string | string[]) => WebSocket } = {},
): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, documentId, doc, {
    WebSocketPolyfill: (socketClass ?? CookieWebSocket) as unknown as typeof globalThis.WebSocket,
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
    const socket = new WebSocket(
      `${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}`,
      cookie ? { headers: { cookie } } : {},
    );
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

/** Which update message of which of a client's sockets carried an edit (null: sent while offline). */
export type Receipt = { socket: number; seq: number } | null;

/**
 * A y-websocket client (reconnecting like the editor) that knows which of its edits the server said are
 * saved: it counts the update messages (sync step 2 / update) it sends on each socket and reads the
 * server's acknowledgements ("the first n update messages of this socket are stored").
 */
export class TrackedCollabClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Per socket (in the order the provider opened them): update messages sent, and acknowledged. */
  private readonly sent: number[] = [];
  private readonly saved: number[] = [];
  readonly closeCodes: number[] = [];

  constructor(baseUrl: string, documentId: string, cookie: string) {
    const sent = this.sent;
    const saved = this.saved;
    class CountingWebSocket extends WebSocket {
      readonly index = sent.length;
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } });
        sent.push(0);
        saved.push(0);
      }
      override send(data: Uint8Array): void {
        super.send(data);
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) !== 0) sent[this.index]++;
      }
    }
    const connection = connectCollab(baseUrl, documentId, cookie, { socketClass: CountingWebSocket });
    this.doc = connection.doc;
    this.provider = connection.provider;
    this.provider.messageHandlers[COLLAB_MESSAGE_SAVED] = (_encoder, decoder) => {
      const socket = this.sent.length - 1;
      this.saved[socket] = Math.max(this.saved[socket], decoding.readVarUint(decoder));
    };
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) this.closeCodes.push(event.code);
    });
  }

  /** Runs an edit on the doc (the provider sends it at once when connected) and says which message carried it. */
  edit(change: (doc: Y.Doc) => void): Receipt {
    const socket = this.sent.length - 1;
    const before = socket >= 0 ? this.sent[socket] : 0;
    change(this.doc);
    return socket >= 0 && this.sent[socket] > before ? { socket, seq: this.sent[socket] } : null;
  }

  /** Synced, and every update message sent on the current socket acknowledged. */
  get allSaved(): boolean {
    const socket = this.sent.length - 1;
    return this.provider.synced && this.provider.wsconnected && this.saved[socket] >= this.sent[socket];
  }

  /** Whether the server told this client that the edit is saved. */
  isSaved(receipt: Receipt): boolean {
    return receipt !== null && this.saved[receipt.socket] >= receipt.seq;
  }
}
