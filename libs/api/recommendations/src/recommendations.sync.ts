import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CollaborationServer,
  DocumentContentService,
  DocumentEvents,
  DocumentStore,
} from '@roundtable/api-collaboration';
import { JobsService } from '@roundtable/api-jobs';
import { recommendationsOf, type RecommendationBlock } from '@roundtable/editor-schema';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { assignMissingIds, isRecommendationId } from './recommendation.edits';
import { searchTextOf } from './recommendation.segment';
import { RecommendationsRepository, type RecommendationRow } from './recommendations.repository';

/** How often the registry looks for documents it has not caught up with (a missed notice, a kill -9). */
export const REGISTRY_SWEEP_SECONDS = 60;

/** Whether the block's content differs from the registry's row (a new revision); position alone does not count. */
function contentChanged(row: RecommendationRow, block: RecommendationBlock): boolean {
  return (
    row.status !== 'active' ||
    row.title !== block.title ||
    row.body !== block.body ||
    row.addressee !== block.addressee ||
    row.horizon !== block.horizon ||
    row.priority !== block.priority ||
    row.frameworks.join(',') !== block.frameworks.join(',')
  );
}

/**
 * Keeps the registry in step with the documents (ADR 042). The documents are the truth; the registry is
 * derived state, rebuilt per document from its stored Yjs state, never written into the document rows.
 * - Every commit is heard by every process (`DocumentEvents.stored$`, PostgreSQL NOTIFY); the document is
 *   synced under a per-document advisory lock, and `recommendation_sync` records the last update id read,
 *   so a second process (or a late notice) finds nothing to do and a sync is never applied backwards.
 * - A sweep on the job queue (at start and every minute) syncs every document whose stored updates go past
 *   its `synced_update_id`: a process killed between a commit and its sync is caught up by the next start.
 * - Restoring an older version is a forward edit like any other: blocks that come back are active again.
 * - Ids: a block without a valid id, with an id repeated in the document, or with the id of another paper's
 *   recommendation gets a fresh one through the collaboration server's edit path (a Yjs update); the sync
 *   that follows that edit records it.
 */
@Injectable()
export class RecommendationsSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecommendationsSync');
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private subscription: Subscription | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RecommendationsRepository,
    private readonly store: DocumentStore,
    private readonly content: DocumentContentService,
    private readonly collaboration: CollaborationServer,
    private readonly events: DocumentEvents,
    private readonly jobs: JobsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.events.stored$.subscribe(({ documentId }) => this.schedule(documentId));
    await this.jobs.every(
      'recommendations-registry',
      () => REGISTRY_SWEEP_SECONDS,
      () => this.sweep(),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.all([...this.running.values()]);
  }

  /** Syncs every document the registry is behind on. */
  async sweep(): Promise<void> {
    for (const documentId of await this.repository.behind()) await this.sync(documentId);
  }

  /** One sync per document at a time in this process; notices meanwhile ask for one more. */
  schedule(documentId: string): void {
    if (this.running.has(documentId)) {
      this.again.add(documentId);
      return;
    }
    const run = this.sync(documentId)
      .catch((error: unknown) => this.logger.error(`Syncing recommendations of ${documentId} failed`, error as Error))
      .finally(() => {
        this.running.delete(documentId);
        if (this.again.delete(documentId)) this.schedule(documentId);
      });
    this.running.set(documentId, run);
  }

  /** Brings the registry rows of one document up to its stored state. */
  async sync(documentId: string): Promise<void> {
    const fixIds = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockDocument(manager, documentId);
      const document = await this.repository.documentRow(manager, documentId);
      if (!document) return null;
      const synced = await this.repository.syncedUpTo(manager, documentId);
      const state = await this.store.load(documentId);
      if (state.lastId <= synced) return null;
      const blocks = this.blocksOf(state);
      const ids = blocks.map((block) => block.recId).filter(isRecommendationId);
      const taken = await this.repository.heldElsewhere(manager, documentId, ids);
      const needsIds = blocks.some(
        (block, i) =>
          !isRecommendationId(block.recId) ||
          taken.has(block.recId) ||
          blocks.findIndex((other) => other.recId === block.recId) !== i,
      );
      if (needsIds && !document.locked) return taken; // fixed by an edit; the sync after it records the blocks
      const existing = new Map((await this.repository.ofDocument(manager, documentId)).map((row) => [row.id, row]));
      const seen = new Set<string>();
      const changed: string[] = [];
      for (const block of blocks) {
        // A locked document cannot be edited: its blocks without a usable id stay out of the registry.
        if (!isRecommendationId(block.recId) || taken.has(block.recId) || seen.has(block.recId)) continue;
        seen.add(block.recId);
        const row = existing.get(block.recId);
        const revise = !row || contentChanged(row, block);
        if (!revise && row.position === block.position) continue;
        await this.repository.upsert(
          manager,
          { projectId: document.project_id, documentId, block, status: 'active' },
          searchTextOf(`${block.title}\n${block.body}`),
          revise,
          state.lastId,
        );
        if (revise) changed.push(block.recId);
      }
      const removed = [...existing.values()]
        .filter((row) => row.status === 'active' && !seen.has(row.id))
        .map((row) => row.id);
      await this.repository.markRemoved(manager, removed, state.lastId);
      await this.repository.rescore(manager, changed);
      await this.repository.markSynced(manager, documentId, state.lastId);
      return null;
    });
    if (fixIds) {
      await this.collaboration.editDocument(documentId, (doc) => void assignMissingIds(doc, fixIds));
    }
  }

  private blocksOf(state: {
    snapshot: Uint8Array | null;
    updates: Array<{ data: Uint8Array }>;
  }): RecommendationBlock[] {
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
        for (const update of state.updates) Y.applyUpdate(doc, update.data);
      });
      return recommendationsOf(this.content.jsonOf(doc));
    } finally {
      doc.destroy();
    }
  }
}
