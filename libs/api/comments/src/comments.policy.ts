import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry, type LoadedResource, type PolicyUser } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { Comment, CommentThread } from './comments.entities';

/**
 * Loads comment threads and comments for `PolicyGuard`: each is seen exactly when its document is (the
 * document's own loader decides), with the caller's part in it for `canComment`.
 */
@Injectable()
export class CommentsPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('commentThread', {
      notFound: 'Comment thread not found.',
      visibleWith: 'document',
      load: async (id, user) => {
        const thread = await this.dataSource.getRepository(CommentThread).findOne({ where: { id } });
        return (
          thread && this.withDocument(thread.documentId, user, { openedByActor: thread.createdByUserId === user.id })
        );
      },
    });
    this.registry.registerLoader('comment', {
      notFound: 'Comment not found.',
      visibleWith: 'document',
      load: async (id, user) => {
        const comment = await this.dataSource
          .getRepository(Comment)
          .findOne({ where: { id }, relations: { thread: true } });
        return (
          comment &&
          this.withDocument(comment.thread.documentId, user, {
            openedByActor: comment.thread.createdByUserId === user.id,
            authoredByActor: comment.authorUserId === user.id,
          })
        );
      },
    });
  }

  private async withDocument(
    documentId: string,
    user: PolicyUser,
    thread: LoadedResource['thread'],
  ): Promise<LoadedResource | null> {
    const document = await this.registry.loader('document').load(documentId, user);
    return document && { ...document, thread };
  }
}
