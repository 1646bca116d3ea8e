import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Bilingual,
  type CommentThreadDto,
  type MentionableDto,
  type StartMentionDto,
  type PageQuery,
  PAGE_LIMITS,
} from '@roundtable/contracts';
import type { Actor } from '@roundtable/domain';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { ApiException, decodeCursor, pageLimit, pageOf, type Page } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, type ProjectDocument } from '@roundtable/api-projects';
import { CollaborationServer, DocumentStore } from '@roundtable/api-collaboration';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { fragmentSize, resolvePosition } from './anchors';
import { Comment, CommentThread } from './comments.entities';
import { presentAddressed, presentThread, userIdsOf, type ResolvedAnchor } from './comments.presenter';
import { CommentsRepository } from './comments.repository';

export type CommentUser = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId' | 'displayName'>;

export interface LoadedThread {
  thread: CommentThread;
  document: ProjectDocument;
  actor: Actor;
}

/** Reads of comments: threads with their anchors resolved on the live or stored document; mention picker. */
@Injectable()
export class CommentsQueries {
  private readonly logger = new Logger('Comments');
  private readonly schema = getSchema(editorExtensions());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CommentsRepository,
    private readonly access: AccessService,
    private readonly collaboration: CollaborationServer,
    private readonly store: DocumentStore,
  ) {}

  /** One page of a document's threads, oldest first (ADR 029). */
  async list(user: CommentUser, documentId: string, query: PageQuery): Promise<Page<CommentThreadDto>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const { document } = await this.access.documentAccessFor(user, documentId);
    const actor = await this.access.actorFor(user);
    const limit = pageLimit(query);
    const page = pageOf(await this.repository.threadsOf(documentId, after, limit + 1), limit, (row) => row.key);
    const threads = page.items.map((row) => row.thread);
    return { items: await this.present(user, actor, document, threads), next: page.next };
  }

  /** Every thread of a document, oldest first, read page by page (for exports, which show them all). */
  async all(user: CommentUser, documentId: string): Promise<CommentThreadDto[]> {
    const threads: CommentThreadDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(user, documentId, { limit: PAGE_LIMITS.max, cursor });
      threads.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor);
    return threads;
  }

  /** One thread as the caller sees it, read again (after a change). */
  async thread(user: CommentUser, threadId: string): Promise<CommentThreadDto> {
    const { document, actor } = await this.threadFor(user, threadId);
    return (await this.present(user, actor, document, [await this.repository.thread(threadId)]))[0];
  }

  /**
   * Mentions of the caller and replies to threads they wrote in, newest first, among the documents the caller
   * may read (the caller passes them, from the projects lib's listing): at most `limit`, with the total.
   */
  async addressedTo(
    user: CommentUser,
    documents: ReadonlyArray<{ id: string; title: Bilingual }>,
    limit: number,
  ): Promise<{ items: StartMentionDto[]; total: number }> {
    if (documents.length === 0) return { items: [], total: 0 };
    const titles = new Map(documents.map((d) => [d.id, d.title]));
    const rows = await this.repository.addressedTo(user, [...titles.keys()], limit);
    return {
      items: rows.map((row) => presentAddressed(row, titles.get(row.document_id) ?? { en: '', zh: '' })),
      total: rows[0]?.total ?? 0,
    };
  }

  async mentionable(user: CommentUser, documentId: string, query: string): Promise<MentionableDto[]> {
    const { document } = await this.access.documentAccessFor(user, documentId);
    const rows = await this.repository.mentionable(document.projectId, query);
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** A thread with its document, for someone who may see the document (else 404 for the thread). */
  async threadFor(user: CommentUser, threadId: string): Promise<LoadedThread> {
    const thread = await this.dataSource.getRepository(CommentThread).findOne({ where: { id: threadId } });
    if (!thread) throw new ApiException(ErrorCode.NotFound, 'Comment thread not found.');
    try {
      const { document } = await this.access.documentAccessFor(user, thread.documentId);
      return { thread, document, actor: await this.access.actorFor(user) };
    } catch (error) {
      if (error instanceof ApiException) throw new ApiException(ErrorCode.NotFound, 'Comment thread not found.');
      throw error;
    }
  }

  /** A comment with its thread and document (404 for the comment when either is out of reach). */
  async commentFor(user: CommentUser, commentId: string): Promise<LoadedThread & { comment: Comment }> {
    const comment = await this.dataSource.getRepository(Comment).findOne({ where: { id: commentId } });
    if (!comment) throw new ApiException(ErrorCode.NotFound, 'Comment not found.');
    try {
      return { comment, ...(await this.threadFor(user, comment.threadId)) };
    } catch (error) {
      if (error instanceof ApiException && error.code === ErrorCode.NotFound)
        throw new ApiException(ErrorCode.NotFound, 'Comment not found.');
      throw error;
    }
  }

  private async present(
    user: CommentUser,
    actor: Actor,
    document: ProjectDocument,
    threads: CommentThread[],
  ): Promise<CommentThreadDto[]> {
    const names = await this.repository.userNames(userIdsOf(threads));
    const anchors =
      threads.length > 0 ? await this.resolveAnchors(document.id, threads) : new Map<string, ResolvedAnchor>();
    return threads.map((thread) => presentThread(user.id, actor, document, thread, names, anchors.get(thread.id)));
  }

  /** Resolves each thread's anchors against the live document (or the stored one when nobody has it open). */
  private async resolveAnchors(documentId: string, threads: CommentThread[]): Promise<Map<string, ResolvedAnchor>> {
    const room = await this.collaboration.liveRoom(documentId);
    let doc: Y.Doc;
    let owned = false;
    if (room) doc = room.doc;
    else {
      await this.collaboration.ensureSeeded(documentId);
      doc = new Y.Doc();
      owned = true;
      await this.store.loadInto(documentId, doc);
    }
    try {
      const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
      const size = fragmentSize(fragment);
      let root: ReturnType<typeof yXmlFragmentToProseMirrorRootNode> | null = null;
      try {
        root = yXmlFragmentToProseMirrorRootNode(fragment, this.schema);
      } catch (error) {
        this.logger.warn(`Could not render document ${documentId} for comment anchors: ${(error as Error).message}`);
      }
      const result = new Map<string, ResolvedAnchor>();
      for (const thread of threads) {
        const from = resolvePosition(doc, fragment, thread.anchorStart);
        const to = resolvePosition(doc, fragment, thread.anchorEnd);
        if (from === null || to === null || to <= from || to > size) {
          result.set(thread.id, { range: from !== null ? { from, to: from } : null, currentText: '', detached: true });
          continue;
        }
        const currentText = root ? root.textBetween(from, Math.min(to, root.content.size), '\n', '\n') : '';
        result.set(thread.id, { range: { from, to }, currentText, detached: currentText.length === 0 });
      }
      return result;
    } finally {
      if (owned) doc.destroy();
    }
  }
}
