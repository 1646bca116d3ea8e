import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type DocumentVersionDto,
  type DocumentVersionKind,
  type DocumentVersionSummaryDto,
  type LineDiffEntry,
} from '@roundtable/contracts';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { config } from '@roundtable/api-config';
import { ApiException } from '@roundtable/api-platform';
import { CollaborationServer, DocumentContentService, DocumentStore } from '@roundtable/api-collaboration';
import { getSchema } from '@tiptap/core';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Subscription } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { diffText } from './line-diff';

/** Minimum age of a document's last version before an automatic one is taken; read on every use. */
export function versionIntervalMs(): number {
  return config().versionIntervalMs;
}

interface VersionRow {
  id: string;
  kind: DocumentVersionKind;
  name: string | null;
  created_at: Date;
  created_by: string | null;
}

/**
 * Version history of documents. Automatic versions are taken off the socket path (after group commits
 * and when the last editor leaves); named and restore versions on request. Rows are never updated or
 * deleted, and restoring is one forward Yjs edit of the live document.
 */
@Injectable()
export class VersionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Versions');
  private readonly schema = getSchema(editorExtensions());
  private readonly subscriptions: Subscription[] = [];
  /** Per document: when its last version was taken (this process' view), to skip queries on busy documents. */
  private readonly lastVersionAt = new Map<string, number>();
  /** Documents with updates stored since their room opened: candidates for a session-end version. */
  private readonly dirty = new Set<string>();
  /** Per document: the chain of background version tasks, so they run one at a time. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly autoQueued = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly collaboration: CollaborationServer,
    private readonly store: DocumentStore,
    private readonly content: DocumentContentService,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriptions.push(
      this.collaboration.stored$.subscribe((documentId) => this.onStored(documentId)),
      this.collaboration.sessionEnded$.subscribe((documentId) => this.onSessionEnded(documentId)),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    await Promise.all([...this.chains.values()]);
  }

  // --- automatic versions (never on the socket path: queued, errors logged) ---

  private onStored(documentId: string): void {
    this.dirty.add(documentId);
    const last = this.lastVersionAt.get(documentId);
    if (last !== undefined && Date.now() - last < versionIntervalMs()) return;
    if (this.autoQueued.has(documentId)) return;
    this.autoQueued.add(documentId);
    this.background(documentId, async () => {
      this.autoQueued.delete(documentId);
      await this.takeIfChanged(documentId, 'auto');
    });
  }

  private onSessionEnded(documentId: string): void {
    this.lastVersionAt.delete(documentId);
    if (!this.dirty.delete(documentId)) return; // opened and read only: nothing to record
    this.background(documentId, () => this.takeIfChanged(documentId, 'session-end'));
  }

  private background(documentId: string, task: () => Promise<void>): void {
    const previous = this.chains.get(documentId) ?? Promise.resolve();
    const next = previous
      .then(task)
      .catch((error) => this.logger.error(`Taking a version of ${documentId} failed`, error as Error))
      .finally(() => {
        if (this.chains.get(documentId) === next) this.chains.delete(documentId);
      });
    this.chains.set(documentId, next);
  }

  /**
   * 'auto': only when the last version is older than the interval (or there is none);
   * 'session-end': whenever the content differs from the last version. Either way, never a duplicate.
   */
  private async takeIfChanged(documentId: string, kind: 'auto' | 'session-end'): Promise<void> {
    // Several API processes may see the same document's edits: one of them takes the version, under a
    // per-document transaction lock; the others find it when they get the lock and skip.
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('version:' || $1::uuid::text, 0))", [
        documentId,
      ]);
      const [last]: Array<{ html: string; age_ms: number }> = await manager.query(
        `SELECT html, (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 AS age_ms
           FROM document_versions WHERE document_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [documentId],
      );
      if (last && kind === 'auto' && last.age_ms < versionIntervalMs()) {
        this.lastVersionAt.set(documentId, Date.now() - last.age_ms);
        return;
      }
      await this.withCurrentDoc(documentId, async (doc) => {
        const rendered = this.content.renderDoc(doc);
        if (last && last.html === rendered.html) return;
        await this.insert(documentId, kind, null, null, doc, rendered, manager);
      });
      if (kind === 'auto') this.lastVersionAt.set(documentId, Date.now());
    });
  }

  // --- requests ---

  /** Newest first, one page; `before` (a version of this document) continues after that version. */
  async list(documentId: string, page: { before: string | null; limit: number }): Promise<DocumentVersionSummaryDto[]> {
    if (page.before) await this.row(documentId, page.before);
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT v.id, v.kind, v.name, v.created_at, u.display_name AS created_by
         FROM document_versions v LEFT JOIN users u ON u.id = v.created_by_user_id
        WHERE v.document_id = $1
          AND ($2::uuid IS NULL OR (v.created_at, v.id) < (SELECT created_at, id FROM document_versions WHERE id = $2::uuid))
        ORDER BY v.created_at DESC, v.id DESC
        LIMIT $3`,
      [documentId, page.before, page.limit],
    );
    return rows.map(summary);
  }

  async name(documentId: string, name: string, userId: string): Promise<DocumentVersionSummaryDto> {
    const id = await this.withCurrentDoc(documentId, (doc) =>
      this.insert(documentId, 'named', name, userId, doc, this.content.renderDoc(doc)),
    );
    return summary(await this.row(documentId, id));
  }

  /**
   * The frozen snapshot of approved minutes: call it after the document is locked, so the state it records
   * is the last one anyone can store. Returns the version id.
   */
  async freeze(documentId: string, name: string, userId: string | null): Promise<string> {
    return this.withCurrentDoc(documentId, (doc) =>
      this.insert(documentId, 'approved', name, userId, doc, this.content.renderDoc(doc)),
    );
  }

  async get(documentId: string, versionId: string): Promise<DocumentVersionDto> {
    const row = await this.row(documentId, versionId);
    const rendered = await this.renderVersion(documentId, versionId);
    return { ...summary(row), ...rendered };
  }

  /** A version's stored state as a Y.Doc (thrown away after `use`), with its summary; 404 when not this document's. */
  async withVersion<T>(
    documentId: string,
    versionId: string,
    use: (doc: Y.Doc, version: DocumentVersionSummaryDto) => T,
  ): Promise<T> {
    const row = await this.row(documentId, versionId);
    const [version]: Array<{ state: Buffer }> = await this.dataSource.query(
      'SELECT state FROM document_versions WHERE id = $1',
      [versionId],
    );
    return this.fromState(version.state, (doc) => use(doc, summary(row)));
  }

  /** Line diff of the Markdown renderings, from the version to `against` (another version, or the current document). */
  async diff(documentId: string, versionId: string, against: string): Promise<LineDiffEntry[]> {
    const before = await this.renderVersion(documentId, versionId);
    const after =
      against === 'current' ? await this.content.render(documentId) : await this.renderVersion(documentId, against);
    return diffText(before.markdown, after.markdown);
  }

  /**
   * Makes the document's content equal to the version's with one forward edit (stored, then relayed to
   * every editor), changing only what differs. The current state is kept first as a 'restore' version; no stored row is rewritten.
   */
  async restore(documentId: string, versionId: string, userId: string): Promise<DocumentVersionSummaryDto> {
    const [version]: Array<{ state: Buffer }> = await this.dataSource.query(
      'SELECT state FROM document_versions WHERE id = $1 AND document_id = $2',
      [versionId, documentId],
    );
    if (!version) throw new ApiException(ErrorCode.NotFound, 'Version not found.');
    const json = this.fromState(version.state, (doc) =>
      yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FRAGMENT), this.schema).toJSON(),
    );
    const before = await this.withCurrentDoc(documentId, (doc) =>
      this.insert(documentId, 'restore', null, userId, doc, this.content.renderDoc(doc)),
    );
    const target = this.schema.nodeFromJSON(json);
    await this.collaboration.editDocument(documentId, (doc) => {
      // Reconcile rather than replace: what is the same in both keeps its Yjs items, so comment anchors
      // (relative positions into those items) survive wherever their text is still there.
      updateYFragment(doc, doc.getXmlFragment(EDITOR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    });
    return summary(await this.row(documentId, before));
  }

  // --- helpers ---

  private async row(documentId: string, versionId: string): Promise<VersionRow> {
    const [row]: VersionRow[] = await this.dataSource.query(
      `SELECT v.id, v.kind, v.name, v.created_at, u.display_name AS created_by
         FROM document_versions v LEFT JOIN users u ON u.id = v.created_by_user_id
        WHERE v.id = $1 AND v.document_id = $2`,
      [versionId, documentId],
    );
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Version not found.');
    return row;
  }

  private async renderVersion(documentId: string, versionId: string) {
    const [version]: Array<{ state: Buffer }> = await this.dataSource.query(
      'SELECT state FROM document_versions WHERE id = $1 AND document_id = $2',
      [versionId, documentId],
    );
    if (!version) throw new ApiException(ErrorCode.NotFound, 'Version not found.');
    return this.fromState(version.state, (doc) => this.content.renderDoc(doc));
  }

  private fromState<T>(state: Buffer, use: (doc: Y.Doc) => T): T {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, new Uint8Array(state.buffer, state.byteOffset, state.byteLength));
      return use(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * The document as it is stored now: the live room's committed state if open (it may be ahead of storage by
   * edits relayed but not yet committed; a version never holds what is not stored), else the stored state.
   */
  private async withCurrentDoc<T>(documentId: string, use: (doc: Y.Doc) => Promise<T> | T): Promise<T> {
    const room = await this.collaboration.liveRoom(documentId);
    const snapshot = room ? await room.requestSnapshot() : null;
    const doc = new Y.Doc();
    try {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      else {
        await this.collaboration.ensureSeeded(documentId);
        await this.store.loadInto(documentId, doc);
      }
      return await use(doc);
    } finally {
      doc.destroy();
    }
  }

  private async insert(
    documentId: string,
    kind: DocumentVersionKind,
    name: string | null,
    userId: string | null,
    doc: Y.Doc,
    rendered: { html: string; text: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO document_versions (document_id, kind, name, state, html, text, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [documentId, kind, name, Buffer.from(Y.encodeStateAsUpdate(doc)), rendered.html, rendered.text, userId],
    );
    this.lastVersionAt.set(documentId, Date.now());
    return id;
  }
}

function summary(row: VersionRow): DocumentVersionSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}
