import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Durable state of collaborative documents: an append-only log of Yjs updates in PostgreSQL.
 * The socket transport never writes SQL itself; it goes through this adapter.
 */
@Injectable()
export class DocumentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async loadUpdates(documentId: string): Promise<Uint8Array[]> {
    const rows: Array<{ data: Buffer }> = await this.dataSource.query(
      'SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id',
      [documentId],
    );
    return rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
  }

  /** Appends a batch of updates in one statement (group commit); resolves once PostgreSQL has committed. */
  async append(documentId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    const placeholders = updates.map((_, i) => `($1, $${i + 2})`).join(', ');
    await this.dataSource.query(
      `INSERT INTO document_updates (document_id, data) VALUES ${placeholders}`,
      [documentId, ...updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
    await this.dataSource.query('UPDATE documents SET updated_at = now() WHERE id = $1', [documentId]);
  }

  /**
   * Stores the initial content of a document that has none yet. Runs under a per-document advisory lock
   * and re-checks inside it, so two processes (or two first visitors) never seed twice.
   */
  async seedIfEmpty(documentId: string, initialUpdate: () => Uint8Array): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('document:' || $1, 0))", [documentId]);
      const [{ exists }] = await manager.query(
        'SELECT EXISTS (SELECT 1 FROM document_updates WHERE document_id = $1) AS exists',
        [documentId],
      );
      if (exists) return;
      const update = initialUpdate();
      await manager.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [documentId, Buffer.from(update)]);
    });
  }
}
