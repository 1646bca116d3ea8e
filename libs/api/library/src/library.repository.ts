import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LibraryFileKind } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { CheckedUpload, ListQuery, LibraryTarget } from './library.input';

export interface FileRow {
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

export interface VersionRow {
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

export interface VersionBytesRow {
  file_name: string;
  content_type: string;
  sha256: string;
  bytes: Buffer;
}

const FILE_SELECT = `
  SELECT f.updated_at::text AS updated_key, f.id, f.project_id, f.working_group_id, wg.code AS working_group_code, f.name, f.description, f.tags,
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
 * The library's tables (`library_files`, `library_file_versions`, `library_file_blobs`). Raw SQL earns its
 * place here: search over tags (unnest, ILIKE), the newest version per file (DISTINCT ON) and bytea bytes.
 */
@Injectable()
export class LibraryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Files of a project that are not deleted, filtered and searched, last updated first: `count` after the
   * key `(updated_at as text, id)` of the previous page's last row.
   */
  search(
    projectId: string,
    query: ListQuery,
    after: readonly unknown[] | null,
    count: number,
  ): Promise<Array<FileRow & { updated_key: string }>> {
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
    if (after) {
      params.push(...after);
      where.push(`(f.updated_at, f.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    return this.dataSource.query(
      `${FILE_SELECT} WHERE ${where.join(' AND ')} ORDER BY f.updated_at DESC, f.id DESC LIMIT ${count}`,
      params,
    );
  }

  tagCounts(projectId: string): Promise<Array<{ tag: string; count: number }>> {
    return this.dataSource.query(
      `SELECT t AS tag, count(*)::int AS count FROM library_files f, unnest(f.tags) t
        WHERE f.project_id = $1 AND f.deleted_at IS NULL GROUP BY t ORDER BY count(*) DESC, t`,
      [projectId],
    );
  }

  async workingGroupIds(projectId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM working_groups WHERE project_id = $1 ORDER BY position',
      [projectId],
    );
    return rows.map((r) => r.id);
  }

  /** A file that is not deleted. */
  async file(fileId: string): Promise<FileRow | null> {
    const [row]: FileRow[] = await this.dataSource.query(`${FILE_SELECT} WHERE f.id = $1 AND f.deleted_at IS NULL`, [
      fileId,
    ]);
    return row ?? null;
  }

  /** A file's versions, newest first. */
  versions(fileId: string): Promise<VersionRow[]> {
    return this.dataSource.query(`${VERSION_SELECT} WHERE v.file_id = $1 ORDER BY v.number DESC`, [fileId]);
  }

  async latestVersions(fileIds: string[]): Promise<Map<string, VersionRow>> {
    if (fileIds.length === 0) return new Map();
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (v.file_id) * FROM (${VERSION_SELECT} WHERE v.file_id = ANY($1)) v ORDER BY v.file_id, v.number DESC`,
      [fileIds],
    );
    return new Map(rows.map((r) => [r.file_id, r]));
  }

  /** The bytes of a version (the newest when `versionId` is null). */
  async versionBytes(fileId: string, versionId: string | null): Promise<VersionBytesRow | null> {
    const [row]: VersionBytesRow[] = await this.dataSource.query(
      `SELECT v.file_name, v.content_type, v.sha256, b.bytes
         FROM library_file_versions v JOIN library_file_blobs b ON b.version_id = v.id
        WHERE v.file_id = $1 AND ($2::uuid IS NULL OR v.id = $2)
        ORDER BY v.number DESC LIMIT 1`,
      [fileId, versionId],
    );
    return row ?? null;
  }

  // --- inside a command's transaction ---

  async insertFile(
    manager: EntityManager,
    target: LibraryTarget,
    name: string,
    description: string,
    tags: string[],
    userId: string,
  ): Promise<string> {
    const [file]: Array<{ id: string }> = await manager.query(
      `INSERT INTO library_files (project_id, working_group_id, name, description, tags, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [target.projectId, target.workingGroupId, name, description, tags, userId],
    );
    return file.id;
  }

  /**
   * Locks a file that is not deleted and returns its next version number, or null when it is gone. The row
   * lock orders concurrent uploads of the same file, so version numbers never collide.
   */
  async lockForNewVersion(manager: EntityManager, fileId: string): Promise<number | null> {
    const [file]: Array<{ id: string }> = await manager.query(
      'SELECT id FROM library_files WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [fileId],
    );
    if (!file) return null;
    const [{ next }]: Array<{ next: number }> = await manager.query(
      'SELECT coalesce(max(number), 0) + 1 AS next FROM library_file_versions WHERE file_id = $1',
      [fileId],
    );
    return next;
  }

  async insertVersion(
    manager: EntityManager,
    fileId: string,
    number: number,
    checked: CheckedUpload,
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

  async touch(manager: EntityManager, fileId: string): Promise<void> {
    await manager.query('UPDATE library_files SET updated_at = now() WHERE id = $1', [fileId]);
  }

  /** Description and tags; null keeps the current value. */
  async updateMetadata(
    manager: EntityManager,
    fileId: string,
    description: string | null,
    tags: string[] | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE library_files SET description = coalesce($2, description), tags = coalesce($3, tags), updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL`,
      [fileId, description, tags],
    );
  }

  async softDelete(manager: EntityManager, fileId: string, userId: string): Promise<void> {
    await manager.query(
      'UPDATE library_files SET deleted_at = now(), deleted_by_user_id = $2 WHERE id = $1 AND deleted_at IS NULL',
      [fileId, userId],
    );
  }
}
