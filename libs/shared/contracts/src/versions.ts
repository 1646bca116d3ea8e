/** Why a document version was taken. */
/** 'approved': the frozen snapshot taken when minutes are approved (and the document locked). */
export type DocumentVersionKind = 'auto' | 'named' | 'session-end' | 'restore' | 'approved';

/** pageSize: versions per page of the list (`?limit=` up to pageMax, older pages with `?before=<version id>`). */
export const VERSION_LIMITS = { nameMax: 120, pageSize: 50, pageMax: 200 } as const;

export interface DocumentVersionSummaryDto {
  id: string;
  kind: DocumentVersionKind;
  /** Set for named versions. */
  name: string | null;
  createdAt: string;
  /** Display name of the person who named or restored; null for automatic versions. */
  createdBy: string | null;
}

export interface DocumentVersionDto extends DocumentVersionSummaryDto {
  html: string;
  markdown: string;
  text: string;
}

/** One line of a line diff between two Markdown renderings. */
export interface LineDiffEntry {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}
