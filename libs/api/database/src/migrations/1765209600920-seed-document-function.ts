import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seeding a new document's initial content in one round trip (ADR 030): under the per-document lock (the
 * same key as appends and locking), the initial update is stored only if the document has no content yet.
 * Returns the new update's id, or NULL when the document had content (someone seeded it first). Was a
 * transaction of four statements (lock, check, insert, commit) for every document opened for the first time.
 */
export class SeedDocumentFunction1765209600920 implements MigrationInterface {
  name = 'SeedDocumentFunction1765209600920';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION roundtable_seed_document(p_document uuid, p_update bytea, OUT id bigint)
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('document:' || p_document::text, 0));
        IF EXISTS (SELECT 1 FROM document_updates u WHERE u.document_id = p_document)
           OR EXISTS (SELECT 1 FROM document_snapshots s WHERE s.document_id = p_document) THEN
          id := NULL;
          RETURN;
        END IF;
        INSERT INTO document_updates (document_id, data) VALUES (p_document, p_update)
          RETURNING document_updates.id INTO id;
      END
      $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION roundtable_seed_document(uuid, bytea)');
  }
}
