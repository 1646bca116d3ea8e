import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExportFormat, ExportJobState } from '@roundtable/contracts';

/** A background export and its progress (ADR 031); its file, once made, is in `document_exports`. Owned by api-exports. */
@Entity({ name: 'document_export_jobs' })
export class DocumentExportJob {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'version_id', type: 'uuid', nullable: true }) versionId!: string | null;
  @Column({ type: 'text' }) format!: ExportFormat;
  @Column({ name: 'requested_by_user_id', type: 'uuid' }) requestedByUserId!: string;
  @Column({ type: 'text' }) state!: ExportJobState;
  @Column({ type: 'integer' }) progress!: number;
  @Column({ name: 'input_hash', type: 'text', nullable: true }) inputHash!: string | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
