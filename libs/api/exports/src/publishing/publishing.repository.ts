import { recordAudit } from '@roundtable/api-audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentStatus } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublicationMeta } from './public-page.renderer';

export interface PublishableDocumentRow {
  id: string;
  project_id: string;
  working_group_id: string | null;
  title_en: string;
  title_zh: string;
  status: DocumentStatus;
}

export interface PublicationRow {
  id: string;
  document_id: string;
  slug: string;
  withdrawn_at: Date | null;
}

export interface PublicationVersionRow {
  number: number;
  version_id: string;
  published_at: Date;
  meta: PublicationMeta;
}

export interface PublishedPageRow {
  withdrawn_at: Date | null;
  number: number | null;
  latest: number | null;
  page_en: string | null;
  page_zh: string | null;
  document_id: string;
  version_id: string | null;
}

/** The SQL of publishing: its own tables (`publications`, `publication_versions`) and reads of documents and members. */
@Injectable()
export class PublishingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async document(documentId: string): Promise<PublishableDocumentRow | null> {
    const [row] = await this.dataSource.query(
      'SELECT id, project_id, working_group_id, title_en, title_zh, status FROM documents WHERE id = $1',
      [documentId],
    );
    return row ?? null;
  }

  async workingGroup(id: string | null): Promise<PublicationMeta['workingGroup']> {
    if (!id) return null;
    const [row] = await this.dataSource.query('SELECT code, title_en, title_zh FROM working_groups WHERE id = $1', [
      id,
    ]);
    return row ? { code: row.code, title: { en: row.title_en, zh: row.title_zh } } : null;
  }

  async versionOfDocument(documentId: string, versionId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM document_versions WHERE id = $1 AND document_id = $2', [
      versionId,
      documentId,
    ]);
    return rows.length > 0;
  }

  /**
   * Current members of the document's group, or of every group of the project for a project-level document;
   * not those who refused to be named on papers, nor erased people (ADR 043).
   */
  authorCandidates(
    document: Pick<PublishableDocumentRow, 'project_id' | 'working_group_id'>,
  ): Promise<Array<{ person_id: string; name: string }>> {
    return this.dataSource.query(
      `SELECT DISTINCT p.id AS person_id, p.display_name AS name
         FROM memberships m JOIN working_groups g ON g.id = m.working_group_id JOIN people p ON p.id = m.person_id
        WHERE m.left_on IS NULL AND g.project_id = $1 AND ($2::uuid IS NULL OR g.id = $2::uuid)
          AND p.erased_at IS NULL AND NOT roundtable_consent_refused(p.id, 'publish-name')
        ORDER BY p.display_name, p.id`,
      [document.project_id, document.working_group_id],
    );
  }

  async publication(
    documentId: string,
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<PublicationRow | null> {
    const [row] = await manager.query(
      'SELECT id, document_id, slug, withdrawn_at FROM publications WHERE document_id = $1',
      [documentId],
    );
    return row ?? null;
  }

  versions(publicationId: string): Promise<PublicationVersionRow[]> {
    return this.dataSource.query(
      `SELECT number, version_id, published_at, meta FROM publication_versions
        WHERE publication_id = $1 ORDER BY number DESC`,
      [publicationId],
    );
  }

  /** Published, not withdrawn, with their latest number (for the deliverable page). */
  projectPublications(
    projectId: string,
  ): Promise<Array<{ document_id: string; slug: string; latest: number; published_at: Date }>> {
    return this.dataSource.query(
      `SELECT p.document_id, p.slug, v.number AS latest, v.published_at
         FROM publications p
         JOIN LATERAL (SELECT number, published_at FROM publication_versions WHERE publication_id = p.id
                        ORDER BY number DESC LIMIT 1) v ON true
        WHERE p.project_id = $1 AND p.withdrawn_at IS NULL
        ORDER BY p.slug`,
      [projectId],
    );
  }

  /** Everything published and not withdrawn, newest first, with the latest version's metadata (the `/p` index). */
  index(): Promise<Array<{ slug: string; meta: PublicationMeta; published_at: Date }>> {
    return this.dataSource.query(
      `SELECT p.slug, v.meta, v.published_at
         FROM publications p
         JOIN LATERAL (SELECT meta, published_at FROM publication_versions WHERE publication_id = p.id
                        ORDER BY number DESC LIMIT 1) v ON true
        WHERE p.withdrawn_at IS NULL
        ORDER BY v.published_at DESC, p.slug`,
    );
  }

  /**
   * The stored page of a slug's version (the latest when `number` is null), with the latest number; null
   * when the slug was never published. A withdrawn publication answers its `withdrawn_at` and no page.
   */
  async page(slug: string, number: number | null): Promise<PublishedPageRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT p.withdrawn_at, p.document_id, v.number, v.version_id,
              CASE WHEN p.withdrawn_at IS NULL THEN v.page_en END AS page_en,
              CASE WHEN p.withdrawn_at IS NULL THEN v.page_zh END AS page_zh,
              (SELECT max(number) FROM publication_versions WHERE publication_id = p.id) AS latest
         FROM publications p
         LEFT JOIN publication_versions v ON v.publication_id = p.id
              AND v.number = COALESCE($2::int, (SELECT max(number) FROM publication_versions WHERE publication_id = p.id))
        WHERE p.slug = $1`,
      [slug, number],
    );
    return row ?? null;
  }

  async storedFile(slug: string, number: number, format: 'docx' | 'pdf'): Promise<Buffer | null> {
    const [row] = await this.dataSource.query(
      `SELECT v.${format} AS bytes FROM publications p JOIN publication_versions v ON v.publication_id = p.id
        WHERE p.slug = $1 AND v.number = $2 AND p.withdrawn_at IS NULL`,
      [slug, number],
    );
    return row?.bytes ?? null;
  }

  async storeFile(slug: string, number: number, format: 'docx' | 'pdf', bytes: Buffer): Promise<void> {
    await this.dataSource.query(
      `UPDATE publication_versions v SET ${format} = $3 FROM publications p
        WHERE p.id = v.publication_id AND p.slug = $1 AND v.number = $2 AND v.${format} IS NULL`,
      [slug, number, bytes],
    );
  }

  /** Slugs starting with `base` (to pick base, base-2, base-3, …). */
  async slugsLike(manager: EntityManager, base: string): Promise<string[]> {
    const rows: Array<{ slug: string }> = await manager.query(
      "SELECT slug FROM publications WHERE slug = $1 OR slug LIKE $1 || '-%'",
      [base],
    );
    return rows.map((r) => r.slug);
  }

  async createPublication(
    manager: EntityManager,
    documentId: string,
    projectId: string,
    slug: string,
  ): Promise<string> {
    const [row] = await manager.query(
      'INSERT INTO publications (document_id, project_id, slug) VALUES ($1, $2, $3) RETURNING id',
      [documentId, projectId, slug],
    );
    return row.id;
  }

  async reinstate(manager: EntityManager, publicationId: string): Promise<void> {
    await manager.query('UPDATE publications SET withdrawn_at = NULL WHERE id = $1', [publicationId]);
  }

  async withdraw(documentId: string, userId: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        'UPDATE publications SET withdrawn_at = now() WHERE document_id = $1 AND withdrawn_at IS NULL RETURNING id',
        [documentId],
      );
      if ((rows as unknown[]).length === 0) return false;
      await recordAudit(manager, {
        actorUserId: userId,
        action: 'document.unpublished',
        subjectType: 'document',
        subjectId: documentId,
      });
      return true;
    });
  }

  async nextNumber(manager: EntityManager, publicationId: string): Promise<number> {
    const [row] = await manager.query(
      'SELECT COALESCE(max(number), 0) + 1 AS next FROM publication_versions WHERE publication_id = $1',
      [publicationId],
    );
    return Number(row.next);
  }

  async insertVersion(
    manager: EntityManager,
    row: {
      publicationId: string;
      number: number;
      versionId: string;
      userId: string;
      meta: PublicationMeta;
      pageEn: string;
      pageZh: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO publication_versions (publication_id, number, version_id, published_by_user_id, meta, page_en, page_zh)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.publicationId, row.number, row.versionId, row.userId, JSON.stringify(row.meta), row.pageEn, row.pageZh],
    );
  }
}
