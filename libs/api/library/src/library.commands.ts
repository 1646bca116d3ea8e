import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { checkUpload, editedTags, metadataFields, type LibraryTarget, type UploadInput } from './library.input';
import { LibraryRepository } from './library.repository';

/**
 * Changes to the library, each in one transaction (metadata, version and bytes together: all or nothing).
 * PolicyGuard and LibraryUploadGuard have checked the caller may make them (ADR 012).
 */
@Injectable()
export class LibraryCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: LibraryRepository,
  ) {}

  /** A new file with its first version; returns the file's id. */
  async create(userId: string, target: LibraryTarget, upload: UploadInput): Promise<string> {
    const { description, tags } = metadataFields(upload.fields, 'file');
    const checked = checkUpload(upload);
    return this.dataSource.transaction(async (manager) => {
      const fileId = await this.repository.insertFile(
        manager,
        target,
        checked.fileName,
        description ?? '',
        tags ?? [],
        userId,
      );
      await this.repository.insertVersion(manager, fileId, 1, checked, '', upload.bytes, userId);
      return fileId;
    });
  }

  /** A new version of a file; the earlier ones stay downloadable. Returns the file's id. */
  async addVersion(userId: string, target: LibraryTarget, upload: UploadInput): Promise<string> {
    const { note } = metadataFields(upload.fields, 'version');
    const checked = checkUpload(upload);
    const fileId = target.fileId!;
    await this.dataSource.transaction(async (manager) => {
      const next = await this.repository.lockForNewVersion(manager, fileId);
      if (next === null) throw new ApiException(ErrorCode.NotFound, 'File not found.');
      await this.repository.insertVersion(manager, fileId, next, checked, note ?? '', upload.bytes, userId);
      // The file keeps the name people know it by; the upload's own name stays with its version.
      await this.repository.touch(manager, fileId);
    });
    return fileId;
  }

  async update(fileId: string, body: { description?: string; tags?: string[] }): Promise<void> {
    await this.existingFile(fileId);
    const tags = editedTags(body.tags);
    await this.dataSource.transaction((manager) =>
      this.repository.updateMetadata(manager, fileId, body.description?.trim() ?? null, tags ?? null),
    );
  }

  /**
   * Soft delete: the file leaves every list and download, its versions and bytes stay in the database
   * (ADR 012: an accidental delete can be undone by an administrator, and who deleted what is recorded).
   */
  async remove(userId: string, fileId: string): Promise<void> {
    await this.existingFile(fileId);
    await this.dataSource.transaction((manager) => this.repository.softDelete(manager, fileId, userId));
  }

  private async existingFile(fileId: string): Promise<void> {
    if (!(await this.repository.file(fileId))) throw new ApiException(ErrorCode.NotFound, 'File not found.');
  }
}
