import type { Bilingual, CommentDto, CommentThreadDto, StartMentionDto } from '@roundtable/contracts';
import { canComment, type Actor } from '@roundtable/domain';
import type { ProjectDocument } from '@roundtable/api-projects';
import { plainBody } from './comment-mail';
import type { CommentThread } from './comments.entities';
import type { AddressedCommentRow } from './comments.repository';

/** Where a thread's anchors stand in the current text (`detached` when the text is gone). */
export interface ResolvedAnchor {
  range: { from: number; to: number } | null;
  currentText: string;
  detached: boolean;
}

const DETACHED: ResolvedAnchor = { range: null, currentText: '', detached: true };

/** The users a list of threads names (openers, resolvers, authors), to look their names up once. */
export function userIdsOf(threads: CommentThread[]): string[] {
  const userIds = new Set<string>();
  for (const thread of threads) {
    if (thread.createdByUserId) userIds.add(thread.createdByUserId);
    if (thread.resolvedBy) userIds.add(thread.resolvedBy);
    for (const comment of thread.comments ?? []) if (comment.authorUserId) userIds.add(comment.authorUserId);
  }
  return [...userIds];
}

/** Pure: a thread with its comments in order, names, anchors, and what the viewer may do. */
export function presentThread(
  viewerUserId: string,
  actor: Actor,
  document: ProjectDocument,
  thread: CommentThread,
  names: ReadonlyMap<string, string>,
  anchor: ResolvedAnchor = DETACHED,
): CommentThreadDto {
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '—') : '—');
  const comments: CommentDto[] = [...(thread.comments ?? [])]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      authorUserId: c.authorUserId ?? '',
      authorName: nameOf(c.authorUserId),
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt ? c.editedAt.toISOString() : null,
      canEdit: canComment(actor, 'edit', document, { authoredByActor: c.authorUserId === viewerUserId }),
      canDelete: canComment(actor, 'delete', document, { authoredByActor: c.authorUserId === viewerUserId }),
    }));
  return {
    id: thread.id,
    documentId: thread.documentId,
    anchorStart: thread.anchorStart,
    anchorEnd: thread.anchorEnd,
    quote: thread.quote,
    status: thread.status,
    createdByUserId: thread.createdByUserId ?? '',
    createdByName: nameOf(thread.createdByUserId),
    createdAt: thread.createdAt.toISOString(),
    resolvedByName: thread.resolvedBy ? nameOf(thread.resolvedBy) : null,
    resolvedAt: thread.resolvedAt ? thread.resolvedAt.toISOString() : null,
    ...anchor,
    canResolve: canComment(actor, 'resolve', document, { openedByActor: thread.createdByUserId === viewerUserId }),
    comments,
  };
}

const EXCERPT_LENGTH = 160;

/** A comment addressed to the reader, for their start page: mention markup as "@Name", shortened. */
export function presentAddressed(row: AddressedCommentRow, documentTitle: Bilingual): StartMentionDto {
  const text = plainBody(row.body).replace(/\s+/g, ' ').trim();
  return {
    kind: row.mention ? 'mention' : 'reply',
    commentId: row.id,
    threadId: row.thread_id,
    documentId: row.document_id,
    documentTitle,
    authorName: row.author_name,
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
