import type { SuggestionKind, SuggestionState } from '@roundtable/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who made a suggestion, when, and the last decision on it (ADR 040). The id is the one the suggestion's marks
 * carry in the text (made by the author's editor, a random UUID), so the text never names a person.
 */
@Entity({ name: 'suggestions' })
export class Suggestion {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column('text') kind!: SuggestionKind;
  @Column('text') state!: SuggestionState;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'thread_id', type: 'uuid', nullable: true }) threadId!: string | null;
}

export const SUGGESTION_ENTITIES = [Suggestion];
