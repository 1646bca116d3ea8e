import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending a batch of Yjs updates in one round trip: lock, gap check, INSERT and NOTIFY used to be five
 * statements in a transaction, which cost more than the commit itself (ADR 005, docs/benchmarks.md).
 * A single function call runs as its own transaction, so the advisory lock is held until the commit and the
 * notification is delivered at the commit, as before.
 */
export class AppendUpdatesFunction1764950400000 implements MigrationInterface {
  name = 'AppendUpdatesFunction1764950400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION roundtable_append_updates(p_document uuid, p_updates bytea[], p_after bigint,
                                                OUT ids bigint[], OUT missed boolean)
      LANGUAGE plpgsql AS $$
      BEGIN
        -- The per-document lock (same key as seeding) makes ids of one document commit in order.
        PERFORM pg_advisory_xact_lock(hashtextextended('document:' || p_document::text, 0));
        -- Did another process store something the caller has not applied yet? (It then fetches it.)
        missed := p_after IS NOT NULL AND (
             EXISTS (SELECT 1 FROM document_updates u WHERE u.document_id = p_document AND u.id > p_after)
          OR EXISTS (SELECT 1 FROM document_snapshots s WHERE s.document_id = p_document AND s.last_update_id > p_after));
        WITH inserted AS (
          INSERT INTO document_updates (document_id, data)
          SELECT p_document, u.data FROM unnest(p_updates) WITH ORDINALITY AS u(data, n) ORDER BY u.n
          RETURNING document_updates.id
        )
        SELECT array_agg(inserted.id ORDER BY inserted.id) INTO ids FROM inserted;
        -- "Last edited" to the minute: rewriting the documents row on every keystroke batch costs WAL for nothing.
        UPDATE documents SET updated_at = now() WHERE id = p_document AND updated_at < now() - interval '1 minute';
        PERFORM pg_notify('roundtable_doc', p_document::text || ':' || ids[array_length(ids, 1)]);
      END
      $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION roundtable_append_updates(uuid, bytea[], bigint)');
  }
}
