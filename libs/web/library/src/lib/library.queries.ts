import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  LibraryFileDetailDto,
  LibraryFileDto,
  LibraryListDto,
  UpdateLibraryFileRequest,
} from '@roundtable/contracts';
import {
  api,
  unwrap,
  unwrapWithCursor,
  useApiPagedQuery,
  useApiQuery,
  type Page,
  type PagedResource,
  type Resource,
} from '@roundtable/web-ui';

/** Query keys of the working-documents library; an upload, edit or delete invalidates `libraryKeys.all`. */
export const libraryKeys = {
  all: ['library'] as const,
  list: (projectId: string, filter: LibraryFilter) => ['library', 'list', projectId, filter] as const,
  file: (id: string) => ['library', 'file', id] as const,
};

export interface LibraryFilter {
  q?: string;
  tag?: string;
  workingGroupId?: string;
}

function definedOnly(filter: LibraryFilter): LibraryFilter {
  const out: LibraryFilter = {};
  if (filter.q?.trim()) out.q = filter.q.trim();
  if (filter.tag) out.tag = filter.tag;
  if (filter.workingGroupId) out.workingGroupId = filter.workingGroupId;
  return out;
}

/**
 * The library's files, filtered, one page at a time (ADR 029: "Load more" asks for the next), with the
 * project's tags and upload targets from the first page.
 */
export function useLibrary(
  projectId: string | null,
  filter: LibraryFilter = {},
): Resource<LibraryListDto> & Omit<PagedResource<LibraryFileDto>, 'state' | 'data' | 'error' | 'reload' | 'firstPage'> {
  const query = definedOnly(filter);
  const pages = useApiPagedQuery<LibraryFileDto, Page<LibraryFileDto> & { list: LibraryListDto }>(
    libraryKeys.list(projectId ?? '', query),
    async (cursor, signal) => {
      const { body, next } = await unwrapWithCursor<LibraryListDto>(
        api.GET('/api/projects/{projectId}/library', {
          params: { path: { projectId: projectId ?? '' }, query: { ...query, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      );
      return { items: body.files, next, list: body };
    },
    projectId !== null,
  );
  const { hasMore, loadingMore, loadMore, firstPage } = pages;
  const paging = { hasMore, loadingMore, loadMore };
  if (pages.state === 'ready' && firstPage) {
    return { state: 'ready', data: { ...firstPage.list, files: pages.data }, reload: pages.reload, ...paging };
  }
  if (pages.state === 'error') return { state: 'error', error: pages.error, reload: pages.reload, ...paging };
  return { state: 'loading', reload: pages.reload, ...paging };
}

export function useLibraryFile(id: string | undefined) {
  return useApiQuery(
    libraryKeys.file(id ?? ''),
    (signal) =>
      unwrap<LibraryFileDetailDto>(
        api.GET('/api/library/{fileId}', { params: { path: { fileId: id ?? '' } }, signal }),
      ),
    Boolean(id),
  );
}

/** Download links (plain navigations: the server answers with an attachment). */
export const libraryHrefs = {
  download: (fileId: string) => `/api/library/${encodeURIComponent(fileId)}/download`,
  versionDownload: (fileId: string, versionId: string) =>
    `/api/library/${encodeURIComponent(fileId)}/versions/${encodeURIComponent(versionId)}/download`,
  /** Where a multipart upload goes: a new version of a file, a group's library, or the project level. */
  upload: (target: { fileId?: string; workingGroupId?: string | null; projectId: string }) =>
    target.fileId
      ? `/api/library/${encodeURIComponent(target.fileId)}/versions`
      : target.workingGroupId
        ? `/api/working-groups/${encodeURIComponent(target.workingGroupId)}/library`
        : `/api/projects/${encodeURIComponent(target.projectId)}/library`,
};

export const libraryCommands = {
  update: (fileId: string, body: UpdateLibraryFileRequest) =>
    unwrap<unknown>(api.PATCH('/api/library/{fileId}', { params: { path: { fileId } }, body })),
  remove: (fileId: string) => unwrap<void>(api.DELETE('/api/library/{fileId}', { params: { path: { fileId } } })),
};

/** After an upload (multipart, outside the typed client): refetch every library list and file on screen. */
export function useInvalidateLibrary(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: libraryKeys.all }), [queryClient]);
}
