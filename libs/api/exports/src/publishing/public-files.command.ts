import { Injectable } from '@nestjs/common';
import { ExportDocumentCommand } from '../export-document.command';
import { ExportSourceQuery } from '../export-source.query';
import { PublishingQueries } from './publishing.queries';
import { PublishingRepository } from './publishing.repository';

export type PublicFileAnswer = { status: 'ok'; bytes: Buffer } | { status: 'missing' } | { status: 'withdrawn' };

/**
 * The DOCX and PDF of a published version: made from the frozen version without comment threads the first
 * time someone asks, then stored with the publication version and served from there (ADR 031).
 */
@Injectable()
export class PublicFilesCommand {
  constructor(
    private readonly queries: PublishingQueries,
    private readonly repository: PublishingRepository,
    private readonly sources: ExportSourceQuery,
    private readonly exports: ExportDocumentCommand,
  ) {}

  async file(slug: string, number: number, format: 'docx' | 'pdf'): Promise<PublicFileAnswer> {
    const published = await this.queries.isPublished(slug, number);
    if (!published) {
      const page = await this.repository.page(slug, number);
      return { status: page?.withdrawn_at ? 'withdrawn' : 'missing' };
    }
    const stored = await this.repository.storedFile(slug, number, format);
    if (stored) return { status: 'ok', bytes: stored };
    const source = await this.sources.loadPublished(published.documentId, published.versionId);
    const bytes = await this.exports.renderFile(format, source);
    await this.repository.storeFile(slug, number, format, bytes);
    return { status: 'ok', bytes };
  }
}
