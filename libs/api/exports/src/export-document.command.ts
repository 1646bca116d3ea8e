import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiException } from '@roundtable/api-platform';
import { ErrorCode, type ExportFormat } from '@roundtable/contracts';
import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { DocumentExport } from './document-export.entity';
import { renderDocx } from './export-docx.renderer';
import { renderHtml } from './export-html.renderer';
import { renderMarkdown } from './export-markdown.renderer';
import { EXPORT_RENDERER_VERSION, type ExportSource } from './export.model';
import { PdfRenderer, PdfRendererUnavailableError } from './export-pdf.renderer';
import { evictExportCache, EXPORT_CACHE_LIMITS } from './export-cache';
import { ExportSourceQuery, type ExportUser } from './export-source.query';

export interface ExportResult {
  source: ExportSource;
  format: ExportFormat;
  bytes: Buffer;
  /** Served from the cache (rendered earlier from the same inputs by the same renderer). */
  cached: boolean;
  /** The cache key. */
  inputHash: string;
}

/**
 * Exports a document or one of its versions: loads its source, serves the cached file rendered from exactly
 * these inputs (renderer version, format, version id, content, cover, open comments) or renders and caches it.
 * Rendering runs outside any transaction (a PDF takes seconds); storing it is one transaction that also drops
 * the older files of the same document, version and format, so the cache holds one file per export, and
 * evicts what is over the cache's age and size bounds (`evictExportCache`, ADR 031).
 */
@Injectable()
export class ExportDocumentCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ExportSourceQuery,
    private readonly pdf: PdfRenderer,
  ) {}

  async run(
    user: ExportUser,
    documentId: string,
    format: ExportFormat,
    versionId: string | null,
    progress: (percent: number) => Promise<void> = async () => undefined,
  ): Promise<ExportResult> {
    const source = await this.sources.load(user, documentId, versionId);
    await progress(10);
    const inputHash = createHash('sha256')
      .update(JSON.stringify({ renderer: EXPORT_RENDERER_VERSION, format, source: hashable(source) }))
      .digest('hex');
    const repository = this.dataSource.getRepository(DocumentExport);
    const hit = await repository.findOne({ where: { inputHash }, select: { inputHash: true, bytes: true } });
    if (hit) return { source, format, bytes: hit.bytes, cached: true, inputHash };

    await progress(20);
    const bytes = await this.renderFile(format, source);
    await progress(90);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM document_exports
          WHERE document_id = $1 AND format = $2 AND version_id IS NOT DISTINCT FROM $3::uuid AND input_hash <> $4`,
        [documentId, format, versionId, inputHash],
      );
      await manager.query(
        `INSERT INTO document_exports (input_hash, document_id, version_id, format, renderer, bytes)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (input_hash) DO NOTHING`,
        [inputHash, documentId, versionId, format, EXPORT_RENDERER_VERSION, bytes],
      );
      await evictExportCache(manager, EXPORT_CACHE_LIMITS);
    });
    return { source, format, bytes, cached: false, inputHash };
  }

  /** Renders a source in one format (no cache): also used by the public pages' downloads. */
  async renderFile(format: ExportFormat, source: ExportSource): Promise<Buffer> {
    switch (format) {
      case 'docx':
        return renderDocx(source);
      case 'html':
        return Buffer.from(renderHtml(source), 'utf8');
      case 'md':
        return Buffer.from(renderMarkdown(source), 'utf8');
      case 'pdf':
        try {
          return await this.pdf.render(renderHtml(source, 'section'));
        } catch (error) {
          if (error instanceof PdfRendererUnavailableError)
            throw new ApiException(
              ErrorCode.PdfRendererUnavailable,
              'PDF export is not available on this server: no Chromium was found.',
            );
          throw error;
        }
    }
  }
}

/** The source as the cache key sees it: figure images by their digest rather than their bytes. */
function hashable(source: ExportSource): ExportSource | Record<string, unknown> {
  if (!source.figures) return source;
  const figures = Object.fromEntries(
    Object.entries(source.figures).map(([key, image]) => [
      key,
      { ...image, bytes: createHash('sha256').update(image.bytes).digest('hex') },
    ]),
  );
  return { ...source, figures };
}
