import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';

/** Channel on which every process announces `<documentId>:<last update id>` after storing updates. */
export const DOCUMENT_CHANNEL = 'roundtable_doc';

export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

export interface StoredState {
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in order. */
  updates: StoredUpdate[];
  /** The highest update id contained in this state (snapshot or tail). */
  lastId: number;
}

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function lockKey(documentId: string): string {
  return `document:${documentId}`;
}

/**
 * Durable state of collaborative documents: a compacted snapshot plus the tail of Yjs updates, in
 * PostgreSQL. The socket transport never writes SQL itself; it goes through this adapter.
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger('DocumentStore');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(documentId: string): Promise<StoredState> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => this.stateAfter(manager, documentId, 0));
  }

  /** What a process that has applied everything up to `afterId` is missing (snapshot included when needed). */
  async since(documentId: string, afterId: number): Promise<StoredState> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => this.stateAfter(manager, documentId, afterId));
  }

  /** Compatibility for readers that want every update as a list (snapshot first). */
  async loadUpdates(documentId: string): Promise<Uint8Array[]> {
    const state = await this.load(documentId);
    return [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.data)];
  }

  /**
   * Appends a batch of updates in one transaction (group commit) and announces it to every process.
   * A per-document lock makes ids commit in order, so a process that has seen id n has seen all below n.
   * Resolves with the new ids once PostgreSQL has committed.
   */
  async append(documentId: string, updates: Uint8Array[], afterId = Number.MAX_SAFE_INTEGER): Promise<{ ids: number[]; missed: StoredState | null }> {
    if (updates.length === 0) return { ids: [], missed: null };
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [lockKey(documentId)]);
      // Under the lock, everything stored before us is committed: return what the caller has not applied
      // yet (written by other processes), so it never skips a gap when it moves past our ids.
      const missed = afterId === Number.MAX_SAFE_INTEGER ? null : await this.stateAfter(manager, documentId, afterId);
      const placeholders = updates.map((_, i) => `($1, $${i + 2})`).join(', ');
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO document_updates (document_id, data) VALUES ${placeholders} RETURNING id`,
        [documentId, ...updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
      );
      const ids = rows.map((row) => Number(row.id)).sort((x, y) => x - y);
      await manager.query('UPDATE documents SET updated_at = now() WHERE id = $1', [documentId]);
      await manager.query('SELECT pg_notify($1, $2)', [DOCUMENT_CHANNEL, `${documentId}:${ids[ids.length - 1]}`]);
      return { ids, missed: missed && (missed.snapshot || missed.updates.length > 0) ? missed : null };
    });
  }

  /**
   * Stores the initial content of a document that has none yet. Runs under the per-document lock and
   * re-checks inside it, so two processes (or two first visitors) never seed twice.
   */
  async seedIfEmpty(documentId: string, initialUpdate: () => Uint8Array): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey(documentId)]);
      const [{ exists }] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM document_updates WHERE document_id = $1)
             OR EXISTS (SELECT 1 FROM document_snapshots WHERE document_id = $1) AS exists`,
        [documentId],
      );
      if (exists) return;
      await manager.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [documentId, Buffer.from(initialUpdate())]);
    });
  }

  /** Bytes stored for a document (snapshot + tail). */
  async storedBytes(documentId: string): Promise<number> {
    const [{ bytes }] = await this.dataSource.query(
      `SELECT (coalesce((SELECT length(state) FROM document_snapshots WHERE document_id = $1), 0)
             + coalesce((SELECT sum(length(data)) FROM document_updates WHERE document_id = $1), 0))::bigint AS bytes`,
      [documentId],
    );
    return Number(bytes);
  }

  /** Number of updates stored after the snapshot. */
  async tailLength(documentId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1', [documentId]);
    return n;
  }

  /**
   * Folds the tail into the snapshot through a garbage-collected Y.Doc (not Y.mergeUpdates, which never
   * collects). One process at a time (try-lock: a busy document is simply skipped), and a snapshot is only
   * replaced by one that covers more updates. Returns whether it compacted.
   */
  async compact(documentId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 1)) AS locked', [`compact:${documentId}`]);
      if (!locked) return false;
      const state = await this.stateAfter(manager, documentId, 0);
      if (state.updates.length === 0) return false;
      const doc = new Y.Doc({ gc: true });
      try {
        Y.transact(doc, () => {
          if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
          for (const update of state.updates) Y.applyUpdate(doc, update.data);
        });
        const compacted = Y.encodeStateAsUpdate(doc);
        const written = await manager.query(
          `INSERT INTO document_snapshots (document_id, state, last_update_id) VALUES ($1, $2, $3)
           ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, updated_at = now()
             WHERE document_snapshots.last_update_id < EXCLUDED.last_update_id
           RETURNING document_id`,
          [documentId, Buffer.from(compacted), state.lastId],
        );
        if (written.length === 0) return false;
        await manager.query('DELETE FROM document_updates WHERE document_id = $1 AND id <= $2', [documentId, state.lastId]);
        return true;
      } finally {
        doc.destroy();
      }
    }).catch((error) => {
      this.logger.error(`Compacting ${documentId} failed; the tail stays as it is`, error as Error);
      return false;
    });
  }

  private async stateAfter(manager: EntityManager, documentId: string, afterId: number): Promise<StoredState> {
    const [snapshot]: Array<{ state: Buffer; last_update_id: string }> = await manager.query(
      'SELECT state, last_update_id FROM document_snapshots WHERE document_id = $1',
      [documentId],
    );
    const snapshotId = snapshot ? Number(snapshot.last_update_id) : 0;
    const useSnapshot = snapshot && snapshotId > afterId;
    const rows: Array<{ id: string; data: Buffer }> = await manager.query(
      'SELECT id, data FROM document_updates WHERE document_id = $1 AND id > $2 ORDER BY id',
      [documentId, Math.max(afterId, snapshotId)],
    );
    const updates = rows.map((row) => ({ id: Number(row.id), data: bytes(row.data) }));
    // Rows come ordered by id, so the last one is the highest (no spreading: logs can hold 10^5+ rows).
    return {
      snapshot: useSnapshot ? bytes(snapshot.state) : null,
      updates,
      lastId: Math.max(afterId, snapshotId, updates.length > 0 ? updates[updates.length - 1].id : 0),
    };
  }
}
