import type { DocumentVersionKind } from '@roundtable/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An immutable snapshot of a document: its Yjs state and its rendering at that moment. */
@Entity({ name: 'document_versions' })
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'text' }) kind!: DocumentVersionKind;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'bytea' }) state!: Buffer;
  @Column({ type: 'text' }) html!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const VERSION_ENTITIES = [DocumentVersion];
