import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review rounds with outside reviewers (issue #15 items 2–4, ADR 041), all owned by api-reviews. A round
 * freezes a named document version; its reviewers are outside people invited by email (a personal link whose
 * SHA-256 alone is stored, valid until the round closes, revocable) or members reviewing with their account.
 * A link is swapped for a short reviewer session (`review_sessions`, hashed too). Comments quote a passage of
 * the frozen version by its text offsets (or none: general) and carry their disposition. The plan's document
 * links may require a responded round (`plan_item_documents.requires_review_responded`, owned by
 * api-deliverables).
 */
export class ReviewRounds1765209600980 implements MigrationInterface {
  name = 'ReviewRounds1765209600980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
        instructions_en text NOT NULL DEFAULT '',
        instructions_zh text NOT NULL DEFAULT '',
        questions jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'responded')),
        closed_at timestamptz,
        responded_at timestamptz,
        docx bytea,
        pdf bytea,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX review_rounds_document_idx ON review_rounds (document_id, created_at);
      CREATE TABLE review_reviewers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES review_rounds (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        organisation text,
        type text NOT NULL CHECK (type IN ('funder', 'ministry', 'agency', 'patient-organisation', 'member', 'other')),
        email text,
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
        token_hash bytea UNIQUE,
        token_expires_at timestamptz,
        invited_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        invited_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        first_used_at timestamptz,
        submitted_at timestamptz,
        consent_named boolean NOT NULL DEFAULT false,
        answers jsonb NOT NULL DEFAULT '[]',
        CHECK ((user_id IS NULL) <> (token_hash IS NULL AND email IS NULL))
      );
      CREATE UNIQUE INDEX review_reviewers_member_idx ON review_reviewers (round_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX review_reviewers_email_idx ON review_reviewers (round_id, lower(email))
        WHERE email IS NOT NULL AND revoked_at IS NULL;
      CREATE TABLE review_sessions (
        token_hash bytea PRIMARY KEY,
        reviewer_id uuid NOT NULL REFERENCES review_reviewers (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX review_sessions_reviewer_idx ON review_sessions (reviewer_id);
      CREATE TABLE review_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES review_rounds (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES review_reviewers (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        quote text,
        quote_start integer CHECK (quote_start >= 0),
        quote_end integer,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        disposition text CHECK (disposition IN ('accepted', 'partly-accepted', 'not-accepted', 'noted', 'out-of-scope', 'duplicate')),
        response_en text,
        response_zh text,
        change_links jsonb NOT NULL DEFAULT '[]',
        duplicate_of_comment_id uuid REFERENCES review_comments (id) ON DELETE SET NULL,
        disposed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        disposed_at timestamptz,
        UNIQUE (round_id, number),
        CHECK ((quote IS NULL) = (quote_start IS NULL) AND (quote IS NULL) = (quote_end IS NULL)),
        CHECK ((disposition = 'duplicate') = (duplicate_of_comment_id IS NOT NULL))
      );
      CREATE INDEX review_comments_reviewer_idx ON review_comments (reviewer_id);
      ALTER TABLE plan_item_documents ADD COLUMN requires_review_responded boolean NOT NULL DEFAULT false;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE plan_item_documents DROP COLUMN requires_review_responded;
      DROP TABLE review_comments;
      DROP TABLE review_sessions;
      DROP TABLE review_reviewers;
      DROP TABLE review_rounds;
    `);
  }
}
