import type { LibraryFileKind } from '@roundtable/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A working document of a group (or of the project when `workingGroupId` is null). Soft-deleted: history stays. */
@Entity({ name: 'library_files' })
export class LibraryFile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'working_group_id', type: 'uuid', nullable: true }) workingGroupId!: string | null;
  /** The name given at the first upload; new versions keep it (each version keeps its own file name). */
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ name: 'deleted_by_user_id', type: 'uuid', nullable: true }) deletedByUserId!: string | null;
  @Column({ name: 'seed_key', type: 'text', nullable: true }) seedKey!: string | null;
}

/** One uploaded version; never updated. Its bytes live in `library_file_blobs`. */
@Entity({ name: 'library_file_versions' })
export class LibraryFileVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column('integer') number!: number;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column('text') kind!: LibraryFileKind;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true }) uploadedByUserId!: string | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
  @Column('text') note!: string;
}

/** The bytes of a version, apart from the metadata so that lists never read them. */
@Entity({ name: 'library_file_blobs' })
export class LibraryFileBlob {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column({ type: 'bytea' }) bytes!: Buffer;
}

export const LIBRARY_ENTITIES = [LibraryFile, LibraryFileVersion, LibraryFileBlob];
