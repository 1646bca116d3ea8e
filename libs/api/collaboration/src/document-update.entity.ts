import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One Yjs update as received from a client (or produced by the server), in arrival order. */
@Entity({ name: 'document_updates' })
export class DocumentUpdate {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'bytea' }) data!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const COLLABORATION_ENTITIES = [DocumentUpdate];
