import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  LIBRARY_LIMITS,
  type FieldError,
  type LibraryFileDetailDto,
  type LibraryFileDto,
  type LibraryFileKind,
  type LibraryFileVersionDto,
  type LibraryListDto,
} from '@roundtable/contracts';
import { can, checkLibraryFile, normaliseTags, sanitizeFileName, splitTags, type Actor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService } from '@roundtable/api-projects';
import { createHash } from 'crypto';
import { DataSource, type EntityManager } from 'typeorm';

const DEFAULT_MAX_UPLOAD_MB = LIBRARY_LIMITS.defaultMaxUploadMb;

/** Largest accepted file in bytes (LIBRARY_MAX_UPLOAD_MB, default 25 MB); read on every upload. */
export function maxUploadBytes(): number {
  const mb = Number(process.env.LIBRARY_MAX_UPLOAD_MB);
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024);
}

/** Where an upload goes: a group's library, or the project's when `workingGroupId` is null. */
export interface LibraryTarget {
  projectId: string;
  workingGroupId: string | null;
  /** Set when the upload is a new version of this file. */
  fileId?: string;
}

export interface UploadInput {
  originalName: string;
  bytes: Buffer;
  /** Multipart text fields, unvalidated. */
  fields: Record<string, unknown>;
}

export interface FileBytes {
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

export interface ListQuery {
  q?: string;
  tag?: string;
  /** A group id, or 'project' for project-level files only. */
  workingGroupId?: string;
}

interface FileRow {
  id: string;
  project_id: string;
  working_group_id: string | null;
  working_group_code: string | null;
  name: string;
  description: string;
  tags: string[];
  created_by_user_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version_count: number;
}

interface VersionRow {
  id: string;
  file_id: string;
  number: number;
  file_name: string;
  kind: LibraryFileKind;
  content_type: string;
  size_bytes: string;
  sha256: string;
  uploaded_at: Date;
  uploaded_by: string | null;
  note: string;
}

const FILE_SELECT = `
  SELECT f.id, f.project_id, f.working_group_id, wg.code AS working_group_code, f.name, f.description, f.tags,
         f.created_by_user_id, u.display_name AS created_by, f.created_at, f.updated_at,
         (SELECT count(*)::int FROM library_file_versions v WHERE v.file_id = f.id) AS version_count
    FROM library_files f
    LEFT JOIN working_groups wg ON wg.id = f.working_group_id
    LEFT JOIN users u ON u.id = f.created_by_user_id`;

const VERSION_SELECT = `
  SELECT v.id, v.file_id, v.number, v.file_name, v.kind, v.content_type, v.size_bytes::text, v.sha256, v.uploaded_at,
         v.note, u.display_name AS uploaded_by
    FROM library_file_versions v
    LEFT JOIN users u ON u.id = v.uploaded_by_user_id`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The working-documents library: uploads (all-or-nothing, one transaction for metadata and bytes),
 * versions, description and tags, search, authorised downloads. Rules come from `can` (ADR 012).
 */
@Injectable()
export class LibraryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  // --- reads ---

  async list(user: AuthenticatedUser, projectId: string, query: ListQuery): Promise<LibraryListDto> {
    const actor = await this.access.actorFor(user);
    const params: unknown[] = [projectId];
    const where = ['f.project_id = $1', 'f.deleted_at IS NULL'];
    const q = query.q?.trim();
    if (q) {
      params.push(`%${escapeLike(q)}%`);
      const p = `$${params.length}`;
      where.push(
        `(f.name ILIKE ${p} OR f.description ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(f.tags) t WHERE t ILIKE ${p}))`,
      );
    }
    if (query.tag) {
      params.push(query.tag.trim().toLowerCase());
      where.push(`$${params.length} = ANY (f.tags)`);
    }
    if (query.workingGroupId === 'project') where.push('f.working_group_id IS NULL');
    else if (query.workingGroupId) {
      params.push(query.workingGroupId);
      where.push(`f.working_group_id = $${params.length}`);
    }
    const rows: FileRow[] = await this.dataSource.query(
      `${FILE_SELECT} WHERE ${where.join(' AND ')} ORDER BY f.updated_at DESC, f.id LIMIT 1000`,
      params,
    );
    const latest = await this.latestVersions(rows.map((r) => r.id));
    const tags: Array<{ tag: string; count: number }> = await this.dataSource.query(
      `SELECT t AS tag, count(*)::int AS count FROM library_files f, unnest(f.tags) t
        WHERE f.project_id = $1 AND f.deleted_at IS NULL GROUP BY t ORDER BY count(*) DESC, t`,
      [projectId],
    );
    const groups: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM working_groups WHERE project_id = $1 ORDER BY position',
      [projectId],
    );
    const uploadTargets = [...groups.map((g) => g.id), null].filter((workingGroupId) =>
      can(actor, 'library.upload', this.resource({ projectId, workingGroupId })),
    );
    return {
      files: rows.map((row) => this.toDto(actor, user, row, latest.get(row.id)!)),
      tags,
      uploadTargets,
      maxUploadBytes: maxUploadBytes(),
    };
  }

  async get(user: AuthenticatedUser, fileId: string): Promise<LibraryFileDetailDto> {
    const actor = await this.access.actorFor(user);
    const row = await this.existingFile(fileId);
    const versions: VersionRow[] = await this.dataSource.query(
      `${VERSION_SELECT} WHERE v.file_id = $1 ORDER BY v.number DESC`,
      [fileId],
    );
    return {
      ...this.toDto(actor, user, row, versions[0]),
      versions: versions.map(toVersionDto),
      maxUploadBytes: maxUploadBytes(),
    };
  }

  /** The bytes of a version (the newest when `versionId` is null), for someone who may see the file. */
  async download(fileId: string, versionId: string | null): Promise<FileBytes> {
    await this.existingFile(fileId);
    const [row]: Array<{ file_name: string; content_type: string; sha256: string; bytes: Buffer }> =
      await this.dataSource.query(
        `SELECT v.file_name, v.content_type, v.sha256, b.bytes
         FROM library_file_versions v JOIN library_file_blobs b ON b.version_id = v.id
        WHERE v.file_id = $1 AND ($2::uuid IS NULL OR v.id = $2)
        ORDER BY v.number DESC LIMIT 1`,
        [fileId, versionId],
      );
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Version not found.');
    return { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, bytes: row.bytes };
  }

  // --- writes ---

  /** A new file with its first version; metadata, version and bytes in one transaction. */
  async create(user: AuthenticatedUser, target: LibraryTarget, upload: UploadInput): Promise<LibraryFileDetailDto> {
    const { description, tags } = this.metadataFields(upload.fields, 'file');
    const checked = this.checkUpload(upload);
    const fileId = await this.dataSource.transaction(async (manager) => {
      const [file]: Array<{ id: string }> = await manager.query(
        `INSERT INTO library_files (project_id, working_group_id, name, description, tags, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [target.projectId, target.workingGroupId, checked.fileName, description ?? '', tags ?? [], user.id],
      );
      await this.insertVersion(manager, file.id, 1, checked, '', upload.bytes, user.id);
      return file.id;
    });
    return this.get(user, fileId);
  }

  /** A new version of a file; the earlier ones stay downloadable. */
  async addVersion(user: AuthenticatedUser, target: LibraryTarget, upload: UploadInput): Promise<LibraryFileDetailDto> {
    const { note } = this.metadataFields(upload.fields, 'version');
    const checked = this.checkUpload(upload);
    const fileId = target.fileId!;
    await this.dataSource.transaction(async (manager) => {
      // The row lock orders concurrent uploads of the same file, so version numbers never collide.
      const [file]: Array<{ id: string }> = await manager.query(
        'SELECT id FROM library_files WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
        [fileId],
      );
      if (!file) throw new ApiException(ErrorCode.NotFound, 'File not found.');
      const [{ next }]: Array<{ next: number }> = await manager.query(
        'SELECT coalesce(max(number), 0) + 1 AS next FROM library_file_versions WHERE file_id = $1',
        [fileId],
      );
      await this.insertVersion(manager, fileId, next, checked, note ?? '', upload.bytes, user.id);
      // The file keeps the name people know it by; the upload's own name stays with its version.
      await manager.query('UPDATE library_files SET updated_at = now() WHERE id = $1', [fileId]);
    });
    return this.get(user, fileId);
  }

  async update(
    user: AuthenticatedUser,
    fileId: string,
    body: { description?: string; tags?: string[] },
  ): Promise<LibraryFileDetailDto> {
    await this.existingFile(fileId);
    const fields: FieldError[] = [];
    let tags: string[] | undefined;
    if (body.tags !== undefined) {
      const result = normaliseTags(body.tags);
      if (result.ok) tags = result.tags;
      else fields.push({ field: 'tags', message: result.message });
    }
    if (fields.length > 0) throw new ApiException(ErrorCode.ValidationFailed, 'Invalid tags', { fields });
    await this.dataSource.query(
      `UPDATE library_files SET description = coalesce($2, description), tags = coalesce($3, tags), updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL`,
      [fileId, body.description?.trim() ?? null, tags ?? null],
    );
    return this.get(user, fileId);
  }

  /**
   * Soft delete: the file leaves every list and download, its versions and bytes stay in the database
   * (ADR 012: an accidental delete can be undone by an administrator, and who deleted what is recorded).
   */
  async remove(user: AuthenticatedUser, fileId: string): Promise<void> {
    await this.existingFile(fileId);
    await this.dataSource.query(
      'UPDATE library_files SET deleted_at = now(), deleted_by_user_id = $2 WHERE id = $1 AND deleted_at IS NULL',
      [fileId, user.id],
    );
  }

  // --- helpers ---

  private resource(target: Pick<LibraryTarget, 'projectId' | 'workingGroupId'>, ownedByActor = false) {
    return {
      projectId: target.projectId,
      workingGroupIds: target.workingGroupId ? [target.workingGroupId] : [],
      ownedByActor,
    };
  }

  /** A file that is not deleted (PolicyGuard has checked the caller may see it). */
  private async existingFile(fileId: string): Promise<FileRow> {
    const [row]: FileRow[] = await this.dataSource.query(`${FILE_SELECT} WHERE f.id = $1 AND f.deleted_at IS NULL`, [
      fileId,
    ]);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'File not found.');
    return row;
  }

  private async latestVersions(fileIds: string[]): Promise<Map<string, VersionRow>> {
    if (fileIds.length === 0) return new Map();
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (v.file_id) * FROM (${VERSION_SELECT} WHERE v.file_id = ANY($1)) v ORDER BY v.file_id, v.number DESC`,
      [fileIds],
    );
    return new Map(rows.map((r) => [r.file_id, r]));
  }

  /**
   * The multipart fields: description and tags belong to the file (first upload); a new version takes only
   * its note.
   */
  private metadataFields(
    fields: Record<string, unknown>,
    upload: 'file' | 'version',
  ): { description?: string; tags?: string[]; note?: string } {
    const errors: FieldError[] = [];
    const known = upload === 'file' ? ['description', 'tags'] : ['note'];
    for (const key of Object.keys(fields)) {
      if (!known.includes(key)) errors.push({ field: key, message: `${key} is not expected here` });
    }
    let description: string | undefined;
    let tags: string[] | undefined;
    if (fields.description !== undefined && known.includes('description')) {
      if (typeof fields.description !== 'string')
        errors.push({ field: 'description', message: 'description must be text' });
      else if ([...fields.description.trim()].length > LIBRARY_LIMITS.descriptionMax) {
        errors.push({
          field: 'description',
          message: `description must be at most ${LIBRARY_LIMITS.descriptionMax} characters`,
        });
      } else description = fields.description.trim();
    }
    if (fields.tags !== undefined && known.includes('tags')) {
      if (typeof fields.tags !== 'string')
        errors.push({ field: 'tags', message: 'tags must be one comma-separated text field' });
      else {
        const result = normaliseTags(splitTags(fields.tags));
        if (result.ok) tags = result.tags;
        else errors.push({ field: 'tags', message: result.message });
      }
    }
    let note: string | undefined;
    if (fields.note !== undefined && known.includes('note')) {
      if (typeof fields.note !== 'string') errors.push({ field: 'note', message: 'note must be text' });
      else if ([...fields.note.trim()].length > LIBRARY_LIMITS.versionNoteMax)
        errors.push({ field: 'note', message: `note must be at most ${LIBRARY_LIMITS.versionNoteMax} characters` });
      else note = fields.note.trim();
    }
    if (errors.length > 0) {
      throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${errors.map((e) => e.field).join(', ')}`, {
        fields: errors,
      });
    }
    return { description, tags, note };
  }

  private checkUpload(upload: UploadInput): {
    fileName: string;
    kind: LibraryFileKind;
    contentType: string;
    sha256: string;
  } {
    const fileName = sanitizeFileName(upload.originalName);
    if (!fileName)
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid file', {
        fields: [{ field: 'file', message: 'file must have a name' }],
      });
    const check = checkLibraryFile(fileName, upload.bytes);
    if (!check.ok) {
      const code = check.reason === 'empty' ? ErrorCode.ValidationFailed : ErrorCode.UnsupportedFileType;
      throw new ApiException(code, check.message, { fields: [{ field: 'file', message: check.message }] });
    }
    return {
      fileName,
      kind: check.kind,
      contentType: check.contentType,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    };
  }

  private async insertVersion(
    manager: EntityManager,
    fileId: string,
    number: number,
    checked: { fileName: string; kind: LibraryFileKind; contentType: string; sha256: string },
    note: string,
    bytes: Buffer,
    userId: string,
  ): Promise<void> {
    const [version]: Array<{ id: string }> = await manager.query(
      `INSERT INTO library_file_versions (file_id, number, file_name, kind, content_type, size_bytes, sha256, uploaded_by_user_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [fileId, number, checked.fileName, checked.kind, checked.contentType, bytes.length, checked.sha256, userId, note],
    );
    await manager.query('INSERT INTO library_file_blobs (version_id, bytes) VALUES ($1, $2)', [version.id, bytes]);
  }

  private toDto(actor: Actor, user: AuthenticatedUser, row: FileRow, latest: VersionRow): LibraryFileDto {
    const target = toTarget(row);
    return {
      id: row.id,
      projectId: row.project_id,
      workingGroupId: row.working_group_id,
      workingGroupCode: row.working_group_code,
      name: row.name,
      description: row.description,
      tags: row.tags,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      uploadedBy: row.created_by,
      latest: toVersionDto(latest),
      versionCount: row.version_count,
      canUpload: can(actor, 'library.upload', this.resource(target)),
      canEdit: can(actor, 'library.edit', this.resource(target, row.created_by_user_id === user.id)),
      canDelete: can(actor, 'library.delete', this.resource(target)),
    };
  }
}

function toTarget(row: FileRow): LibraryTarget {
  return { projectId: row.project_id, workingGroupId: row.working_group_id, fileId: row.id };
}

function toVersionDto(row: VersionRow): LibraryFileVersionDto {
  return {
    id: row.id,
    number: row.number,
    fileName: row.file_name,
    kind: row.kind,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256.trim(),
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by,
    note: row.note,
  };
}
