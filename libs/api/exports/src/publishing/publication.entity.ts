import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A document's public page: its slug never changes; `withdrawnAt` set = unpublished (410). Owned by api-exports. */
@Entity({ name: 'publications' })
export class Publication {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) slug!: string;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** One publishing of a frozen document version: number 1, 2, …, its page in both languages, its files once made. */
@Entity({ name: 'publication_versions' })
export class PublicationVersion {
  @PrimaryColumn({ name: 'publication_id', type: 'uuid' }) publicationId!: string;
  @PrimaryColumn({ type: 'integer' }) number!: number;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column({ name: 'published_by_user_id', type: 'uuid', nullable: true }) publishedByUserId!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
  @Column({ type: 'jsonb' }) meta!: unknown;
  @Column({ name: 'page_en', type: 'text' }) pageEn!: string;
  @Column({ name: 'page_zh', type: 'text' }) pageZh!: string;
  @Column({ type: 'bytea', nullable: true }) docx!: Buffer | null;
  @Column({ type: 'bytea', nullable: true }) pdf!: Buffer | null;
}
