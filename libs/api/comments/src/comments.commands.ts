import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mentionedPersonIds, type RelativePositionJson } from '@roundtable/contracts';
import { Clock } from '@roundtable/api-platform';
import { AccessService, type ProjectDocument } from '@roundtable/api-projects';
import { CollaborationServer } from '@roundtable/api-collaboration';
import { NotificationsCommands } from '@roundtable/api-notifications';
import { mailLocale } from '@roundtable/api-mail';
import { DataSource, type EntityManager } from 'typeorm';
import { normaliseRelativePosition } from './anchors';
import { commentPath, documentLink, mentionMail, mentionTitle, replyTitle } from './comment-mail';
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
    private readonly notifications: NotificationsCommands,
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
      await this.notifyMentions(manager, user, document, thread.id, input.quote, input.body);
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
      const mentioned = await this.notifyMentions(manager, user, document, thread.id, thread.quote, body);
      await this.notifyReply(manager, user, document, thread.id, mentioned);
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
        if (added.length > 0) await this.notifyMentions(manager, user, document, thread.id, thread.quote, body, added);
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

  /**
   * Notifications (and, by each person's choice, outbox mails) in the comment's transaction, to each mentioned
   * person of the document's project (never the author, never outsiders). Returns the people notified.
   */
  private async notifyMentions(
    manager: EntityManager,
    author: CommentUser,
    document: ProjectDocument,
    threadId: string,
    quote: string,
    body: string,
    only?: string[],
  ): Promise<Set<string>> {
    const ids = (only ?? mentionedPersonIds(body)).filter((id) => id !== author.personId?.toLowerCase());
    if (ids.length === 0) return new Set();
    const recipients = await this.repository.mentionRecipients(manager, document.projectId, ids);
    const documentTitle = { en: document.titleEn, zh: document.titleZh };
    const mail = (locale: string | null) =>
      mentionMail({
        locale: mailLocale(locale),
        authorName: author.displayName,
        documentTitle,
        quote,
        body,
        link: documentLink(document.id, threadId),
      });
    for (const recipient of recipients)
      await this.notifications.notify(manager, {
        recipient: { personId: recipient.id, email: recipient.email },
        kind: 'mention',
        title: mentionTitle(author.displayName, documentTitle),
        link: commentPath(document.id, threadId),
        mail: { to: recipient.email, ...mail(recipient.locale), kind: 'comment-mention' },
      });
    return new Set(recipients.map((recipient) => recipient.id));
  }

  /** Earlier commenters of the thread hear of a reply (in the app by default), unless mentioned already. */
  private async notifyReply(
    manager: EntityManager,
    author: CommentUser,
    document: ProjectDocument,
    threadId: string,
    mentioned: Set<string>,
  ): Promise<void> {
    const participants = await this.repository.threadParticipants(manager, document.projectId, threadId, author.id);
    const documentTitle = { en: document.titleEn, zh: document.titleZh };
    for (const participant of participants) {
      if (participant.person_id && mentioned.has(participant.person_id)) continue;
      await this.notifications.notify(manager, {
        recipient: { userId: participant.user_id, email: participant.email },
        kind: 'comment-reply',
        title: replyTitle(author.displayName, documentTitle),
        link: commentPath(document.id, threadId),
        mail: null,
      });
    }
  }
}
