import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Locked documents (approved minutes, final papers): read-only for everyone. The append function refuses
 * updates of a locked document under the same per-document lock that locking takes, so no update can be
 * stored after the lock has committed, whatever process received it.
 */
export class DocumentLocks1764993600000 implements MigrationInterface {
  name = 'DocumentLocks1764993600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE documents
        ADD COLUMN locked_at timestamptz,
        ADD COLUMN locked_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN locked_reason text;
      DROP FUNCTION roundtable_append_updates(uuid, bytea[], bigint);
      CREATE FUNCTION roundtable_append_updates(p_document uuid, p_updates bytea[], p_after bigint,
                                                OUT ids bigint[], OUT missed boolean, OUT locked boolean)
      LANGUAGE plpgsql AS $$
      BEGIN
        -- The per-document lock (same key as seeding and locking) makes ids of one document commit in order.
        PERFORM pg_advisory_xact_lock(hashtextextended('document:' || p_document::text, 0));
        SELECT d.locked_at IS NOT NULL INTO locked FROM documents d WHERE d.id = p_document;
        locked := coalesce(locked, false);
        missed := false;
        IF locked THEN
          ids := '{}';
          RETURN;
        END IF;
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
    await queryRunner.query(`
      DROP FUNCTION roundtable_append_updates(uuid, bytea[], bigint);
      CREATE FUNCTION roundtable_append_updates(p_document uuid, p_updates bytea[], p_after bigint,
                                                OUT ids bigint[], OUT missed boolean)
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('document:' || p_document::text, 0));
        missed := p_after IS NOT NULL AND (
             EXISTS (SELECT 1 FROM document_updates u WHERE u.document_id = p_document AND u.id > p_after)
          OR EXISTS (SELECT 1 FROM document_snapshots s WHERE s.document_id = p_document AND s.last_update_id > p_after));
        WITH inserted AS (
          INSERT INTO document_updates (document_id, data)
          SELECT p_document, u.data FROM unnest(p_updates) WITH ORDINALITY AS u(data, n) ORDER BY u.n
          RETURNING document_updates.id
        )
        SELECT array_agg(inserted.id ORDER BY inserted.id) INTO ids FROM inserted;
        UPDATE documents SET updated_at = now() WHERE id = p_document AND updated_at < now() - interval '1 minute';
        PERFORM pg_notify('roundtable_doc', p_document::text || ':' || ids[array_length(ids, 1)]);
      END
      $$;
      ALTER TABLE documents DROP COLUMN locked_at, DROP COLUMN locked_by_user_id, DROP COLUMN locked_reason;
    `);
  }
}
