import { recordAudit } from '@roundtable/api-audit';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentStatus, DocumentType } from '@roundtable/contracts';
import { ProjectDocument } from '@roundtable/api-projects';
import { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';

/** Channel on which every process announces `<documentId>:<last update id>` after storing updates. */
export const DOCUMENT_CHANNEL = 'roundtable_doc';
/** Channel on which a process announces `<documentId>` after locking a document. */
export const DOCUMENT_LOCKED_CHANNEL = 'roundtable_doc_locked';
/** Connections reserved for appends (documents append in parallel; one document appends one batch at a time). */
const WRITE_POOL_SIZE = 4;

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

/** A document's row as a feature creates it; the caller chooses the id (its own row links to it). */
export interface NewDocument {
  id: string;
  projectId: string;
  workingGroupId: string | null;
  type: DocumentType;
  titleEn: string;
  titleZh: string;
  status?: DocumentStatus;
}

/** Runs inside the unlocking transaction (throwing refuses the unlock); what it returns runs after the commit. */
export type UnlockHook = (manager: EntityManager, documentId: string) => Promise<(() => Promise<unknown>) | void>;

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Durable state of collaborative documents: a compacted snapshot plus the tail of Yjs updates, in
 * PostgreSQL. The socket transport never writes SQL itself; it goes through this adapter.
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger('DocumentStore');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends get their own small pool: REST traffic or a flood of socket upgrades (each checking a session)
   * must not make a keystroke wait for a free connection.
   */
  private writePool: Pool | null = null;

  private pool(): Pool {
    this.writePool ??= new Pool({
      connectionString: (this.dataSource.options as { url?: string }).url,
      max: WRITE_POOL_SIZE,
    });
    return this.writePool;
  }

  /** Called by the collaboration server once every room is flushed (shutdown hooks of one module run together). */
  async close(): Promise<void> {
    const pool = this.writePool;
    this.writePool = null;
    await pool?.end();
  }

  /** The stored state: one statement (one round trip, one consistent snapshot of both tables). */
  async load(documentId: string): Promise<StoredState> {
    return this.stateAfter(this.dataSource.manager, documentId, 0);
  }

  /** What a process that has applied everything up to `afterId` is missing (snapshot included when needed). */
  async since(documentId: string, afterId: number): Promise<StoredState> {
    return this.stateAfter(this.dataSource.manager, documentId, afterId);
  }

  /** Applies the stored state (snapshot, then tail) to `doc`, in one Yjs transaction. */
  async loadInto(documentId: string, doc: Y.Doc): Promise<void> {
    const state = await this.load(documentId);
    Y.transact(doc, () => {
      if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(doc, update.data);
    });
  }

  /**
   * Appends a batch of updates in one statement (group commit; `roundtable_append_updates` takes the
   * per-document lock, inserts and notifies every process) and resolves with the new ids once PostgreSQL has
   * committed. The lock makes ids commit in order, so a process that has seen id n has seen all below n.
   * `missed` holds what other processes stored that the caller (which has applied up to `afterId`) has not,
   * so it never skips a gap when it moves past our ids.
   */
  async append(
    documentId: string,
    updates: Uint8Array[],
    afterId?: number,
  ): Promise<{ ids: number[]; missed: StoredState | null; locked: boolean }> {
    if (updates.length === 0) return { ids: [], missed: null, locked: false };
    // The hottest statement of the app: on its own pool as a named prepared statement, which
    // halves its cost compared with an unprepared query through TypeORM (docs/benchmarks.md).
    const result = await this.pool().query<{ ids: string[]; missed: boolean; locked: boolean }>({
      name: 'roundtable_append_updates',
      text: 'SELECT ids, missed, locked FROM roundtable_append_updates($1, $2, $3)',
      values: [documentId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)), afterId ?? null],
    });
    const ids = result.rows[0].ids.map(Number);
    // A locked document stores nothing more (ADR 005): the caller drops the batch.
    if (result.rows[0].locked) return { ids, missed: null, locked: true };
    if (!result.rows[0].missed || afterId === undefined) return { ids, missed: null, locked: false };
    const ours = new Set(ids);
    const state = await this.since(documentId, afterId);
    const updatesOfOthers = state.updates.filter((update) => !ours.has(update.id));
    return {
      ids,
      missed: state.snapshot || updatesOfOthers.length > 0 ? { ...state, updates: updatesOfOthers } : null,
      locked: false,
    };
  }

  /**
   * Creates a document's row (no content yet: the first visitor or the creating feature seeds it) in the
   * caller's transaction. Features create their documents here rather than writing the table themselves.
   */
  async createDocument(manager: EntityManager, document: NewDocument): Promise<void> {
    await manager.insert(ProjectDocument, { ...document, status: document.status ?? 'draft' });
  }

  /**
   * Sets a document's lifecycle status (the deliverables' document lifecycle) in the caller's transaction;
   * `at` is the business Clock's now, which `updated_at` shows.
   */
  async setStatus(manager: EntityManager, documentId: string, status: DocumentStatus, at: Date): Promise<void> {
    await manager.query('UPDATE documents SET status = $2, updated_at = $3 WHERE id = $1', [documentId, status, at]);
  }

  /**
   * Locks a document under the same per-document lock as appends: every update stored before returns
   * first, none is stored after. Announces it to every process. Returns false when it was locked already.
   * With `within`, it runs in the caller's transaction (the lock then commits, or not, with the caller's change).
   */
  async lock(documentId: string, userId: string | null, reason: string, within?: EntityManager): Promise<boolean> {
    const run = (body: (manager: EntityManager) => Promise<boolean>) =>
      within ? body(within) : this.dataSource.transaction(body);
    return run(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('document:' || $1::uuid::text, 0))", [
        documentId,
      ]);
      const locked: unknown[] = await manager.query(
        // (A SELECT around the UPDATE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.)
        `WITH locked AS (UPDATE documents SET locked_at = now(), locked_by_user_id = $2, locked_reason = $3
                          WHERE id = $1 AND locked_at IS NULL RETURNING id)
         SELECT id FROM locked`,
        [documentId, userId, reason],
      );
      if (locked.length === 0) return false;
      await recordAudit(manager, {
        actorUserId: userId,
        action: 'document.locked',
        subjectType: 'document',
        subjectId: documentId,
      });
      await manager.query('SELECT pg_notify($1, $2)', [DOCUMENT_LOCKED_CHANNEL, documentId]);
      return true;
    });
  }

  private readonly unlockHooks: UnlockHook[] = [];

  /**
   * Lets the feature that owns a kind of document react to its unlocking in the same transaction (approved
   * minutes go back to draft, ADR 015), so a document is never editable while still shown as final.
   */
  onUnlock(hook: UnlockHook): void {
    this.unlockHooks.push(hook);
  }

  /** Makes a locked document editable again, with every unlock hook in the same transaction. Returns false when it was not locked. */
  async unlock(documentId: string): Promise<boolean> {
    const afterCommit: Array<() => Promise<unknown>> = [];
    const unlocked = await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `WITH unlocked AS (UPDATE documents SET locked_at = NULL, locked_by_user_id = NULL, locked_reason = NULL
                            WHERE id = $1 AND locked_at IS NOT NULL RETURNING id)
         SELECT id FROM unlocked`,
        [documentId],
      );
      if (rows.length === 0) return false;
      await recordAudit(manager, {
        actorUserId: null,
        action: 'document.unlocked',
        subjectType: 'document',
        subjectId: documentId,
      });
      for (const hook of this.unlockHooks) {
        const then = await hook(manager, documentId);
        if (then) afterCommit.push(then);
      }
      return true;
    });
    for (const then of afterCommit) await then();
    return unlocked;
  }

  /**
   * Stores the initial content of a document that has none yet, in one statement
   * (`roundtable_seed_document`: under the per-document lock, it re-checks that nothing is stored), so two
   * processes (or two first visitors) never seed twice. Unless the caller has just seen the document empty
   * (`knownEmpty`), a plain check comes first, so that a document with content costs no template.
   * Returns the stored state when it seeded (the initial update is all there is), so the caller need not read
   * it back; null when the document had content already.
   */
  async seedIfEmpty(
    documentId: string,
    initialUpdate: () => Uint8Array,
    knownEmpty = false,
  ): Promise<StoredState | null> {
    if (!knownEmpty) {
      const [{ exists }] = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM document_updates WHERE document_id = $1)
             OR EXISTS (SELECT 1 FROM document_snapshots WHERE document_id = $1) AS exists`,
        [documentId],
      );
      if (exists) return null;
    }
    const data = initialUpdate();
    const [{ id }]: Array<{ id: string | null }> = await this.dataSource.query(
      'SELECT id FROM roundtable_seed_document($1, $2)',
      [documentId, Buffer.from(data.buffer, data.byteOffset, data.byteLength)],
    );
    return id === null ? null : { snapshot: null, updates: [{ id: Number(id), data }], lastId: Number(id) };
  }

  /**
   * Folds the stored tail into the snapshot through a garbage-collected Y.Doc (not Y.mergeUpdates, which
   * never collects), for a document nobody has open here; a live room compacts from memory (saveSnapshot).
   * Returns whether it compacted.
   */
  async compact(documentId: string): Promise<boolean> {
    return this.withCompactionLock(documentId, async (manager) => {
      const state = await this.stateAfter(manager, documentId, 0);
      if (state.updates.length === 0) return false;
      const doc = new Y.Doc({ gc: true });
      try {
        Y.transact(doc, () => {
          if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
          for (const update of state.updates) Y.applyUpdate(doc, update.data);
        });
        return this.replaceSnapshot(manager, documentId, Y.encodeStateAsUpdate(doc), state.lastId);
      } finally {
        doc.destroy();
      }
    });
  }

  /**
   * Stores `state` (the document up to update `lastId`, from a live room's garbage-collected doc) as the
   * snapshot and drops the tail it covers. Returns whether it was written.
   */
  async saveSnapshot(documentId: string, state: Uint8Array, lastId: number): Promise<boolean> {
    return this.withCompactionLock(documentId, (manager) => this.replaceSnapshot(manager, documentId, state, lastId));
  }

  /** One compaction per document at a time, across processes (try-lock: a busy document is simply skipped). */
  private async withCompactionLock(
    documentId: string,
    body: (manager: EntityManager) => Promise<boolean>,
  ): Promise<boolean> {
    return this.dataSource
      .transaction(async (manager) => {
        const [{ locked }] = await manager.query(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 1)) AS locked',
          [`compact:${documentId}`],
        );
        return locked ? body(manager) : false;
      })
      .catch((error) => {
        this.logger.error(`Compacting ${documentId} failed; the tail stays as it is`, error as Error);
        return false;
      });
  }

  /** A snapshot is only ever replaced by one that covers more updates; then the covered tail goes. */
  private async replaceSnapshot(
    manager: EntityManager,
    documentId: string,
    state: Uint8Array,
    lastId: number,
  ): Promise<boolean> {
    const written: unknown[] = await manager.query(
      `INSERT INTO document_snapshots (document_id, state, last_update_id) VALUES ($1, $2, $3)
       ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, updated_at = now()
         WHERE document_snapshots.last_update_id < EXCLUDED.last_update_id
       RETURNING document_id`,
      [documentId, Buffer.from(state.buffer, state.byteOffset, state.byteLength), lastId],
    );
    if (written.length === 0) return false;
    await manager.query('DELETE FROM document_updates WHERE document_id = $1 AND id <= $2', [documentId, lastId]);
    return true;
  }

  /**
   * The snapshot (when it covers more than `afterId`) and the updates after it, in one statement: PostgreSQL
   * reads both tables from the same snapshot, so no update between them can be missed or counted twice
   * (this used to be two statements in a REPEATABLE READ transaction: five round trips instead of one).
   */
  private async stateAfter(manager: EntityManager, documentId: string, afterId: number): Promise<StoredState> {
    const rows: Array<{ id: string | null; data: Buffer; snapshot_id: string | null }> = await manager.query(
      `WITH s AS (SELECT state, last_update_id FROM document_snapshots WHERE document_id = $1)
       SELECT NULL::bigint AS id, state AS data, last_update_id AS snapshot_id FROM s
       UNION ALL
       (SELECT u.id, u.data, NULL FROM document_updates u
         WHERE u.document_id = $1 AND u.id > GREATEST($2::bigint, COALESCE((SELECT last_update_id FROM s), 0))
         ORDER BY u.id)`,
      [documentId, afterId],
    );
    let snapshot: { data: Buffer; snapshot_id: string | null } | null = null;
    const updates: StoredUpdate[] = [];
    let ordered = true;
    for (const row of rows) {
      if (row.id === null) snapshot = row;
      else {
        const id = Number(row.id);
        if (updates.length > 0 && updates[updates.length - 1].id > id) ordered = false;
        updates.push({ id, data: bytes(row.data) });
      }
    }
    // PostgreSQL returns a UNION ALL's parts in order in practice, but does not promise it: check, never assume.
    if (!ordered) updates.sort((a, b) => a.id - b.id);
    const snapshotId = snapshot ? Number(snapshot.snapshot_id) : 0;
    const useSnapshot = snapshot !== null && snapshotId > afterId;
    // Updates are ordered by id, so the last one is the highest (no spreading: logs can hold 10^5+ rows).
    return {
      snapshot: useSnapshot && snapshot ? bytes(snapshot.data) : null,
      updates,
      lastId: Math.max(afterId, snapshotId, updates.length > 0 ? updates[updates.length - 1].id : 0),
    };
  }
}
