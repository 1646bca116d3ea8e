import type { DocumentPublicationDto, ExportFormat, ExportJobDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';
import { useQuery } from '@tanstack/react-query';

/** Query keys of publishing and export jobs (under the document's key, so the document page refreshes them). */
export const publicationKeys = {
  document: (id: string) => ['documents', 'detail', id, 'publication'] as const,
  exportJob: (id: string, jobId: string) => ['documents', 'detail', id, 'export-jobs', jobId] as const,
};

export function useDocumentPublication(documentId: string) {
  return useApiQuery(publicationKeys.document(documentId), (signal) =>
    unwrap<DocumentPublicationDto>(
      api.GET('/api/documents/{id}/publication', { params: { path: { id: documentId } }, signal }),
    ),
  );
}

/** An export job, polled every half second until it is done or failed. */
export function useExportJob(documentId: string, jobId: string | null) {
  return useQuery({
    queryKey: publicationKeys.exportJob(documentId, jobId ?? ''),
    queryFn: ({ signal }) =>
      unwrap<ExportJobDto>(
        api.GET('/api/documents/{id}/export-jobs/{jobId}', {
          params: { path: { id: documentId, jobId: jobId ?? '' } },
          signal,
        }),
      ),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data && (query.state.data.state === 'done' || query.state.data.state === 'failed') ? false : 500,
  });
}

export const publicationCommands = {
  publish: (id: string, versionId: string | null, authorPersonIds: string[]) =>
    unwrap<DocumentPublicationDto>(
      api.POST('/api/documents/{id}/publish', {
        params: { path: { id } },
        body: { ...(versionId ? { versionId } : {}), authorPersonIds },
      }),
    ),
  unpublish: (id: string) =>
    unwrap<DocumentPublicationDto>(api.POST('/api/documents/{id}/unpublish', { params: { path: { id } } })),
  startExport: (id: string, format: ExportFormat, versionId: string | null) =>
    unwrap<ExportJobDto>(
      api.POST('/api/documents/{id}/export-jobs', {
        params: { path: { id } },
        body: { format, ...(versionId ? { versionId } : {}) },
      }),
    ),
};
