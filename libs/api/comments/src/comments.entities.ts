import type { RelativePositionJson } from '@roundtable/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

/** A discussion anchored to a range of a document's text by two Yjs relative positions. */
@Entity({ name: 'comment_threads' })
export class CommentThread {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'anchor_start', type: 'jsonb' }) anchorStart!: RelativePositionJson;
  @Column({ name: 'anchor_end', type: 'jsonb' }) anchorEnd!: RelativePositionJson;
  @Column('text') quote!: string;
  @Column('text') status!: 'open' | 'resolved';
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  @OneToMany(() => Comment, (comment) => comment.thread)
  comments!: Comment[];
}

@Entity({ name: 'comments' })
export class Comment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'thread_id', type: 'uuid' }) threadId!: string;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId!: string | null;
  @Column('text') body!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true }) editedAt!: Date | null;

  @ManyToOne(() => CommentThread, (thread) => thread.comments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread!: CommentThread;
}

export const COMMENT_ENTITIES = [CommentThread, Comment];
