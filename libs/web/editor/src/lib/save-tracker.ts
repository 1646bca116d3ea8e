import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket message type "sync" and its subtypes that carry document content. */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type SaveState = 'saving' | 'saved' | 'offline';

/**
 * Counts the update messages (sync step 2 or update) sent on the provider's current socket and the
 * server's "saved" acknowledgements (`[varUint 100][varUint n]` = the first n of them are stored).
 *
 * A message whose update is empty (no structs, no deletions) needs no storing, exactly as the server
 * decides (it drops those), so it is never "pending": whether or not the server counts it in n, the state
 * is "saved" once every non-empty message up to the last one is acknowledged. Counts restart with each socket:
 * anything sent on a socket that closed before its acknowledgement is re-sent in the next socket's
 * sync step 2 (the server answers our state vector with what it lacks).
 */
export class SaveTracker {
  private socket: object | null = null;
  /** Update messages sent on the current socket. */
  private sent = 0;
  /** 1-based position of the last non-empty update message sent on the current socket (0: none). */
  private lastNonEmpty = 0;
  /** n of the latest acknowledgement on the current socket. */
  private acked = 0;
  private readonly listeners = new Set<() => void>();

  /** Called by the socket class for every socket the provider opens. */
  socketOpened(socket: object): void {
    this.socket = socket;
    this.sent = 0;
    this.lastNonEmpty = 0;
    this.acked = 0;
    this.notify();
  }

  /** Called after `socket.send(data)`; only update messages on the current socket count. */
  messageSent(socket: object, data: unknown): void {
    if (socket !== this.socket) return;
    const update = updateOfMessage(data);
    if (!update) return;
    this.sent += 1;
    if (!isEmptyUpdate(update)) this.lastNonEmpty = this.sent;
    this.notify();
  }

  /** The server stored the first n update messages of the current socket. */
  acknowledged(n: number): void {
    if (n <= this.acked) return;
    this.acked = n;
    this.notify();
  }

  /** Whether a non-empty update sent on the current socket is not yet acknowledged. */
  get pending(): boolean {
    return this.lastNonEmpty > this.acked;
  }

  /** For diagnostics and tests. */
  get counts(): { sent: number; acked: number; lastNonEmpty: number } {
    return { sent: this.sent, acked: this.acked, lastNonEmpty: this.lastNonEmpty };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The update carried by a y-websocket message of type sync / subtype step 2 or update, else null. */
export function updateOfMessage(data: unknown): Uint8Array | null {
  const bytes = asBytes(data);
  if (!bytes || bytes.length < 2) return null;
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    const subtype = decoding.readVarUint(decoder);
    if (subtype !== SYNC_STEP_2 && subtype !== SYNC_UPDATE) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

/** The server's own test: an update without structs and without deletions is not stored. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  try {
    const decoded = Y.decodeUpdate(update);
    return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
  } catch {
    return false;
  }
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

type WebSocketClass = typeof WebSocket;

/**
 * A WebSocket class for `WebsocketProvider`'s `WebSocketPolyfill` option that reports each new socket and
 * each outgoing message to the tracker (the provider creates one socket per connection attempt).
 */
export function trackingWebSocket(tracker: SaveTracker, Base: WebSocketClass = WebSocket): WebSocketClass {
  return class TrackingWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tracker.socketOpened(this);
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data);
      tracker.messageSent(this, data);
    }
  };
}

/**
 * Handler for `provider.messageHandlers[COLLAB_MESSAGE_SAVED]`: reads n and writes nothing to the encoder,
 * so y-websocket sends no answer (it only sends when the encoder holds more than the message type).
 * The provider only dispatches messages of its current socket.
 */
export function savedMessageHandler(
  tracker: SaveTracker,
): (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void {
  return (_encoder, decoder) => {
    tracker.acknowledged(decoding.readVarUint(decoder));
  };
}

/**
 * What the user is told:
 * - offline while the socket is down after having been open or after a failed attempt (edits stay in IndexedDB);
 * - saved only once the server's state was received (so our sync step 2, sent before, is counted) and every
 *   non-empty update of this socket is acknowledged;
 * - saving otherwise (first connection, sync in progress, or anything unacknowledged — also forever with a
 *   server that never acknowledges).
 */
export function saveStateOf(input: {
  connected: boolean;
  synced: boolean;
  pending: boolean;
  lostConnection: boolean;
}): SaveState {
  if (!input.connected) return input.lostConnection ? 'offline' : 'saving';
  if (!input.synced || input.pending) return 'saving';
  return 'saved';
}

/**
 * Makes the browser ask before the tab closes while edits made here are not acknowledged as saved: typed
 * offline, sent but not yet stored, or relayed to co-authors but not yet committed (the server relays before
 * it commits; only "saved" means stored). Cleared once the state is "saved" again. The prompt is the
 * browser's own (it shows no text of ours). Returns the cleanup.
 */
export function warnWhileUnsaved(
  doc: Y.Doc,
  provider: WebsocketProvider,
  tracker: SaveTracker,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  let unsaved = false;
  const settle = () => {
    if (
      unsaved &&
      saveStateOf({
        connected: provider.wsconnected,
        synced: provider.synced,
        pending: tracker.pending,
        lostConnection: false,
      }) === 'saved'
    ) {
      unsaved = false;
    }
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) unsaved = true;
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = ''; // browsers from before the standard's preventDefault() need it set
  };
  doc.on('update', onUpdate);
  provider.on('sync', settle);
  const unsubscribe = tracker.subscribe(settle);
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    doc.off('update', onUpdate);
    provider.off('sync', settle);
    unsubscribe();
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
}
