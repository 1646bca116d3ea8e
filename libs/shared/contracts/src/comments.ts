/** Yjs RelativePosition as `Y.relativePositionToJSON` writes it (ids are `{ client, clock }`). */
export interface RelativePositionJson {
  type?: { client: number; clock: number } | null;
  tname?: string | null;
  item?: { client: number; clock: number } | null;
  assoc?: number;
}

/**
 * Mentions in a comment body: `@[Display Name](personId)`. The editor inserts this markup; the server
 * notifies each mentioned person who belongs to the document's project.
 */
export const MENTION_PATTERN =
  /@\[([^\]\n]{1,200})\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

export function mentionMarkup(displayName: string, personId: string): string {
  return `@[${displayName.replace(/[\]\n]/g, ' ')}](${personId})`;
}

/** The person ids mentioned in a body, each once, in order of appearance. */
export function mentionedPersonIds(body: string): string[] {
  const ids = [...body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))].map((m) => m[2].toLowerCase());
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

export const COMMENT_LIMITS = { bodyMax: 5000, quoteMax: 1000 } as const;

export interface CommentDto {
  id: string;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** Whether the caller may edit (author only) or delete (author, WG co-chairs, coordinators) this comment. */
  canEdit: boolean;
  canDelete: boolean;
}

export interface CommentThreadDto {
  id: string;
  documentId: string;
  anchorStart: RelativePositionJson;
  anchorEnd: RelativePositionJson;
  quote: string;
  status: 'open' | 'resolved';
  createdByUserId: string;
  createdByName: string;
  createdAt: string;
  resolvedByName: string | null;
  resolvedAt: string | null;
  /** Where the anchors are now, as positions in the document (ProseMirror positions over the 'default' fragment). */
  range: { from: number; to: number } | null;
  /** The current text between the anchors. */
  currentText: string;
  /** The anchored text was deleted. */
  detached: boolean;
  /** Whether the caller may resolve or reopen this thread. */
  canResolve: boolean;
  comments: CommentDto[];
}

export interface MentionableDto {
  id: string;
  displayName: string;
}
