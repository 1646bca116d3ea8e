import { Injectable } from '@nestjs/common';
import { ErrorCode, type LibraryFileDetailDto, type LibraryListDto, type PageQuery } from '@roundtable/contracts';
import type { Actor } from '@roundtable/domain';
import { ApiException, decodeCursor, pageLimit, pageOf } from '@roundtable/api-platform';
import { maxUploadBytes, type ListQuery } from './library.input';
import { presentFile, presentVersion, uploadTargets } from './library.presenter';
import { LibraryRepository, type FileRow } from './library.repository';

/** The kinds a figure may show (the library's checked PNG and JPEG; never SVG, which could carry script). */
export const IMAGE_CONTENT_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg']);

export interface FileBytes {
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/** Reads of the library (PolicyGuard has checked the caller may see the project or file). Never writes. */
@Injectable()
export class LibraryQueries {
  constructor(private readonly repository: LibraryRepository) {}

  /** One page of the files (ADR 029), last updated first, with the project's tags and upload targets. */
  async list(
    actor: Actor,
    userId: string,
    projectId: string,
    query: ListQuery,
    page: PageQuery,
  ): Promise<LibraryListDto & { next: string | null }> {
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const limit = pageLimit(page);
    const { items: rows, next } = pageOf(
      await this.repository.search(projectId, query, after, limit + 1),
      limit,
      (row) => [row.updated_key, row.id],
    );
    const [latest, tags, groupIds] = await Promise.all([
      this.repository.latestVersions(rows.map((r) => r.id)),
      this.repository.tagCounts(projectId),
      this.repository.workingGroupIds(projectId),
    ]);
    return {
      files: rows.map((row) => presentFile(actor, userId, row, latest.get(row.id)!)),
      tags,
      uploadTargets: uploadTargets(actor, projectId, groupIds),
      maxUploadBytes: maxUploadBytes(),
      next,
    };
  }

  async get(actor: Actor, userId: string, fileId: string): Promise<LibraryFileDetailDto> {
    const row = await this.existingFile(fileId);
    const versions = await this.repository.versions(fileId);
    return {
      ...presentFile(actor, userId, row, versions[0]),
      versions: versions.map(presentVersion),
      maxUploadBytes: maxUploadBytes(),
    };
  }

  /** The bytes of a version (the newest when `versionId` is null). */
  async download(fileId: string, versionId: string | null): Promise<FileBytes> {
    await this.existingFile(fileId);
    const row = await this.repository.versionBytes(fileId, versionId);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Version not found.');
    return { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, bytes: row.bytes };
  }

  /**
   * A figure's image (ADR 038): the bytes of a PNG or JPEG version of a file that is not deleted, or null —
   * also when `projectId` is given and the file is another project's (a document never shows a foreign file).
   */
  async image(fileId: string, versionId: string, projectId: string | null): Promise<FileBytes | null> {
    const file = await this.repository.file(fileId);
    if (!file || (projectId !== null && file.project_id !== projectId)) return null;
    const row = await this.repository.versionBytes(fileId, versionId);
    if (!row || !IMAGE_CONTENT_TYPES.has(row.content_type)) return null;
    return { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, bytes: row.bytes };
  }

  private async existingFile(fileId: string): Promise<FileRow> {
    const row = await this.repository.file(fileId);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'File not found.');
    return row;
  }
}
