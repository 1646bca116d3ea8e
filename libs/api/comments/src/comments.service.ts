import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  mentionedPersonIds,
  type CommentDto,
  type CommentThreadDto,
  type MentionableDto,
  type RelativePositionJson,
} from '@roundtable/contracts';
import { canComment, type Actor } from '@roundtable/domain';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { ApiException, Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, type ProjectDocument } from '@roundtable/api-projects';
import { CollaborationServer, DocumentStore } from '@roundtable/api-collaboration';
import { MailService } from '@roundtable/api-mail';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { fragmentSize, normaliseRelativePosition, resolvePosition } from './anchors';
import { documentLink, mentionMail } from './comment-mail';
import { Comment, CommentThread } from './comments.entities';

export interface NewThread {
  anchorStart: RelativePositionJson;
  anchorEnd: RelativePositionJson;
  quote: string;
  body: string;
}

const MENTIONABLE_LIMIT = 20;

/** People who may be mentioned in a project: current working-group members and its coordinators. */
const PROJECT_PEOPLE_SQL = `
  SELECT p.id, p.display_name, p.email, u.locale
    FROM people p
    LEFT JOIN users u ON u.person_id = p.id
   WHERE EXISTS (SELECT 1 FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
                  WHERE m.person_id = p.id AND m.left_on IS NULL AND wg.project_id = $1)
      OR EXISTS (SELECT 1 FROM project_roles r
                  WHERE r.person_id = p.id AND r.project_id = $1 AND r.role = 'coordinator' AND r.revoked_at IS NULL)
      OR u.platform_role = 'coordinator'`;

type User = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId' | 'displayName'>;

@Injectable()
export class CommentsService {
  private readonly logger = new Logger('Comments');
  private readonly schema = getSchema(editorExtensions());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly collaboration: CollaborationServer,
    private readonly store: DocumentStore,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  async list(user: User, documentId: string): Promise<CommentThreadDto[]> {
    const { document } = await this.access.documentAccessFor(user, documentId);
    const actor = await this.access.actorFor(user);
    const threads = await this.dataSource.getRepository(CommentThread).find({
      where: { documentId },
      relations: { comments: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.present(user, actor, document, threads);
  }

  async create(user: User, documentId: string, input: NewThread): Promise<CommentThreadDto> {
    const { document } = await this.access.documentAccessFor(user, documentId);
    const actor = await this.access.actorFor(user);
    const threadId = await this.dataSource.transaction(async (manager) => {
      const thread = await manager.getRepository(CommentThread).save({
        documentId,
        anchorStart: normaliseRelativePosition(input.anchorStart),
        anchorEnd: normaliseRelativePosition(input.anchorEnd),
        quote: input.quote,
        status: 'open' as const,
        resolvedBy: null,
        resolvedAt: null,
        createdByUserId: user.id,
        createdAt: this.clock.now(),
      });
      await manager.getRepository(Comment).save({
        threadId: thread.id,
        authorUserId: user.id,
        body: input.body,
        editedAt: null,
        createdAt: this.clock.now(),
      });
      await this.notifyMentions(manager, user, document, input.quote, input.body);
      return thread.id;
    });
    const thread = await this.loadThread(threadId);
    this.changed(documentId);
    return (await this.present(user, actor, document, [thread]))[0];
  }

  async reply(user: User, threadId: string, body: string): Promise<CommentThreadDto> {
    const { thread, document, actor } = await this.threadFor(user, threadId);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(Comment)
        .save({ threadId: thread.id, authorUserId: user.id, body, editedAt: null, createdAt: this.clock.now() });
      await this.notifyMentions(manager, user, document, thread.quote, body);
    });
    const updated = await this.loadThread(thread.id);
    this.changed(document.id);
    return (await this.present(user, actor, document, [updated]))[0];
  }

  async setStatus(user: User, threadId: string, status: 'open' | 'resolved'): Promise<CommentThreadDto> {
    const { thread, document, actor } = await this.threadFor(user, threadId);
    if (thread.status !== status) {
      await this.dataSource
        .getRepository(CommentThread)
        .update(
          { id: thread.id },
          status === 'resolved'
            ? { status, resolvedBy: user.id, resolvedAt: this.clock.now() }
            : { status, resolvedBy: null, resolvedAt: null },
        );
      this.changed(document.id);
    }
    return (await this.present(user, actor, document, [await this.loadThread(thread.id)]))[0];
  }

  /** Only the author edits; mentions added by the edit are notified, earlier ones are not mailed twice. */
  async edit(user: User, commentId: string, body: string): Promise<CommentThreadDto> {
    const { comment, thread, document, actor } = await this.commentFor(user, commentId);
    if (comment.body !== body) {
      const before = new Set(mentionedPersonIds(comment.body));
      const added = mentionedPersonIds(body).filter((id) => !before.has(id));
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(Comment).update({ id: comment.id }, { body, editedAt: this.clock.now() });
        if (added.length > 0) await this.notifyMentions(manager, user, document, thread.quote, body, added);
      });
      this.changed(document.id);
    }
    return (await this.present(user, actor, document, [await this.loadThread(thread.id)]))[0];
  }

  /** Deletes one comment; a thread left without comments goes with it. */
  async remove(user: User, commentId: string): Promise<void> {
    const { comment, thread, document } = await this.commentFor(user, commentId);
    await this.dataSource.transaction(async (manager) => {
      // Lock the thread so a reply arriving at the same moment is not left in a deleted thread.
      await manager.query('SELECT id FROM comment_threads WHERE id = $1 FOR UPDATE', [thread.id]);
      await manager.query('DELETE FROM comments WHERE id = $1', [comment.id]);
      await manager.query(
        'DELETE FROM comment_threads t WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id)',
        [thread.id],
      );
    });
    this.changed(document.id);
  }

  async mentionable(user: User, documentId: string, query: string): Promise<MentionableDto[]> {
    const { document } = await this.access.documentAccessFor(user, documentId);
    const q = query
      .trim()
      .slice(0, 100)
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows: Array<{ id: string; display_name: string }> = await this.dataSource.query(
      `SELECT DISTINCT id, display_name FROM (${PROJECT_PEOPLE_SQL}) people
        WHERE display_name ILIKE $2 ESCAPE '\\'
        ORDER BY display_name, id LIMIT ${MENTIONABLE_LIMIT}`,
      [document.projectId, `%${q}%`],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  private async threadFor(
    user: User,
    threadId: string,
  ): Promise<{ thread: CommentThread; document: ProjectDocument; actor: Actor }> {
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

  /** Live panels reload (a lost signal only delays that until the next refresh, so it is not awaited). */
  private changed(documentId: string): void {
    this.collaboration
      .commentsChanged(documentId)
      .catch((error) => this.logger.warn(`Could not announce comment changes: ${(error as Error).message}`));
  }

  private async commentFor(
    user: User,
    commentId: string,
  ): Promise<{ comment: Comment; thread: CommentThread; document: ProjectDocument; actor: Actor }> {
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

  private loadThread(id: string): Promise<CommentThread> {
    return this.dataSource.getRepository(CommentThread).findOneOrFail({ where: { id }, relations: { comments: true } });
  }

  /** Outbox mails, in the comment's transaction, to each mentioned person of the document's project (never the author, never outsiders). */
  private async notifyMentions(
    manager: EntityManager,
    author: User,
    document: ProjectDocument,
    quote: string,
    body: string,
    only?: string[],
  ): Promise<void> {
    const ids = (only ?? mentionedPersonIds(body)).filter((id) => id !== author.personId?.toLowerCase());
    if (ids.length === 0) return;
    const recipients: Array<{ id: string; email: string }> = await manager.query(
      `SELECT DISTINCT id, email FROM (${PROJECT_PEOPLE_SQL}) people WHERE id = ANY($2::uuid[])`,
      [document.projectId, ids],
    );
    const message = mentionMail({
      authorName: author.displayName,
      documentTitle: { en: document.titleEn, zh: document.titleZh },
      quote,
      body,
      link: documentLink(document.id),
    });
    for (const recipient of recipients)
      await this.mail.enqueue(manager, { to: recipient.email, ...message, kind: 'comment-mention' });
  }

  private async present(
    user: User,
    actor: Actor,
    document: ProjectDocument,
    threads: CommentThread[],
  ): Promise<CommentThreadDto[]> {
    const userIds = new Set<string>();
    for (const thread of threads) {
      if (thread.createdByUserId) userIds.add(thread.createdByUserId);
      if (thread.resolvedBy) userIds.add(thread.resolvedBy);
      for (const comment of thread.comments ?? []) if (comment.authorUserId) userIds.add(comment.authorUserId);
    }
    const names = new Map<string, string>();
    if (userIds.size > 0) {
      const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
        'SELECT u.id, coalesce(p.display_name, u.display_name) AS name FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE u.id = ANY($1::uuid[])',
        [[...userIds]],
      );
      for (const row of rows) names.set(row.id, row.name);
    }
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? '—') : '—');
    const anchors =
      threads.length > 0 ? await this.resolveAnchors(document.id, threads) : new Map<string, ResolvedAnchor>();
    return threads.map((thread) => {
      const anchor = anchors.get(thread.id) ?? { range: null, currentText: '', detached: true };
      const comments: CommentDto[] = [...(thread.comments ?? [])]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
        .map((c) => ({
          id: c.id,
          authorUserId: c.authorUserId ?? '',
          authorName: nameOf(c.authorUserId),
          body: c.body,
          createdAt: c.createdAt.toISOString(),
          editedAt: c.editedAt ? c.editedAt.toISOString() : null,
          canEdit: canComment(actor, 'edit', document, { authoredByActor: c.authorUserId === user.id }),
          canDelete: canComment(actor, 'delete', document, { authoredByActor: c.authorUserId === user.id }),
        }));
      return {
        id: thread.id,
        documentId: thread.documentId,
        anchorStart: thread.anchorStart,
        anchorEnd: thread.anchorEnd,
        quote: thread.quote,
        status: thread.status,
        createdByUserId: thread.createdByUserId ?? '',
        createdByName: nameOf(thread.createdByUserId),
        createdAt: thread.createdAt.toISOString(),
        resolvedByName: thread.resolvedBy ? nameOf(thread.resolvedBy) : null,
        resolvedAt: thread.resolvedAt ? thread.resolvedAt.toISOString() : null,
        ...anchor,
        canResolve: canComment(actor, 'resolve', document, { openedByActor: thread.createdByUserId === user.id }),
        comments,
      };
    });
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

interface ResolvedAnchor {
  range: { from: number; to: number } | null;
  currentText: string;
  detached: boolean;
}
