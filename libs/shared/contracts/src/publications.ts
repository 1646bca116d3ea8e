/** Publishing a document on a public page, `/p/{slug}` (issue #14 item 3, ADR 031). */

export interface PublicationAuthorDto {
  personId: string;
  name: string;
}

export interface PublicationVersionDto {
  /** 1, 2, …: the citable number, `/p/{slug}/v/{number}`. */
  number: number;
  /** The frozen document version it shows. */
  versionId: string;
  versionName: string;
  publishedAt: string;
  authors: PublicationAuthorDto[];
}

/** A document's publication as its page in the app shows it (`published: false` before the first publishing). */
export interface DocumentPublicationDto {
  documentId: string;
  /** Null until first published; never changes afterwards. */
  slug: string | null;
  /** Published and not withdrawn: `/p/{slug}` answers; withdrawn: 410. */
  published: boolean;
  withdrawnAt: string | null;
  /** Newest first. */
  versions: PublicationVersionDto[];
  /** Who may be named as an author: the current members of the document's group (of the project's groups for a project-level document). */
  authorCandidates: PublicationAuthorDto[];
  /** Whether the caller may publish and unpublish (coordinators). */
  canPublish: boolean;
}

/** A published (not withdrawn) document of a project, for the deliverable page. */
export interface PublishedDocumentDto {
  documentId: string;
  slug: string;
  latestNumber: number;
  publishedAt: string;
}

/** The public path of a publication (the latest version, or one of them). */
export function publicationPath(slug: string, number?: number): string {
  return `/p/${encodeURIComponent(slug)}${number === undefined ? '' : `/v/${number}`}`;
}
