import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approval binds to the text approved (ADR 015): the SHA-256 of the minutes' content (rendered text,
 * decisions, action items) at the moment of approval. Approvals recorded before have none and count as
 * stale, so circulated minutes approved before this change are approved again on their current text.
 */
export class MinutesApprovalFingerprints1765209600001 implements MigrationInterface {
  name = 'MinutesApprovalFingerprints1765209600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE minutes_approvals ADD COLUMN content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE minutes_approvals DROP COLUMN content_sha256');
  }
}
