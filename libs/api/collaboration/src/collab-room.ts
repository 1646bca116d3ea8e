import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  DocumentLockedError,
  MalformedMessageError,
  MessageType,
  readOnlyMessage,
  send,
  signalMessage,
  syncStep1Message,
  syncStep2Message,
  type CollabConnection,
} from './collab-connection';
import { AwarenessTooBigError } from './collab-presence';
import type { DocumentStore, StoredState } from './document.store';
import { RoomAwareness } from './room-awareness';
import { GroupCommit, type CommitTarget, type RoomSnapshot } from './room-commit';
import { RoomFanout } from './room-fanout';

export { DocumentLockedError, MalformedMessageError, MessageType, type CollabConnection } from './collab-connection';

export type { RoomSnapshot } from './room-commit';

/**
 * One live document: the server's Y.Doc, its awareness, the open connections, and a write queue. Every
 * valid update is applied to the doc and relayed to the room's other sockets at once, queued for the
 * document's in-order group commit, and acknowledged to its sender ("saved") only after the commit. So the
 * doc may be ahead of PostgreSQL by the queued updates; whatever reads it as *stored* state (compaction)
 * waits for a moment when it is not (requestSnapshot).
 */
export class CollabRoom implements CommitTarget {
  readonly doc = new Y.Doc({ gc: true });
  readonly connections = new Set<CollabConnection>();
  /** Presence (cursors, names) of the room's connections. */
  private readonly presence = new RoomAwareness(this.doc, this.connections);
  /** Relays doc updates to the other sockets (see RoomFanout). */
  private readonly fanout = new RoomFanout(this.connections);
  /** Why the room can no longer be used (storage failed, or the document was locked); it is being freed. */
  broken: 'failed' | 'locked' | null = null;
  destroyed = false;
  /** Highest stored update id applied to this doc: sequence for catching up with other processes. */
  lastSeenId = 0;
  /** Updates (and their bytes) stored after the snapshot, and the snapshot's size: when to compact. */
  tailLength = 0;
  tailBytes = 0;
  snapshotBytes = 0;
  /** A snapshot of this room is being written. */
  compacting = false;
  /** The in-order group commit of the room's updates (see GroupCommit). */
  private readonly commit: GroupCommit;

  constructor(
    readonly documentId: string,
    private readonly store: DocumentStore,
    private readonly onBroken: (room: CollabRoom) => void,
    private readonly onStored: (room: CollabRoom) => void = () => undefined,
  ) {
    this.commit = new GroupCommit(this, store);
    this.doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.fanout.relay(update, origin as CollabConnection | undefined),
    );
  }

  /** Loads the stored state; false when nothing is stored yet (a new document, to be seeded). */
  async load(): Promise<boolean> {
    return this.loaded(await this.store.load(this.documentId));
  }

  /** Takes `state` (all that is stored) as the room's starting point; false when it is empty. */
  loaded(state: StoredState): boolean {
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
    if (!this.commit.settled || this.broken || this.destroyed) return null;
    return this.takeSnapshot();
  }

  /**
   * The stored state as soon as the doc holds nothing uncommitted: at once when nothing is queued, else after
   * the updates applied so far are committed, holding back new arrivals meanwhile. Null if the room breaks.
   */
  requestSnapshot(): Promise<RoomSnapshot | null> {
    if (!this.commit.writing) return Promise.resolve(this.snapshotIfSettled());
    return this.commit.waitForSettled();
  }

  takeSnapshot(): RoomSnapshot {
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
  applyStored(state: StoredState): void {
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
    send(connection, syncStep1Message(this.doc));
    this.presence.greet(connection);
    if (!connection.canWrite) this.tellReadOnly(connection);
  }

  /** y-websocket's auth message "permission denied": the client logs the reason; our editor is read-only anyway. */
  tellReadOnly(connection: CollabConnection): void {
    if (connection.toldReadOnly) return;
    connection.toldReadOnly = true;
    send(connection, readOnlyMessage());
  }

  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection) || this.destroyed) return;
    this.presence.leave(connection);
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
        case MessageType.Awareness:
          this.presence.receive(connection, decoding.readVarUint8Array(decoder));
          break;
        case MessageType.QueryAwareness:
          this.presence.answerQuery(connection);
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
   * An edit made by the server (API): applied, relayed and stored like any client's update.
   * Resolves once it is stored.
   */
  async applyServerUpdate(update: Uint8Array, origin: CollabConnection): Promise<void> {
    const seq = ++origin.received;
    this.commit.receive(update, origin, seq);
    await this.flush();
    if (origin.saved >= seq) return;
    if (this.broken === 'locked') throw new DocumentLockedError(`document ${this.documentId} is locked`);
    throw new Error(`storing an edit of ${this.documentId} failed`);
  }

  /** Resolves once every update received so far is stored. */
  flush(): Promise<void> {
    return this.commit.flush();
  }

  private handleSync(connection: CollabConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1:
        send(connection, syncStep2Message(this.doc, decoding.readVarUint8Array(decoder)));
        break;
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
        this.commit.receive(empty ? null : update, connection, seq);
        break;
      }
      default:
        throw new MalformedMessageError(`unknown sync message ${syncType}`);
    }
  }

  /** Part of the group commit (CommitTarget): a batch was stored. */
  committed(ids: number[], bytes: number, missed: StoredState | null): void {
    if (missed) this.applyStored(missed);
    if (ids.length > 0) {
      this.lastSeenId = Math.max(this.lastSeenId, ids[ids.length - 1]);
      this.tailLength += ids.length;
      this.tailBytes += bytes;
    }
  }

  announceStored(): void {
    this.onStored(this);
  }

  /** Drops what is queued (never stored, never acknowledged), closes every socket and frees the room. */
  fail(reason: 'failed' | 'locked', code: number, message: string): void {
    this.broken = reason;
    this.commit.reset();
    this.closeAll(code, message);
    this.onBroken(this);
  }

  /** Closes every socket of the room (e.g. the document was locked); the room is freed when the last one leaves. */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.socket?.close(code, reason);
  }

  /** A message without payload (e.g. COLLAB_MESSAGE_COMMENTS_CHANGED) to every socket of the room that asked for it. */
  signal(messageType: number): void {
    const message = signalMessage(messageType);
    for (const connection of this.connections) if (connection.extensions.has(messageType)) send(connection, message);
  }

  destroy(): void {
    this.destroyed = true;
    this.fanout.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }
}
