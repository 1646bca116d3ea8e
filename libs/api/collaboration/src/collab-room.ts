import { Logger } from '@nestjs/common';
import { COLLAB_MESSAGE_SAVED, CollabCloseCode } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocumentStore, StoredState } from './document.store';

/** y-websocket message types. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export interface CollabConnection {
  socket: WebSocket;
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
  /** Awareness client ids this connection announced, removed when it leaves. */
  awarenessIds: Set<number>;
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

/**
 * One live document: the server's Y.Doc, its awareness, the open connections, and a write queue that
 * stores every incoming update in PostgreSQL before applying and relaying it.
 */
export class CollabRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<CollabConnection>();
  private pending: Array<{ update: Uint8Array | null; origin: CollabConnection; seq: number }> = [];
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
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder), origin as CollabConnection | undefined);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const connection = origin as CollabConnection | undefined;
      if (connection && this.connections.has(connection)) {
        for (const id of added) connection.awarenessIds.add(id);
        for (const id of removed) connection.awarenessIds.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      // Not echoed to the sender: it knows its own presence.
      this.broadcast(encoding.toUint8Array(encoder), connection);
    });
  }

  async load(): Promise<void> {
    const state = await this.store.load(this.documentId);
    Y.transact(this.doc, () => {
      if (state.snapshot) Y.applyUpdate(this.doc, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(this.doc, update.data);
    }, 'load');
    this.lastSeenId = state.lastId;
    this.tailLength = state.updates.length;
    this.tailBytes = state.updates.reduce((sum, u) => sum + u.data.byteLength, 0);
    this.snapshotBytes = state.snapshot?.byteLength ?? 0;
  }

  /** Stored size of the document (snapshot + tail), for the document size limit. */
  get storedBytes(): number {
    return this.snapshotBytes + this.tailBytes;
  }

  /**
   * The stored state up to `lastId`, from memory. Updates are applied only once stored and every stored
   * update up to lastSeenId is applied (gaps are fetched first), so this doc *is* that state: compaction
   * needs no re-read of the log, and the doc is garbage-collected (gc: true), so deleted content is gone.
   */
  snapshot(): RoomSnapshot {
    return { state: Y.encodeStateAsUpdate(this.doc), lastId: this.lastSeenId, tailLength: this.tailLength, tailBytes: this.tailBytes };
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
    if (id <= this.lastSeenId) return;
    this.applyStored(await this.store.since(this.documentId, this.lastSeenId));
  }

  /** Applies stored state written elsewhere (relayed to our sockets by the doc's update handler). */
  private applyStored(state: StoredState): void {
    Y.transact(this.doc, () => {
      if (state.snapshot) Y.applyUpdate(this.doc, state.snapshot);
      for (const update of state.updates) if (update.id > this.lastSeenId) Y.applyUpdate(this.doc, update.data);
    }, 'remote');
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
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** Handles one binary message; throws MalformedMessageError when it cannot be decoded. */
  handleMessage(connection: CollabConnection, data: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.Sync:
          this.handleSync(connection, decoder);
          break;
        case MessageType.Awareness: {
          const update = decoding.readVarUint8Array(decoder);
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
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
      if (error instanceof MalformedMessageError) throw error;
      throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * An edit made by the server (API): stored like any client's update, then applied and relayed.
   * Resolves once it is stored.
   */
  async applyServerUpdate(update: Uint8Array, origin: CollabConnection): Promise<void> {
    const seq = ++origin.received;
    this.enqueue(update, origin, seq);
    await this.flush();
    if (origin.saved < seq) throw new DocumentLockedError(`document ${this.documentId} is locked`);
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
        this.enqueue(empty ? null : update, connection, seq);
        break;
      }
      default:
        throw new MalformedMessageError(`unknown sync message ${syncType}`);
    }
  }

  private enqueue(update: Uint8Array | null, origin: CollabConnection, seq: number): void {
    this.pending.push({ update, origin, seq });
    if (!this.flushing) this.flushing = this.drain();
  }

  /**
   * Group commit: everything that arrived while the previous batch was being written goes in one INSERT.
   * Only after the commit are the updates applied, relayed, and acknowledged to their senders as saved.
   */
  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const toStore = batch.filter((item): item is typeof item & { update: Uint8Array } => item.update !== null);
        const { ids, missed, locked } = await this.store.append(this.documentId, toStore.map((item) => item.update), this.lastSeenId);
        if (locked) {
          // Not stored, so neither applied, relayed nor acknowledged; everyone reloads the document read only.
          this.pending = [];
          this.closeAll(CollabCloseCode.DocumentLocked, 'document locked');
          return;
        }
        if (missed) this.applyStored(missed);
        this.applyBatch(toStore);
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
      this.pending = [];
      for (const connection of this.connections) connection.socket.close(CollabCloseCode.InternalError, 'storage failure');
      this.onBroken(this);
    } finally {
      this.flushing = null;
    }
  }

  /**
   * Applies stored updates in runs of one sender: each run is one Yjs transaction, so its updates reach the
   * other sockets as one merged message (a fast typist or a paste of many updates costs one send per
   * commit, not one per keystroke), and the sender is still left out.
   */
  private applyBatch(items: Array<{ update: Uint8Array; origin: CollabConnection }>): void {
    let start = 0;
    while (start < items.length) {
      const origin = items[start].origin;
      let end = start + 1;
      while (end < items.length && items[end].origin === origin) end++;
      Y.transact(this.doc, () => {
        for (let i = start; i < end; i++) Y.applyUpdate(this.doc, items[i].update, origin);
      }, origin);
      start = end;
    }
  }

  /** Tells each sender how many of its update messages are now stored (COLLAB_MESSAGE_SAVED). */
  private acknowledge(batch: Array<{ origin: CollabConnection; seq: number }>): void {
    const highest = new Map<CollabConnection, number>();
    for (const { origin, seq } of batch) highest.set(origin, Math.max(highest.get(origin) ?? 0, seq));
    for (const [connection, seq] of highest) {
      connection.saved = seq;
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

  /** A message without payload (e.g. COLLAB_MESSAGE_COMMENTS_CHANGED) to every socket of the room. */
  signal(messageType: number): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType);
    this.broadcast(encoding.toUint8Array(encoder), undefined);
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
    if (connection.socket && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(message);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
