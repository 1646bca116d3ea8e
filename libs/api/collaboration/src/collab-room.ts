import { Logger } from '@nestjs/common';
import { COLLAB_LIMITS, COLLAB_MESSAGE_SAVED, CollabCloseCode } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { AwarenessTooBigError, ownAwarenessUpdate, type PresenceIdentity } from './collab-presence';
import type { DocumentStore, StoredState } from './document.store';
import { corkForThisTick, type Corkable } from './write-batch';

/** How long presence changes are gathered before they go out together (see CollabRoom.sendAwareness). */
const AWARENESS_COALESCE_MS = 30;

/** y-websocket message types. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export interface CollabConnection {
  socket: WebSocket;
  /** The socket's byte stream, to batch the frames of one callback into one write (corkForThisTick). */
  stream?: Corkable;
  userId: string;
  /** The session the socket was opened with: when it ends, the socket closes (4440). */
  sessionId: string;
  /** What the access policy needs to re-check this connection when the user's access changes. */
  user: { platformRole: 'admin' | 'coordinator' | 'member'; personId: string | null };
  canWrite: boolean;
  /** Whether the client was already told that its edits are not accepted. */
  toldReadOnly?: boolean;
  /** Update messages received on this socket, and how many of them are stored (the "saved" ack). */
  received: number;
  saved: number;
  /**
   * The awareness client id this connection speaks for (at most one: the first it claims that no other
   * user's connection holds), removed when it leaves.
   */
  awarenessIds: Set<number>;
  /** The signed-in user's name and colour: the only presence this connection can show. */
  identity: PresenceIdentity;
  /** Extra message types (COLLAB_MESSAGE_*) the client asked for; others never receive them. */
  extensions: ReadonlySet<number>;
}

export interface RoomSnapshot {
  state: Uint8Array;
  /** Highest stored update id the state contains. */
  lastId: number;
  /** The tail it folds in (this process' count). */
  tailLength: number;
  tailBytes: number;
}

export class MalformedMessageError extends Error {}

/** An edit reached a document that is locked: nothing was stored. */
export class DocumentLockedError extends Error {}

/** An update message waiting for the group commit; `applied` once it is in the room's doc (and relayed). */
interface QueuedUpdate {
  update: Uint8Array | null;
  origin: CollabConnection;
  seq: number;
  applied: boolean;
}

/**
 * One live document: the server's Y.Doc, its awareness, the open connections, and a write queue. Every
 * valid update is applied to the doc and relayed to the room's other sockets at once, queued for the
 * document's in-order group commit, and acknowledged to its sender ("saved") only after the commit. So the
 * doc may be ahead of PostgreSQL by the queued updates; whatever reads it as *stored* state (compaction)
 * waits for a moment when it is not (requestSnapshot).
 */
export class CollabRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<CollabConnection>();
  /** In arrival order: committed in that order, a prefix at a time, never one without those before it. */
  private pending: QueuedUpdate[] = [];
  /**
   * While a snapshot waits for everything applied to be committed, new arrivals are queued but not applied
   * (nor relayed) until it is taken: one commit round trip, once per compaction.
   */
  private holding = false;
  private snapshotWaiters: Array<(snapshot: RoomSnapshot | null) => void> = [];
  /** Why the room can no longer be used (storage failed, or the document was locked); it is being freed. */
  broken: 'failed' | 'locked' | null = null;
  destroyed = false;
  /** Doc updates to relay at the end of this turn of the event loop (see relay). */
  private outgoing: Array<{ update: Uint8Array; origin: CollabConnection | undefined }> = [];
  private relayTimer: NodeJS.Immediate | null = null;
  /** Presence changes of the current short window, by the connection they came from (see sendAwareness). */
  private awarenessChanges = new Map<CollabConnection | undefined, Set<number>>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** Highest stored update id applied to this doc: sequence for catching up with other processes. */
  lastSeenId = 0;
  /** Updates (and their bytes) stored after the snapshot, and the snapshot's size: when to compact. */
  tailLength = 0;
  tailBytes = 0;
  snapshotBytes = 0;
  /** A snapshot of this room is being written. */
  compacting = false;
  private flushing: Promise<void> | null = null;
  private readonly logger = new Logger('CollabRoom');

  constructor(
    readonly documentId: string,
    private readonly store: DocumentStore,
    private readonly onBroken: (room: CollabRoom) => void,
    private readonly onStored: (room: CollabRoom) => void = () => undefined,
  ) {
    // The server's own state has no awareness presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.relay(update, origin as CollabConnection | undefined),
    );
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const connection = origin as CollabConnection | undefined;
      if (connection && this.connections.has(connection)) {
        for (const id of added) connection.awarenessIds.add(id);
        for (const id of removed) connection.awarenessIds.delete(id);
      }
      const changes = this.awarenessChanges.get(connection) ?? new Set<number>();
      for (const id of [...added, ...updated, ...removed]) changes.add(id);
      this.awarenessChanges.set(connection, changes);
      this.awarenessTimer ??= setTimeout(() => this.sendAwareness(), AWARENESS_COALESCE_MS);
    });
  }

  /** Loads the stored state; false when nothing is stored yet (a new document, to be seeded). */
  async load(): Promise<boolean> {
    const state = await this.store.load(this.documentId);
    Y.transact(
      this.doc,
      () => {
        if (state.snapshot) Y.applyUpdate(this.doc, state.snapshot);
        for (const update of state.updates) Y.applyUpdate(this.doc, update.data);
      },
      'load',
    );
    this.lastSeenId = state.lastId;
    this.tailLength = state.updates.length;
    this.tailBytes = state.updates.reduce((sum, u) => sum + u.data.byteLength, 0);
    this.snapshotBytes = state.snapshot?.byteLength ?? 0;
    return state.snapshot !== null || state.updates.length > 0;
  }

  /** Stored size of the document (snapshot + tail), for the document size limit. */
  get storedBytes(): number {
    return this.snapshotBytes + this.tailBytes;
  }

  /**
   * The stored state up to `lastId`, from memory, or null if the doc holds updates not yet committed (or the
   * room is broken). With nothing queued, every update in the doc is stored (ours were committed in arrival
   * order, other processes' are only applied from storage) and every stored update up to lastSeenId is
   * applied (gaps are fetched first), so this doc *is* that state: compaction needs no re-read of the log,
   * and the doc is garbage-collected (gc: true), so deleted content is gone.
   */
  snapshotIfSettled(): RoomSnapshot | null {
    if (this.flushing || this.pending.length > 0 || this.broken || this.destroyed) return null;
    return this.takeSnapshot();
  }

  /**
   * The stored state as soon as the doc holds nothing uncommitted: at once when nothing is queued, else after
   * the updates applied so far are committed, holding back new arrivals meanwhile. Null if the room breaks.
   */
  requestSnapshot(): Promise<RoomSnapshot | null> {
    if (!this.flushing) return Promise.resolve(this.snapshotIfSettled());
    this.holding = true;
    return new Promise((resolve) => this.snapshotWaiters.push(resolve));
  }

  private takeSnapshot(): RoomSnapshot {
    return {
      state: Y.encodeStateAsUpdate(this.doc),
      lastId: this.lastSeenId,
      tailLength: this.tailLength,
      tailBytes: this.tailBytes,
    };
  }

  /** The snapshot was written: what it covers is no longer in the tail. */
  compacted(snapshot: RoomSnapshot): void {
    this.snapshotBytes = snapshot.state.byteLength;
    this.tailLength = Math.max(0, this.tailLength - snapshot.tailLength);
    this.tailBytes = Math.max(0, this.tailBytes - snapshot.tailBytes);
  }

  /**
   * Another process stored updates up to `id`: fetch everything after what we have (gaps included, by
   * sequence) and apply it; the doc's update handler relays it to our sockets.
   */
  async catchUp(id: number): Promise<void> {
    // Our own commits are announced too; let a write in flight finish first so we do not fetch them back.
    await this.flush();
    if (id <= this.lastSeenId || this.broken) return;
    const state = await this.store.since(this.documentId, this.lastSeenId);
    if (!this.broken && !this.destroyed) this.applyStored(state);
  }

  /** Applies stored state written elsewhere (relayed to our sockets by the doc's update handler). */
  private applyStored(state: StoredState): void {
    Y.transact(
      this.doc,
      () => {
        if (state.snapshot) Y.applyUpdate(this.doc, state.snapshot);
        for (const update of state.updates) if (update.id > this.lastSeenId) Y.applyUpdate(this.doc, update.data);
      },
      'remote',
    );
    this.lastSeenId = Math.max(this.lastSeenId, state.lastId);
  }

  /** Sends the opening handshake: our state vector (sync step 1) and everyone's presence. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(connection, encoding.toUint8Array(encoder));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(connection, this.awarenessMessage(states));
    if (!connection.canWrite) this.tellReadOnly(connection);
  }

  /** y-websocket's auth message "permission denied": the client logs the reason; our editor is read-only anyway. */
  tellReadOnly(connection: CollabConnection): void {
    if (connection.toldReadOnly) return;
    connection.toldReadOnly = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Auth);
    authProtocol.writePermissionDenied(encoder, 'read-only: your edits to this document are not saved');
    this.send(connection, encoding.toUint8Array(encoder));
  }

  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection) || this.destroyed) return;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** Handles one binary message; throws MalformedMessageError when it cannot be decoded. */
  handleMessage(connection: CollabConnection, data: Uint8Array): void {
    if (this.broken || this.destroyed) return; // its sockets are being closed
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.Sync:
          this.handleSync(connection, decoder);
          break;
        case MessageType.Awareness: {
          const claim = (clientId: number) => this.claimAwareness(connection, clientId);
          const update = ownAwarenessUpdate(
            decoding.readVarUint8Array(decoder),
            connection.identity,
            claim,
            COLLAB_LIMITS.maxAwarenessBytes,
          );
          if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
          break;
        }
        case MessageType.QueryAwareness:
          this.send(connection, this.awarenessMessage([...this.awareness.getStates().keys()]));
          break;
        case MessageType.Auth:
          break;
        default:
          throw new MalformedMessageError(`unknown message type ${type}`);
      }
    } catch (error) {
      if (error instanceof MalformedMessageError || error instanceof AwarenessTooBigError) throw error;
      throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Whether `connection` may speak for awareness client id `clientId`: its own id, or its first one if no
   * other user's connection holds it. The same user's older connection (a reconnect before the old socket
   * timed out) hands the id over, so its departure does not remove the new presence.
   */
  private claimAwareness(connection: CollabConnection, clientId: number): boolean {
    if (connection.awarenessIds.has(clientId)) return true;
    if (connection.awarenessIds.size > 0) return false;
    for (const other of this.connections) {
      if (other === connection || !other.awarenessIds.has(clientId)) continue;
      if (other.userId !== connection.userId) return false;
      other.awarenessIds.delete(clientId);
    }
    connection.awarenessIds.add(clientId);
    return true;
  }

  /**
   * An edit made by the server (API): applied, relayed and stored like any client's update.
   * Resolves once it is stored.
   */
  async applyServerUpdate(update: Uint8Array, origin: CollabConnection): Promise<void> {
    const seq = ++origin.received;
    this.receive(update, origin, seq);
    await this.flush();
    if (origin.saved >= seq) return;
    if (this.broken === 'locked') throw new DocumentLockedError(`document ${this.documentId} is locked`);
    throw new Error(`storing an edit of ${this.documentId} failed`);
  }

  /** Resolves once every update received so far is stored. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private handleSync(connection: CollabConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
        this.send(connection, encoding.toUint8Array(encoder));
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // Validate before anything is stored: a malformed update throws here and closes the socket.
        const decoded = Y.decodeUpdate(update);
        const seq = ++connection.received;
        if (!connection.canWrite) {
          // Read-only sockets: updates are dropped, never stored, and the client is told why (once).
          this.tellReadOnly(connection);
          return;
        }
        // A client's answer to our sync step 1 is often empty: nothing to store, but it is acknowledged in order.
        const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
        this.receive(empty ? null : update, connection, seq);
        break;
      }
      default:
        throw new MalformedMessageError(`unknown sync message ${syncType}`);
    }
  }

  /**
   * Relay first: a valid update goes into the doc at once (its update handler relays it to the other
   * sockets), then into the queue for the group commit. Only while a snapshot is waiting is it queued unapplied.
   */
  private receive(update: Uint8Array | null, origin: CollabConnection, seq: number): void {
    const applied = update === null || !this.holding;
    if (update && applied) Y.applyUpdate(this.doc, update, origin);
    this.pending.push({ update, origin, seq, applied });
    if (!this.flushing) this.flushing = this.drain();
  }

  /**
   * Group commit, in arrival order: everything applied that arrived while the previous batch was being
   * written goes into one statement. After the commit its senders are told "saved". A failed commit
   * acknowledges nothing, commits nothing after it, and closes the room's sockets (1011) so that the clients
   * reconnect to a room loaded from storage and send again what it lacks (their own and others' relayed edits).
   */
  private async drain(): Promise<void> {
    try {
      for (;;) {
        let count = 0;
        while (count < this.pending.length && this.pending[count].applied) count++;
        if (count === 0) {
          // The doc holds nothing uncommitted: take any snapshot waiting for that, then apply what was held.
          this.releaseHold();
          if (this.pending.length === 0) return;
          continue;
        }
        const batch = this.pending.splice(0, count);
        const toStore = batch.filter((item): item is QueuedUpdate & { update: Uint8Array } => item.update !== null);
        const { ids, missed, locked } = await this.store.append(
          this.documentId,
          toStore.map((item) => item.update),
          this.lastSeenId,
        );
        if (locked) {
          // Not stored, so not acknowledged; everyone reloads the document (read only) from storage.
          this.fail('locked', CollabCloseCode.DocumentLocked, 'document locked');
          return;
        }
        if (missed) this.applyStored(missed);
        if (ids.length > 0) {
          this.lastSeenId = Math.max(this.lastSeenId, ids[ids.length - 1]);
          this.tailLength += ids.length;
          this.tailBytes += toStore.reduce((sum, item) => sum + item.update.byteLength, 0);
        }
        this.acknowledge(batch);
        if (ids.length > 0) this.onStored(this);
      }
    } catch (error) {
      this.logger.error(`Storing updates of ${this.documentId} failed; closing its sockets`, error as Error);
      this.fail('failed', CollabCloseCode.InternalError, 'storage failure');
    } finally {
      this.flushing = null;
    }
  }

  /** Nothing uncommitted is in the doc: snapshot for whoever waits, then apply (and relay) the held updates. */
  private releaseHold(): void {
    if (this.snapshotWaiters.length > 0) {
      const snapshot = this.takeSnapshot();
      for (const resolve of this.snapshotWaiters.splice(0)) resolve(snapshot);
    }
    this.holding = false;
    const held = this.pending.filter((item) => !item.applied);
    this.applyBatch(held.filter((item): item is QueuedUpdate & { update: Uint8Array } => item.update !== null));
    for (const item of held) item.applied = true;
  }

  /** Drops what is queued (never stored, never acknowledged), closes every socket and frees the room. */
  private fail(reason: 'failed' | 'locked', code: number, message: string): void {
    this.broken = reason;
    this.pending = [];
    this.holding = false;
    for (const resolve of this.snapshotWaiters.splice(0)) resolve(null);
    this.closeAll(code, message);
    this.onBroken(this);
  }

  /**
   * Applies held updates in runs of one sender: each run is one Yjs transaction, so its updates reach the
   * other sockets as one merged message, and the sender is still left out.
   */
  private applyBatch(items: Array<{ update: Uint8Array; origin: CollabConnection }>): void {
    let start = 0;
    while (start < items.length) {
      const origin = items[start].origin;
      let end = start + 1;
      while (end < items.length && items[end].origin === origin) end++;
      Y.transact(
        this.doc,
        () => {
          for (let i = start; i < end; i++) Y.applyUpdate(this.doc, items[i].update, origin);
        },
        origin,
      );
      start = end;
    }
  }

  /** Tells each sender how many of its update messages are now stored (COLLAB_MESSAGE_SAVED). */
  private acknowledge(batch: Array<{ origin: CollabConnection; seq: number }>): void {
    const highest = new Map<CollabConnection, number>();
    for (const { origin, seq } of batch) highest.set(origin, Math.max(highest.get(origin) ?? 0, seq));
    for (const [connection, seq] of highest) {
      connection.saved = seq;
      if (!connection.extensions.has(COLLAB_MESSAGE_SAVED)) continue;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, COLLAB_MESSAGE_SAVED);
      encoding.writeVarUint(encoder, seq);
      this.send(connection, encoding.toUint8Array(encoder));
    }
  }

  /** Closes every socket of the room (e.g. the document was locked); the room is freed when the last one leaves. */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.socket?.close(code, reason);
  }

  /** A message without payload (e.g. COLLAB_MESSAGE_COMMENTS_CHANGED) to every socket of the room that asked for it. */
  signal(messageType: number): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType);
    const message = encoding.toUint8Array(encoder);
    for (const connection of this.connections)
      if (connection.extensions.has(messageType)) this.send(connection, message);
  }

  /**
   * Relays doc updates once the messages that arrived in this turn of the event loop are handled: a run of
   * updates from one sender (a fast typist, a paste, a burst after reconnecting) goes out as one merged
   * message, encoded once for every socket; a lone keystroke goes out as it came, within the same turn.
   */
  private relay(update: Uint8Array, origin: CollabConnection | undefined): void {
    this.outgoing.push({ update, origin });
    this.relayTimer ??= setImmediate(() => this.sendOutgoing());
  }

  private sendOutgoing(): void {
    this.relayTimer = null;
    const outgoing = this.outgoing;
    this.outgoing = [];
    let start = 0;
    while (start < outgoing.length) {
      const origin = outgoing[start].origin;
      let end = start + 1;
      while (end < outgoing.length && outgoing[end].origin === origin) end++;
      const update =
        end - start === 1
          ? outgoing[start].update
          : Y.mergeUpdates(outgoing.slice(start, end).map((item) => item.update));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder), origin);
      start = end;
    }
  }

  /**
   * Presence (cursors, names) changes of a short window go out as one message per socket: with 50 people
   * moving their cursors, one message per window to each socket instead of one per change. A socket never
   * gets its own changes back, so those that changed something get the window's message without them.
   */
  private sendAwareness(): void {
    this.awarenessTimer = null;
    if (this.destroyed) return;
    const changes = this.awarenessChanges;
    this.awarenessChanges = new Map();
    const all = new Set<number>();
    for (const ids of changes.values()) for (const id of ids) all.add(id);
    const shared = this.awarenessMessage([...all]);
    for (const connection of this.connections) {
      const own = changes.get(connection);
      if (!own) this.send(connection, shared);
      else {
        const others = [...all].filter((id) => !own.has(id));
        if (others.length > 0) this.send(connection, this.awarenessMessage(others));
      }
    }
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  private broadcast(message: Uint8Array, except: CollabConnection | undefined): void {
    for (const connection of this.connections) if (connection !== except) this.send(connection, message);
  }

  private send(connection: CollabConnection, message: Uint8Array): void {
    // Edits made by the server itself have an origin without a socket.
    if (!connection.socket || connection.socket.readyState !== connection.socket.OPEN) return;
    corkForThisTick(connection.stream);
    connection.socket.send(message);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.relayTimer) clearImmediate(this.relayTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.outgoing = [];
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
