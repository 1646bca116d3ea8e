import type { DocumentPublicationDto, PlanDashboardDto, PlanItemDetailDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery, type ApiSchemas } from '@roundtable/web-ui';

/** Query keys of the plan (deliverables and milestones); every change invalidates `planKeys.all`. */
export const planKeys = {
  all: ['plan'] as const,
  dashboard: (projectId: string) => ['plan', 'dashboard', projectId] as const,
  item: (id: string) => ['plan', 'item', id] as const,
};

export function usePlanDashboard(projectId: string | null) {
  return useApiQuery(
    planKeys.dashboard(projectId ?? ''),
    (signal) =>
      unwrap<PlanDashboardDto>(
        api.GET('/api/projects/{id}/plan', { params: { path: { id: projectId ?? '' } }, signal }),
      ),
    projectId !== null,
  );
}

export function usePlanItem(id: string | undefined) {
  return useApiQuery(
    planKeys.item(id ?? ''),
    (signal) =>
      unwrap<PlanItemDetailDto>(api.GET('/api/plan-items/{id}', { params: { path: { id: id ?? '' } }, signal })),
    Boolean(id),
  );
}

/** The CSV export of the plan (a plain navigation). */
export function planCsvHref(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/plan/export.csv`;
}

export const planCommands = {
  markVisited: (projectId: string) =>
    unwrap<void>(api.POST('/api/projects/{id}/plan/visit', { params: { path: { id: projectId } } })),
  setReminderOffsets: (projectId: string, offsets: number[]) =>
    unwrap<void>(
      api.PUT('/api/projects/{id}/plan/reminder-offsets', { params: { path: { id: projectId } }, body: { offsets } }),
    ),
  setStatus: (id: string, status: ApiSchemas['ChangeStatusDto']['status']) =>
    unwrap<void>(api.POST('/api/plan-items/{id}/status', { params: { path: { id } }, body: { status } })),
  rebaseline: (id: string, dueMonth: string, reason: string) =>
    unwrap<void>(api.POST('/api/plan-items/{id}/rebaseline', { params: { path: { id } }, body: { dueMonth, reason } })),
};

/** Where a linked document is published (the same query, and cache entry, as the document page's). */
export function useDocumentPublication(documentId: string) {
  return useApiQuery(['documents', 'detail', documentId, 'publication'], (signal) =>
    unwrap<DocumentPublicationDto>(
      api.GET('/api/documents/{id}/publication', { params: { path: { id: documentId } }, signal }),
    ),
  );
}
