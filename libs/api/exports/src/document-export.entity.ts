import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ExportFormat } from '@roundtable/contracts';
import { DocumentExportJob } from './export-job.entity';
import { Publication, PublicationVersion } from './publishing/publication.entity';

/** A rendered export file, cached under the hash of everything it was rendered from (owned by this lib). */
@Entity({ name: 'document_exports' })
export class DocumentExport {
  @PrimaryColumn({ name: 'input_hash', type: 'text' }) inputHash!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'version_id', type: 'uuid', nullable: true }) versionId!: string | null;
  @Column({ type: 'text' }) format!: ExportFormat;
  @Column({ type: 'text' }) renderer!: string;
  @Column({ type: 'bytea' }) bytes!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const EXPORT_ENTITIES = [DocumentExport, DocumentExportJob, Publication, PublicationVersion];
