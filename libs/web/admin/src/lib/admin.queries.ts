import type { BalanceFilters, BalanceReportDto, BalanceTargetRequest, OutboxMessageDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the coordinator's pages: the mail outbox and the regional balance. */
export const adminKeys = {
  outbox: ['admin', 'outbox'] as const,
  balance: (projectId: string) => ['admin', 'balance', projectId] as const,
  balanceFiltered: (projectId: string, filters: BalanceFilters) => ['admin', 'balance', projectId, filters] as const,
};

export function useOutbox(enabled: boolean) {
  return useApiQuery(
    adminKeys.outbox,
    (signal) => unwrap<OutboxMessageDto[]>(api.GET('/api/admin/outbox', { signal })),
    enabled,
  );
}

const NO_FILTERS: BalanceFilters = { excludeCoChairs: false, excludeObservers: false };

/** The filters as query parameters (only those that are on). */
function filterQuery(filters: BalanceFilters): { excludeCoChairs?: 'true'; excludeObservers?: 'true' } {
  return {
    ...(filters.excludeCoChairs ? { excludeCoChairs: 'true' as const } : {}),
    ...(filters.excludeObservers ? { excludeObservers: 'true' as const } : {}),
  };
}

export function useBalance(projectId: string | null, filters: BalanceFilters = NO_FILTERS) {
  return useApiQuery(
    adminKeys.balanceFiltered(projectId ?? '', filters),
    (signal) =>
      unwrap<BalanceReportDto>(
        api.GET('/api/projects/{id}/balance', {
          params: { path: { id: projectId ?? '' }, query: filterQuery(filters) },
          signal,
        }),
      ),
    projectId !== null,
  );
}

/** The CSV download of the balance under the same filters (a plain navigation). */
export function balanceCsvHref(projectId: string, filters: BalanceFilters = NO_FILTERS): string {
  const query = new URLSearchParams(filterQuery(filters)).toString();
  return `/api/projects/${encodeURIComponent(projectId)}/balance.csv${query ? `?${query}` : ''}`;
}

export const adminCommands = {
  retryMail: (id: string) => unwrap<unknown>(api.POST('/api/admin/outbox/{id}/retry', { params: { path: { id } } })),
  setHeadcountTarget: (projectId: string, headcount: number) =>
    unwrap<unknown>(
      api.PUT('/api/projects/{id}/headcount-target', { params: { path: { id: projectId } }, body: { headcount } }),
    ),
  setBalanceTarget: (projectId: string, body: BalanceTargetRequest) =>
    unwrap<unknown>(api.PUT('/api/projects/{id}/balance-target', { params: { path: { id: projectId } }, body })),
};
