import { Injectable } from '@nestjs/common';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { Subject } from 'rxjs';
import * as Y from 'yjs';
import { CollabAdmission } from './collab-admission';
import type { CollabConnection } from './collab-connection';
import { readCompaction } from './collab-limits';
import { CollabRoom } from './collab-room';
import { initialContent } from './document-template';
import { DocumentStore, type StoredState } from './document.store';

/**
 * The live documents of this process: one room per open document, loaded once (seeded first if it has no
 * content) however many sockets open it together, compacted from memory as its tail grows, and freed — after
 * its updates are stored and compacted — when the last socket leaves.
 */
@Injectable()
export class CollabRooms {
  private readonly rooms = new Map<string, Promise<CollabRoom>>();
  private readonly schema = getSchema(editorExtensions());
  private readonly compaction = readCompaction();
  /** A document's updates were stored by this process (after each group commit). */
  readonly stored$ = new Subject<string>();
  /** The last socket on a document left this process and its updates are stored. */
  readonly sessionEnded$ = new Subject<string>();
  private closing = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly admission: CollabAdmission,
  ) {}

  /** The live room if one is open. */
  async live(documentId: string): Promise<CollabRoom | null> {
    const room = this.rooms.get(documentId);
    return room ? room.catch(() => null) : null;
  }

  /** Every room open (or loading) now; failed loads are left out. */
  async all(): Promise<CollabRoom[]> {
    const rooms = await Promise.all([...this.rooms.values()].map((room) => room.catch(() => null)));
    return rooms.filter((room): room is CollabRoom => room !== null);
  }

  /** The document's room, loaded (once, whoever asks meanwhile) if it is not open. */
  open(documentId: string): Promise<CollabRoom> {
    let room = this.rooms.get(documentId);
    if (!room) {
      room = this.load(documentId);
      this.rooms.set(documentId, room);
      room.catch(() => this.rooms.delete(documentId));
    }
    return room;
  }

  leave(room: CollabRoom, connection: CollabConnection): void {
    room.leave(connection);
    if (room.connections.size > 0 || this.closing) return;
    // Last one out: make sure everything is stored, compact from memory, then free the memory.
    void room.flush().then(async () => {
      // A broken room was freed already (and a new one may be open): its doc is not what is stored.
      if (room.connections.size === 0 && !room.destroyed && !room.broken) {
        const snapshot = room.tailLength > 0 ? room.snapshotIfSettled() : null;
        this.rooms.delete(room.documentId);
        room.destroy();
        this.sessionEnded$.next(room.documentId);
        if (snapshot) await this.store.saveSnapshot(room.documentId, snapshot.state, snapshot.lastId);
      }
    });
  }

  /** Shutdown: rooms are no longer freed as their sockets leave; `closeAll` frees them all. */
  stopFreeing(): void {
    this.closing = true;
  }

  /** Stores every room's updates, tells each socket `code`, frees the rooms. */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const room of await this.all()) {
      await room.flush();
      for (const connection of room.connections) connection.socket.close(code, reason);
      room.destroy();
    }
    this.rooms.clear();
  }

  /**
   * Gives a document its initial content if it has none. Done here, on the server, under a lock: never by
   * a client, so content cannot be duplicated.
   */
  async ensureSeeded(documentId: string): Promise<void> {
    await this.seed(documentId, false);
  }

  /**
   * ensureSeeded, returning the stored state when this call seeded it (null when there was content);
   * `knownEmpty`: the caller has just read nothing stored.
   */
  private async seed(documentId: string, knownEmpty: boolean): Promise<StoredState | null> {
    const { document } = await this.admission.documentAccessFor({ platformRole: 'admin', personId: null }, documentId);
    return this.store.seedIfEmpty(
      documentId,
      () => {
        const seeded = prosemirrorJSONToYDoc(
          this.schema,
          initialContent(document.type, document.titleEn),
          EDITOR_FRAGMENT,
        );
        const update = Y.encodeStateAsUpdate(seeded);
        seeded.destroy();
        return update;
      },
      knownEmpty,
    );
  }

  private async load(documentId: string): Promise<CollabRoom> {
    const room = new CollabRoom(
      documentId,
      this.store,
      (broken) => {
        this.rooms.delete(broken.documentId);
        broken.destroy();
      },
      (stored) => {
        this.stored$.next(stored.documentId);
        if (this.shouldCompact(stored)) void this.compact(stored);
      },
    );
    // One read for a document that has content; a new one is seeded (under the lock, once) and starts from
    // its seed, read again only when another process seeded it meanwhile.
    if (!(await room.load())) {
      const seeded = await this.seed(documentId, true);
      if (seeded) room.loaded(seeded);
      else await room.load();
    }
    return room;
  }

  private shouldCompact(room: CollabRoom): boolean {
    const { afterUpdates, tailRatio, maxTail } = this.compaction;
    if (room.compacting || room.tailLength < afterUpdates) return false;
    return room.tailLength >= maxTail || room.tailBytes >= room.snapshotBytes * tailRatio;
  }

  /**
   * Compacts a live room from its in-memory doc once it holds only committed updates (see
   * CollabRoom.requestSnapshot): one encode, no re-read of the log.
   */
  private async compact(room: CollabRoom): Promise<void> {
    room.compacting = true;
    try {
      const snapshot = await room.requestSnapshot();
      if (snapshot && (await this.store.saveSnapshot(room.documentId, snapshot.state, snapshot.lastId)))
        room.compacted(snapshot);
    } finally {
      room.compacting = false;
    }
  }
}
