import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsentPurpose, DataExportState } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface ConsentRow {
  purpose: ConsentPurpose;
  granted: boolean;
  notice_version: string;
  recorded_at: Date;
}

export interface DataExportRow {
  id: string;
  user_id: string;
  state: DataExportState;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

/** The SQL of this lib's tables: `consents`, `data_exports` (and reads for erasure's look-ups). */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest answer per purpose. */
  currentConsents(userId: string, manager: EntityManager | DataSource = this.dataSource): Promise<ConsentRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (purpose) purpose, granted, notice_version, recorded_at
         FROM consents WHERE user_id = $1 ORDER BY purpose, id DESC`,
      [userId],
    );
  }

  async recordConsent(
    manager: EntityManager,
    row: { userId: string; purpose: ConsentPurpose; granted: boolean; noticeVersion: string },
  ): Promise<void> {
    await manager.query('INSERT INTO consents (user_id, purpose, granted, notice_version) VALUES ($1, $2, $3, $4)', [
      row.userId,
      row.purpose,
      row.granted,
      row.noticeVersion,
    ]);
  }

  async createExport(manager: EntityManager, userId: string, tokenHash: Buffer, days: number): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO data_exports (user_id, token_hash, state, expires_at)
       VALUES ($1, $2, 'queued', now() + make_interval(days => $3)) RETURNING id`,
      [userId, tokenHash, days],
    );
    return row.id;
  }

  exportsOf(userId: string): Promise<DataExportRow[]> {
    return this.dataSource.query(
      `SELECT id, user_id, state, created_at, expires_at, revoked_at FROM data_exports
        WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20`,
      [userId],
    );
  }

  async exportOf(userId: string, id: string): Promise<DataExportRow | null> {
    const [row] = await this.dataSource.query(
      'SELECT id, user_id, state, created_at, expires_at, revoked_at FROM data_exports WHERE id = $1 AND user_id = $2',
      [id, userId],
    );
    return row ?? null;
  }

  /** The file behind a link or an id, when it is done, not revoked and not expired. */
  async downloadable(
    where: { tokenHash: Buffer } | { id: string; userId: string },
  ): Promise<{ id: string; user_id: string; state: DataExportState; bytes: Buffer | null } | null> {
    const [clause, params] =
      'tokenHash' in where
        ? ['token_hash = $1', [where.tokenHash]]
        : ['id = $1 AND user_id = $2', [where.id, where.userId]];
    const [row] = await this.dataSource.query(
      `SELECT id, user_id, state, bytes FROM data_exports
        WHERE ${clause} AND revoked_at IS NULL AND expires_at > now()`,
      params,
    );
    return row ?? null;
  }

  async setExportState(id: string, state: DataExportState, bytes: Buffer | null, error: string | null): Promise<void> {
    await this.dataSource.query('UPDATE data_exports SET state = $2, bytes = $3, error = $4 WHERE id = $1', [
      id,
      state,
      bytes,
      error,
    ]);
  }

  async revokeExport(userId: string, id: string): Promise<boolean> {
    const [rows] = await this.dataSource.query(
      'UPDATE data_exports SET revoked_at = now(), bytes = NULL WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
      [id, userId],
    );
    return (rows as unknown[]).length > 0;
  }

  async deleteExportsOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM data_exports WHERE user_id = $1', [userId]);
  }

  /** Retention: a file is deleted when its link ends (expired or revoked); the row stays a week for the list. */
  async dropEndedExports(manager: EntityManager, now: Date): Promise<number> {
    const [rows] = await manager.query(
      `UPDATE data_exports SET bytes = NULL WHERE bytes IS NOT NULL AND (expires_at <= $1 OR revoked_at IS NOT NULL)
       RETURNING id`,
      [now],
    );
    await manager.query("DELETE FROM data_exports WHERE expires_at < $1::timestamptz - interval '7 days'", [now]);
    return (rows as unknown[]).length;
  }
}
