import type {
  CommentThreadDto,
  DocumentDto,
  DocumentVersionDto,
  DocumentVersionSummaryDto,
  LineDiffEntry,
  MentionableDto,
} from '@roundtable/contracts';
import { api, unwrap, useApiQuery, type ApiSchemas, unwrapPage, useApiPagedQuery } from '@roundtable/web-ui';

/** Query keys of the editor page: the document and its versions (under the document's key). */
export const editorKeys = {
  document: (id: string) => ['documents', 'detail', id] as const,
  versions: (id: string) => ['documents', 'detail', id, 'versions'] as const,
  version: (id: string, versionId: string) => ['documents', 'detail', id, 'versions', versionId] as const,
  diff: (id: string, versionId: string) => ['documents', 'detail', id, 'versions', versionId, 'diff'] as const,
};

export function useDocument(id: string | undefined) {
  return useApiQuery(
    editorKeys.document(id ?? ''),
    (signal) =>
      unwrap<DocumentDto>(
        // The route reads its id without declaring it to OpenAPI (no @ApiParam), hence the cast.
        api.GET('/api/documents/{id}', { params: { path: { id: id ?? '' } } as never, signal }),
      ),
    Boolean(id),
  );
}

/** The newest page of versions. */
export function useVersions(documentId: string) {
  return useApiQuery(editorKeys.versions(documentId), (signal) =>
    unwrap<DocumentVersionSummaryDto[]>(
      // `before` pages further back (versionCommands.olderThan); it is optional though published as required.
      api.GET('/api/documents/{id}/versions', { params: { path: { id: documentId }, query: {} as never }, signal }),
    ),
  );
}

export function useVersion(documentId: string, versionId: string) {
  return useApiQuery(editorKeys.version(documentId, versionId), (signal) =>
    unwrap<DocumentVersionDto>(
      api.GET('/api/documents/{id}/versions/{versionId}', { params: { path: { id: documentId, versionId } }, signal }),
    ),
  );
}

/** A version against the current state. */
export function useVersionDiff(documentId: string, versionId: string) {
  return useApiQuery(editorKeys.diff(documentId, versionId), (signal) =>
    unwrap<LineDiffEntry[]>(
      api.GET('/api/documents/{id}/versions/{versionId}/diff', {
        params: { path: { id: documentId, versionId }, query: { against: 'current' } as never },
        signal,
      }),
    ),
  );
}

export const editorCommands = {
  lock: (id: string, reason: string) =>
    unwrap<void>(api.POST('/api/documents/{id}/lock', { params: { path: { id } }, body: { reason } })),
  unlock: (id: string) => unwrap<void>(api.POST('/api/documents/{id}/unlock', { params: { path: { id } } })),
  olderVersions: (id: string, before: string) =>
    unwrap<DocumentVersionSummaryDto[]>(
      api.GET('/api/documents/{id}/versions', { params: { path: { id }, query: { before } as never } }),
    ),
  nameVersion: (id: string, name: string) =>
    unwrap<DocumentVersionSummaryDto>(
      api.POST('/api/documents/{id}/versions', { params: { path: { id } }, body: { name } }),
    ),
  restoreVersion: (id: string, versionId: string) =>
    unwrap<DocumentVersionSummaryDto>(
      api.POST('/api/documents/{id}/versions/{versionId}/restore', { params: { path: { id, versionId } } }),
    ),
};

export const commentKeys = {
  threads: (documentId: string) => ['documents', 'detail', documentId, 'comments'] as const,
};

/** A document's threads, oldest first, one page at a time (ADR 029: "Load more" asks for the next). */
export function useCommentThreads(documentId: string) {
  return useApiPagedQuery<CommentThreadDto>(commentKeys.threads(documentId), (cursor, signal) =>
    unwrapPage<CommentThreadDto>(
      api.GET('/api/documents/{id}/comments', {
        params: { path: { id: documentId }, query: cursor ? { cursor } : {} },
        signal,
      }),
    ),
  );
}

type NewThread = Omit<ApiSchemas['NewThreadDto'], 'anchorStart' | 'anchorEnd'> & {
  anchorStart: object;
  anchorEnd: object;
};

export const commentCommands = {
  mentionable: (documentId: string, q: string, signal: AbortSignal) =>
    unwrap<MentionableDto[]>(
      api.GET('/api/documents/{id}/mentionable', { params: { path: { id: documentId }, query: { q } }, signal }),
    ),
  create: (documentId: string, body: NewThread) =>
    unwrap<unknown>(
      api.POST('/api/documents/{id}/comments', {
        params: { path: { id: documentId } },
        // Anchors are Yjs relative positions, published as plain objects without properties.
        body: body as unknown as ApiSchemas['NewThreadDto'],
      }),
    ),
  reply: (threadId: string, body: string) =>
    unwrap<unknown>(
      api.POST('/api/comment-threads/{threadId}/replies', { params: { path: { threadId } }, body: { body } }),
    ),
  resolve: (threadId: string) =>
    unwrap<unknown>(api.POST('/api/comment-threads/{threadId}/resolve', { params: { path: { threadId } } })),
  reopen: (threadId: string) =>
    unwrap<unknown>(api.POST('/api/comment-threads/{threadId}/reopen', { params: { path: { threadId } } })),
  edit: (commentId: string, body: string) =>
    unwrap<unknown>(api.PATCH('/api/comments/{commentId}', { params: { path: { commentId } }, body: { body } })),
  remove: (commentId: string) =>
    unwrap<unknown>(api.DELETE('/api/comments/{commentId}', { params: { path: { commentId } } })),
};

/** Where a document's figures are uploaded: its working group's library, or the project's for a project document. */
export function figureUploadPath(document: { projectId: string; workingGroupId: string | null }): string {
  return document.workingGroupId
    ? `/api/working-groups/${encodeURIComponent(document.workingGroupId)}/library`
    : `/api/projects/${encodeURIComponent(document.projectId)}/library`;
}
