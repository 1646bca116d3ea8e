import { recordAudit } from '@roundtable/api-audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { ApiException } from '@roundtable/api-platform';
import { VersionsService } from '@roundtable/api-versions';
import { DocumentStatus, ErrorCode, type FieldErrorCode } from '@roundtable/contracts';
import { DataSource } from 'typeorm';
import { textByWeight } from '../export-html.renderer';
import { paperHtml } from '../export-figures';
import { outlineOf } from '../export-outline';
import { ExportSourceQuery } from '../export-source.query';
import { renderPublicPage, type PublicationMeta } from './public-page.renderer';
import { PublishingRepository } from './publishing.repository';
import { slugCandidate, uniqueSlug } from './publication-slug';

export interface PublishInput {
  /** A version of the document; null: the document must be final, and its current content is frozen now. */
  versionId: string | null;
  /** The people named as authors, in this order; each a current member of the document's group. */
  authorPersonIds: string[];
  /** Absolute base of the cited address. */
  citeBase: string;
}

/** The name of the version frozen when a final document is published without naming one. */
export const PUBLISHED_VERSION_NAME = 'Published · 已发布';

/**
 * Publishing (ADR 031): pins a frozen version, renders its page in both languages once and stores it as the
 * next numbered version of the document's publication (created with its slug on first publishing, reinstated
 * after an unpublishing). Unpublishing withdraws the publication: its pages answer 410.
 */
@Injectable()
export class PublishingCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PublishingRepository,
    private readonly sources: ExportSourceQuery,
    private readonly versions: VersionsService,
  ) {}

  async publish(user: AuthenticatedUser, documentId: string, input: PublishInput): Promise<void> {
    const document = await this.repository.document(documentId);
    if (!document) throw new ApiException(ErrorCode.NotFound, 'Document not found.');
    if (input.versionId && !(await this.repository.versionOfDocument(documentId, input.versionId)))
      throw fieldError('versionId', 'unknownVersion', 'versionId must be a version of this document');
    if (!input.versionId && document.status !== DocumentStatus.Final)
      throw fieldError(
        'versionId',
        'versionRequired',
        'a document that is not final is published from one of its named versions: give versionId',
      );
    const candidates = new Map(
      (await this.repository.authorCandidates(document)).map((c) => [c.person_id, c.name] as const),
    );
    const authorIds = [...new Set(input.authorPersonIds)];
    if (authorIds.some((id) => !candidates.has(id)))
      throw fieldError(
        'authorPersonIds',
        'unknownPerson',
        "authorPersonIds must name current members of the document's group",
      );

    const versionId = input.versionId ?? (await this.versions.name(documentId, PUBLISHED_VERSION_NAME, user.id)).id;
    const source = await this.sources.loadPublished(documentId, versionId);
    const outline = outlineOf(source.content);
    const workingGroup = await this.repository.workingGroup(document.working_group_id);

    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('publications', 0))");
      const existing = await this.repository.publication(documentId, manager);
      let publicationId: string;
      let slug: string;
      if (existing) {
        ({ id: publicationId, slug } = existing);
        if (existing.withdrawn_at) await this.repository.reinstate(manager, publicationId);
      } else {
        const base = slugCandidate(document.title_en);
        slug = uniqueSlug(base, await this.repository.slugsLike(manager, base));
        publicationId = await this.repository.createPublication(manager, documentId, document.project_id, slug);
      }
      const number = await this.repository.nextNumber(manager, publicationId);
      await recordAudit(manager, {
        actorUserId: user.id,
        action: 'document.published',
        subjectType: 'document',
        subjectId: documentId,
        projectId: document.project_id,
        details: { number, versionId },
      });
      const meta: PublicationMeta = {
        slug,
        number,
        title: { en: document.title_en, zh: document.title_zh },
        project: source.cover.project,
        workingGroup,
        deliverable: source.cover.deliverable,
        versionName: source.cover.version,
        date: source.cover.date,
        authors: authorIds.map((personId) => ({ personId, name: candidates.get(personId) as string })),
        citeBase: input.citeBase.replace(/\/+$/, ''),
      };
      // Figures embedded from the frozen version's own bytes: the page never points at the library's routes,
      // which need a login (ADR 038); footnotes listed at the end.
      const html = paperHtml(source, 'end', outline.topLevel, outline.titleNode);
      const page = { meta, html, topLevel: outline.topLevel, text: textByWeight(source.content) };
      await this.repository.insertVersion(manager, {
        publicationId,
        number,
        versionId,
        userId: user.id,
        meta,
        pageEn: renderPublicPage(page, 'en'),
        pageZh: renderPublicPage(page, 'zh-CN'),
      });
    });
  }

  async unpublish(documentId: string, userId: string | null = null): Promise<void> {
    if (!(await this.repository.withdraw(documentId, userId)))
      throw new ApiException(ErrorCode.Conflict, 'This document is not published.');
  }
}

function fieldError(field: string, code: FieldErrorCode, message: string): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, 'Invalid publication', { fields: [{ field, code, message }] });
}
