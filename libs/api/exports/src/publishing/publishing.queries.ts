import { Injectable } from '@nestjs/common';
import { ApiException } from '@roundtable/api-platform';
import { ErrorCode, type DocumentPublicationDto, type Locale, type PublishedDocumentDto } from '@roundtable/contracts';
import { markOlderVersion, renderPublicIndex, type PublicIndexEntry } from './public-page.renderer';
import { PublishingRepository } from './publishing.repository';

/** A public page as served: the stored HTML, or why there is none. */
export type PublicPageAnswer = { status: 'ok'; html: string } | { status: 'withdrawn' } | { status: 'missing' };

/** Reads of publishing, for the app (a document's publication, a project's) and for the public pages. Never writes. */
@Injectable()
export class PublishingQueries {
  constructor(private readonly repository: PublishingRepository) {}

  async documentPublication(documentId: string, canPublish: boolean): Promise<DocumentPublicationDto> {
    const document = await this.repository.document(documentId);
    if (!document) throw new ApiException(ErrorCode.NotFound, 'Document not found.');
    const publication = await this.repository.publication(documentId);
    const versions = publication ? await this.repository.versions(publication.id) : [];
    const candidates = await this.repository.authorCandidates(document);
    return {
      documentId,
      slug: publication?.slug ?? null,
      published: publication !== null && publication.withdrawn_at === null,
      withdrawnAt: publication?.withdrawn_at?.toISOString() ?? null,
      versions: versions.map((v) => ({
        number: v.number,
        versionId: v.version_id,
        versionName: v.meta.versionName,
        publishedAt: v.published_at.toISOString(),
        authors: v.meta.authors,
      })),
      authorCandidates: candidates.map((c) => ({ personId: c.person_id, name: c.name })),
      canPublish,
    };
  }

  async projectPublications(projectId: string): Promise<PublishedDocumentDto[]> {
    return (await this.repository.projectPublications(projectId)).map((row) => ({
      documentId: row.document_id,
      slug: row.slug,
      latestNumber: row.latest,
      publishedAt: row.published_at.toISOString(),
    }));
  }

  /** A stored page (latest when `number` is null); an older version carries a notice linking to the latest. */
  async page(slug: string, number: number | null, locale: Locale): Promise<PublicPageAnswer> {
    const row = await this.repository.page(slug, number);
    if (!row) return { status: 'missing' };
    if (row.withdrawn_at) return { status: 'withdrawn' };
    const stored = locale === 'zh-CN' ? row.page_zh : row.page_en;
    if (stored === null || row.number === null) return { status: 'missing' };
    const latest = number !== null && row.latest !== null && row.latest > number ? row.latest : null;
    return { status: 'ok', html: markOlderVersion(stored, slug, latest, locale) };
  }

  /** Whether a slug's version is published now (its files may be served). */
  async isPublished(slug: string, number: number): Promise<{ documentId: string; versionId: string } | null> {
    const row = await this.repository.page(slug, number);
    if (!row || row.withdrawn_at || row.number === null || row.version_id === null) return null;
    return { documentId: row.document_id, versionId: row.version_id };
  }

  async index(locale: Locale): Promise<string> {
    const entries: PublicIndexEntry[] = (await this.repository.index()).map(({ slug, meta }) => ({
      slug,
      title: meta.title,
      project: meta.project,
      workingGroupCode: meta.workingGroup?.code ?? null,
      deliverable: meta.deliverable,
      number: meta.number,
      date: meta.date,
    }));
    return renderPublicIndex(entries, locale);
  }
}
