import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { textByWeight } from '../export-html.renderer';
import { outlineOf } from '../export-outline';
import { ExportSourceQuery } from '../export-source.query';
import { renderPublicPage, type PublicationMeta } from './public-page.renderer';

/**
 * Taking a person's name off what was published (ADR 043): when they withdraw their consent to be named on
 * papers, or are erased. Every publication version listing them is rendered again without them (its pages
 * and its stored DOCX/PDF, which are made again on the next download), in the caller's transaction.
 */
@Injectable()
export class PublicationAuthorsCommand {
  constructor(private readonly sources: ExportSourceQuery) {}

  /** Returns how many publication versions changed. */
  async removeAuthor(manager: EntityManager, personId: string): Promise<number> {
    const rows: Array<{
      publication_id: string;
      number: number;
      version_id: string;
      document_id: string;
      meta: PublicationMeta;
    }> = await manager.query(
      `SELECT v.publication_id, v.number, v.version_id, p.document_id, v.meta
           FROM publication_versions v JOIN publications p ON p.id = v.publication_id
          WHERE v.meta->'authors' @> $1::jsonb FOR UPDATE OF v`,
      [JSON.stringify([{ personId }])],
    );
    for (const row of rows) {
      const meta: PublicationMeta = { ...row.meta, authors: row.meta.authors.filter((a) => a.personId !== personId) };
      const source = await this.sources.loadPublished(row.document_id, row.version_id);
      const page = {
        meta,
        html: source.html,
        topLevel: outlineOf(source.content).topLevel,
        text: textByWeight(source.content),
      };
      await manager.query(
        `UPDATE publication_versions SET meta = $3, page_en = $4, page_zh = $5, docx = NULL, pdf = NULL
          WHERE publication_id = $1 AND number = $2`,
        [
          row.publication_id,
          row.number,
          JSON.stringify(meta),
          renderPublicPage(page, 'en'),
          renderPublicPage(page, 'zh-CN'),
        ],
      );
    }
    return rows.length;
  }

  /** Erasure: the export cache may hold files naming the person (comment authors, covers); it is emptied. */
  async clearExportCache(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM document_exports');
  }
}
