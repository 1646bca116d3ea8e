import { Logger } from '@nestjs/common';
import { COLLAB_MESSAGE_SAVED, CollabCloseCode } from '@roundtable/contracts';
import * as Y from 'yjs';
import { countMessage, send, type CollabConnection } from './collab-connection';
import type { DocumentStore, StoredState } from './document.store';

const logger = new Logger('CollabRoom');

export interface RoomSnapshot {
  state: Uint8Array;
  /** Highest stored update id the state contains. */
  lastId: number;
  /** The tail it folds in (this process' count). */
  tailLength: number;
  tailBytes: number;
}

/** What the group commit needs of its room. */
export interface CommitTarget {
  readonly documentId: string;
  readonly doc: Y.Doc;
  /** Highest stored update id applied to the doc. */
  readonly lastSeenId: number;
  /** A batch was stored: `missed` (other processes' updates in between) first, then our `ids` of `bytes` bytes. */
  committed(ids: number[], bytes: number, missed: StoredState | null): void;
  /** After the senders were told: something new is stored (compaction may follow). */
  announceStored(): void;
  takeSnapshot(): RoomSnapshot;
  /** Storing failed or the document is locked: the room closes its sockets and is freed (it calls reset()). */
  fail(reason: 'failed' | 'locked', code: number, message: string): void;
}

/** An update message waiting for the group commit; `applied` once it is in the room's doc (and relayed). */
interface QueuedUpdate {
  update: Uint8Array | null;
  origin: CollabConnection;
  seq: number;
  applied: boolean;
}

/**
 * A room's write queue. Every valid update is applied to the doc (and so relayed) at once, queued here for
 * the document's in-order group commit, and acknowledged to its sender ("saved") only after the commit.
 */
export class GroupCommit {
  /** In arrival order: committed in that order, a prefix at a time, never one without those before it. */
  private pending: QueuedUpdate[] = [];
  /**
   * While a snapshot waits for everything applied to be committed, new arrivals are queued but not applied
   * (nor relayed) until it is taken: one commit round trip, once per compaction.
   */
  private holding = false;
  private snapshotWaiters: Array<(snapshot: RoomSnapshot | null) => void> = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly room: CommitTarget,
    private readonly store: DocumentStore,
  ) {}

  /** A write is in flight. */
  get writing(): boolean {
    return this.flushing !== null;
  }

  /** Nothing is queued nor being written: every update in the doc is stored. */
  get settled(): boolean {
    return !this.flushing && this.pending.length === 0;
  }

  /** Resolves once every update received so far is stored. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Resolves with a snapshot once everything applied so far is committed; new arrivals are held meanwhile. */
  waitForSettled(): Promise<RoomSnapshot | null> {
    this.holding = true;
    return new Promise((resolve) => this.snapshotWaiters.push(resolve));
  }

  /**
   * Relay first: a valid update goes into the doc at once (its update handler relays it to the other
   * sockets), then into the queue for the group commit. Only while a snapshot is waiting is it queued unapplied.
   */
  receive(update: Uint8Array | null, origin: CollabConnection, seq: number): void {
    const applied = update === null || !this.holding;
    if (update && applied) Y.applyUpdate(this.room.doc, update, origin);
    this.pending.push({ update, origin, seq, applied });
    if (!this.flushing) this.flushing = this.drain();
  }

  /** Drops what is queued (never stored, never acknowledged); waiting snapshots get null. */
  reset(): void {
    this.pending = [];
    this.holding = false;
    for (const resolve of this.snapshotWaiters.splice(0)) resolve(null);
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
          this.room.documentId,
          toStore.map((item) => item.update),
          this.room.lastSeenId,
        );
        if (locked) {
          // Not stored, so not acknowledged; everyone reloads the document (read only) from storage.
          this.room.fail('locked', CollabCloseCode.DocumentLocked, 'document locked');
          return;
        }
        this.room.committed(
          ids,
          toStore.reduce((sum, item) => sum + item.update.byteLength, 0),
          missed,
        );
        acknowledge(batch);
        if (ids.length > 0) this.room.announceStored();
      }
    } catch (error) {
      logger.error(`Storing updates of ${this.room.documentId} failed; closing its sockets`, error as Error);
      this.room.fail('failed', CollabCloseCode.InternalError, 'storage failure');
    } finally {
      this.flushing = null;
    }
  }

  /** Nothing uncommitted is in the doc: snapshot for whoever waits, then apply (and relay) the held updates. */
  private releaseHold(): void {
    if (this.snapshotWaiters.length > 0) {
      const snapshot = this.room.takeSnapshot();
      for (const resolve of this.snapshotWaiters.splice(0)) resolve(snapshot);
    }
    this.holding = false;
    const held = this.pending.filter((item) => !item.applied);
    applyInRuns(
      this.room.doc,
      held.filter((item): item is QueuedUpdate & { update: Uint8Array } => item.update !== null),
    );
    for (const item of held) item.applied = true;
  }
}

/**
 * Applies held updates in runs of one sender: each run is one Yjs transaction, so its updates reach the
 * other sockets as one merged message, and the sender is still left out.
 */
function applyInRuns(doc: Y.Doc, items: Array<{ update: Uint8Array; origin: CollabConnection }>): void {
  let start = 0;
  while (start < items.length) {
    const origin = items[start].origin;
    let end = start + 1;
    while (end < items.length && items[end].origin === origin) end++;
    Y.transact(
      doc,
      () => {
        for (let i = start; i < end; i++) Y.applyUpdate(doc, items[i].update, origin);
      },
      origin,
    );
    start = end;
  }
}

/** Tells each sender how many of its update messages are now stored (COLLAB_MESSAGE_SAVED). */
function acknowledge(batch: Array<{ origin: CollabConnection; seq: number }>): void {
  const highest = new Map<CollabConnection, number>();
  for (const { origin, seq } of batch) highest.set(origin, Math.max(highest.get(origin) ?? 0, seq));
  for (const [connection, seq] of highest) {
    connection.saved = seq;
    if (connection.extensions.has(COLLAB_MESSAGE_SAVED)) send(connection, countMessage(COLLAB_MESSAGE_SAVED, seq));
  }
}
