import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mentionedPersonIds, type RelativePositionJson } from '@roundtable/contracts';
import { Clock } from '@roundtable/api-platform';
import { AccessService, type ProjectDocument } from '@roundtable/api-projects';
import { CollaborationServer } from '@roundtable/api-collaboration';
import { MailService } from '@roundtable/api-mail';
import { DataSource, type EntityManager } from 'typeorm';
import { normaliseRelativePosition } from './anchors';
import { documentLink, mentionMail } from './comment-mail';
import { Comment, CommentThread } from './comments.entities';
import { CommentsQueries, type CommentUser } from './comments.queries';
import { CommentsRepository } from './comments.repository';

export interface NewThread {
  anchorStart: RelativePositionJson;
  anchorEnd: RelativePositionJson;
  quote: string;
  body: string;
}

/**
 * Changes to comments, each in one transaction with the mention mails it sends (outbox rows); after the
 * commit the document's sockets are told so live panels reload.
 */
@Injectable()
export class CommentsCommands {
  private readonly logger = new Logger('Comments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CommentsRepository,
    private readonly queries: CommentsQueries,
    private readonly access: AccessService,
    private readonly collaboration: CollaborationServer,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** A thread with its first comment; returns the thread's id. */
  async create(user: CommentUser, documentId: string, input: NewThread): Promise<string> {
    const { document } = await this.access.documentAccessFor(user, documentId);
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
    this.changed(documentId);
    return threadId;
  }

  async reply(user: CommentUser, threadId: string, body: string): Promise<void> {
    const { thread, document } = await this.queries.threadFor(user, threadId);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(Comment)
        .save({ threadId: thread.id, authorUserId: user.id, body, editedAt: null, createdAt: this.clock.now() });
      await this.notifyMentions(manager, user, document, thread.quote, body);
    });
    this.changed(document.id);
  }

  async setStatus(user: CommentUser, threadId: string, status: 'open' | 'resolved'): Promise<void> {
    const { thread, document } = await this.queries.threadFor(user, threadId);
    if (thread.status === status) return;
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

  /** Only the author edits; mentions added by the edit are notified, earlier ones are not mailed twice. Returns the thread's id. */
  async edit(user: CommentUser, commentId: string, body: string): Promise<string> {
    const { comment, thread, document } = await this.queries.commentFor(user, commentId);
    if (comment.body !== body) {
      const before = new Set(mentionedPersonIds(comment.body));
      const added = mentionedPersonIds(body).filter((id) => !before.has(id));
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(Comment).update({ id: comment.id }, { body, editedAt: this.clock.now() });
        if (added.length > 0) await this.notifyMentions(manager, user, document, thread.quote, body, added);
      });
      this.changed(document.id);
    }
    return thread.id;
  }

  /** Deletes one comment; a thread left without comments goes with it. */
  async remove(user: CommentUser, commentId: string): Promise<void> {
    const { comment, thread, document } = await this.queries.commentFor(user, commentId);
    await this.dataSource.transaction((manager) => this.repository.removeComment(manager, thread.id, comment.id));
    this.changed(document.id);
  }

  /** Live panels reload (a lost signal only delays that until the next refresh, so it is not awaited). */
  private changed(documentId: string): void {
    this.collaboration
      .commentsChanged(documentId)
      .catch((error) => this.logger.warn(`Could not announce comment changes: ${(error as Error).message}`));
  }

  /** Outbox mails, in the comment's transaction, to each mentioned person of the document's project (never the author, never outsiders). */
  private async notifyMentions(
    manager: EntityManager,
    author: CommentUser,
    document: ProjectDocument,
    quote: string,
    body: string,
    only?: string[],
  ): Promise<void> {
    const ids = (only ?? mentionedPersonIds(body)).filter((id) => id !== author.personId?.toLowerCase());
    if (ids.length === 0) return;
    const recipients = await this.repository.mentionRecipients(manager, document.projectId, ids);
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
}
