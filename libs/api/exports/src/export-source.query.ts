import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { DocumentContentService } from '@roundtable/api-collaboration';
import { CommentsQueries } from '@roundtable/api-comments';
import { Clock } from '@roundtable/api-platform';
import { SuggestionsQueries } from '@roundtable/api-suggestions';
import { LibraryQueries } from '@roundtable/api-library';
import { VersionsService } from '@roundtable/api-versions';
import { figuresOf } from '@roundtable/editor-schema';
import type { DocumentVersionSummaryDto } from '@roundtable/contracts';
import type { JSONContent } from '@tiptap/core';
import { DataSource } from 'typeorm';
import { EXPORT_LABELS, VERSION_KIND_LABELS } from './export.labels';
import type { ExportCover, ExportImage, ExportSource, ExportThread } from './export.model';
import { exportImage, figureKey } from './export-figures';
import { outlineOf, plainText } from './export-outline';

/** Who asks for an export (a request's user, or the requester of an export job read back from `users`). */
export type ExportUser = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId' | 'displayName'>;

interface MetaRow {
  project_id: string;
  title_en: string;
  project_name: string;
  project_acronym: string;
  wg_code: string | null;
  wg_title_en: string | null;
  wg_title_zh: string | null;
  deliverable_number: string | null;
  deliverable_month: number | null;
}

/**
 * Everything an export of a document (or of one of its versions) shows, read and never written: the content
 * as editor JSON and as the shared schema's HTML, the cover (project, working group, the deliverable it
 * serves, version, date) and the open comment threads. The caller's read access was settled by the policy.
 */
@Injectable()
export class ExportSourceQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: DocumentContentService,
    private readonly versions: VersionsService,
    private readonly comments: CommentsQueries,
    private readonly suggestions: SuggestionsQueries,
    private readonly library: LibraryQueries,
    private readonly clock: Clock,
  ) {}

  async load(user: ExportUser, documentId: string, versionId: string | null): Promise<ExportSource> {
    const authors = Object.fromEntries(await this.suggestions.authors(documentId));
    return this.build(documentId, versionId, await this.openThreads(user, documentId), authors);
  }

  /**
   * A frozen version for its public page and downloads (ADR 031): no comment threads, whoever asks. The
   * version must be the document's (VersionsService answers 404 otherwise).
   */
  loadPublished(documentId: string, versionId: string): Promise<ExportSource> {
    return this.build(documentId, versionId, [], {});
  }

  private async build(
    documentId: string,
    versionId: string | null,
    threads: ExportThread[],
    suggestions: ExportSource['suggestions'],
  ): Promise<ExportSource> {
    const loaded = versionId
      ? await this.versions.withVersion(documentId, versionId, (doc, version) => ({
          json: this.content.jsonOf(doc),
          version: version as DocumentVersionSummaryDto | null,
        }))
      : { json: await this.content.currentJson(documentId), version: null };
    const [meta] = await this.meta(documentId);
    const outline = outlineOf(loaded.json);
    const cover: ExportCover = {
      title: plainText(outline.titleNode ?? undefined).trim() || meta.title_en,
      project:
        meta.project_acronym && !meta.project_name.includes(meta.project_acronym)
          ? `${meta.project_acronym} · ${meta.project_name}`
          : meta.project_name,
      workingGroup: meta.wg_code
        ? [meta.wg_code, meta.wg_title_en, meta.wg_title_zh].filter(Boolean).join(' · ')
        : null,
      deliverable: meta.deliverable_number ? `${meta.deliverable_number} · M${meta.deliverable_month}` : null,
      version: loaded.version
        ? (loaded.version.name ??
          `${VERSION_KIND_LABELS[loaded.version.kind]} ${loaded.version.createdAt.slice(0, 16).replace('T', ' ')} UTC`)
        : EXPORT_LABELS.currentDraft,
      date: loaded.version ? loaded.version.createdAt.slice(0, 10) : this.clock.today(),
    };
    const body: JSONContent = { type: 'doc', content: outline.body };
    return {
      documentId,
      versionId,
      cover,
      content: loaded.json,
      html: this.content.htmlOf(body),
      threads,
      suggestions,
      figures: await this.figures(loaded.json, meta.project_id),
    };
  }

  /**
   * The images of the document's figures, read through the library (its owner): only PNG/JPEG versions of a
   * file of the document's own project; a foreign, deleted or other file is left out (ADR 038).
   */
  private async figures(content: JSONContent, projectId: string): Promise<Record<string, ExportImage>> {
    const images: Record<string, ExportImage> = {};
    for (const figure of figuresOf(content)) {
      const key = figureKey(figure.fileId, figure.versionId);
      if (!figure.fileId || !figure.versionId || key in images) continue;
      const file = await this.library.image(figure.fileId, figure.versionId, projectId);
      const image = file ? exportImage(file.contentType, file.bytes) : null;
      if (image) images[key] = image;
    }
    return images;
  }

  private meta(documentId: string): Promise<MetaRow[]> {
    // The first deliverable (by number) the document is linked to.
    return this.dataSource.query(
      `SELECT d.project_id, d.title_en, p.name AS project_name, p.acronym AS project_acronym,
              g.code AS wg_code, g.title_en AS wg_title_en, g.title_zh AS wg_title_zh,
              pi.number AS deliverable_number, pi.due_month AS deliverable_month
         FROM documents d
         JOIN projects p ON p.id = d.project_id
         LEFT JOIN working_groups g ON g.id = d.working_group_id
         LEFT JOIN LATERAL (
           SELECT i.number, i.due_month FROM plan_item_documents l JOIN plan_items i ON i.id = l.item_id
            WHERE l.document_id = d.id AND i.kind = 'deliverable' ORDER BY i.number LIMIT 1
         ) pi ON true
        WHERE d.id = $1`,
      [documentId],
    );
  }

  /** Open threads, oldest first, each anchored by the text it is on now (or, if that is gone, its quote). */
  private async openThreads(user: ExportUser, documentId: string): Promise<ExportThread[]> {
    const threads = await this.comments.all(user, documentId);
    return threads
      .filter((thread) => thread.status === 'open' && thread.comments.length > 0)
      .map((thread) => ({
        anchorText: (thread.detached ? thread.quote : thread.currentText || thread.quote).trim(),
        comments: thread.comments.map((c) => ({
          author: c.authorName,
          date: c.createdAt,
          // Mentions are stored as @[Name](personId): the export shows the name only.
          body: c.body.replace(/@\[([^\]]*)\]\([0-9a-f-]{36}\)/g, '@$1'),
        })),
      }));
  }
}
