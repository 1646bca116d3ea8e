import type { Disposition, ReviewAnswerDto, ReviewerType, ReviewQuestionDto } from '@roundtable/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A review round on a document: a frozen version, a window, instructions and a questionnaire (ADR 041). */
@Entity({ name: 'review_rounds' })
export class ReviewRound {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column('text') name!: string;
  @Column({ name: 'opens_at', type: 'timestamptz' }) opensAt!: Date;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt!: Date;
  @Column({ name: 'instructions_en', type: 'text' }) instructionsEn!: string;
  @Column({ name: 'instructions_zh', type: 'text' }) instructionsZh!: string;
  @Column({ type: 'jsonb' }) questions!: ReviewQuestionDto[];
  @Column('text') status!: 'open' | 'closed' | 'responded';
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Column({ type: 'bytea', nullable: true, select: false }) docx!: Buffer | null;
  @Column({ type: 'bytea', nullable: true, select: false }) pdf!: Buffer | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Someone reviewing in a round: an outside person with a personal link, or a member with their account. */
@Entity({ name: 'review_reviewers' })
export class Reviewer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column('text') name!: string;
  @Column({ type: 'text', nullable: true }) organisation!: string | null;
  @Column('text') type!: ReviewerType;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column('text') locale!: 'en' | 'zh-CN';
  @Column({ name: 'token_hash', type: 'bytea', nullable: true, select: false }) tokenHash!: Buffer | null;
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt!: Date | null;
  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true }) invitedByUserId!: string | null;
  @Column({ name: 'invited_at', type: 'timestamptz' }) invitedAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'first_used_at', type: 'timestamptz', nullable: true }) firstUsedAt!: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'consent_named', type: 'boolean' }) consentNamed!: boolean;
  @Column({ type: 'jsonb' }) answers!: ReviewAnswerDto[];
}

/** A reviewer's short session, made from their link; only the SHA-256 of its cookie is stored. */
@Entity({ name: 'review_sessions' })
export class ReviewSession {
  @PrimaryColumn({ name: 'token_hash', type: 'bytea' }) tokenHash!: Buffer;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}

/** A review comment on a passage of the frozen version (or general), with its disposition. */
@Entity({ name: 'review_comments' })
export class ReviewComment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @Column('integer') number!: number;
  @Column({ type: 'text', nullable: true }) quote!: string | null;
  @Column({ name: 'quote_start', type: 'integer', nullable: true }) quoteStart!: number | null;
  @Column({ name: 'quote_end', type: 'integer', nullable: true }) quoteEnd!: number | null;
  @Column('text') body!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'text', nullable: true }) disposition!: Disposition | null;
  @Column({ name: 'response_en', type: 'text', nullable: true }) responseEn!: string | null;
  @Column({ name: 'response_zh', type: 'text', nullable: true }) responseZh!: string | null;
  @Column({ name: 'change_links', type: 'jsonb' }) changeLinks!: string[];
  @Column({ name: 'duplicate_of_comment_id', type: 'uuid', nullable: true }) duplicateOfCommentId!: string | null;
  @Column({ name: 'disposed_by_user_id', type: 'uuid', nullable: true }) disposedByUserId!: string | null;
  @Column({ name: 'disposed_at', type: 'timestamptz', nullable: true }) disposedAt!: Date | null;
}

export const REVIEW_ENTITIES = [ReviewRound, Reviewer, ReviewSession, ReviewComment];
