import type { BalanceReportDto, BalanceTargetRequest, OutboxMessageDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the coordinator's pages: the mail outbox and the regional balance. */
export const adminKeys = {
  outbox: ['admin', 'outbox'] as const,
  balance: (projectId: string) => ['admin', 'balance', projectId] as const,
};

export function useOutbox(enabled: boolean) {
  return useApiQuery(
    adminKeys.outbox,
    (signal) => unwrap<OutboxMessageDto[]>(api.GET('/api/admin/outbox', { signal })),
    enabled,
  );
}

export function useBalance(projectId: string | null) {
  return useApiQuery(
    adminKeys.balance(projectId ?? ''),
    (signal) =>
      unwrap<BalanceReportDto>(
        api.GET('/api/projects/{id}/balance', { params: { path: { id: projectId ?? '' } }, signal }),
      ),
    projectId !== null,
  );
}

/** The CSV download of the balance (a plain navigation). */
export function balanceCsvHref(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/balance.csv`;
}

export const adminCommands = {
  retryMail: (id: string) => unwrap<unknown>(api.POST('/api/admin/outbox/{id}/retry', { params: { path: { id } } })),
  setBalanceTarget: (projectId: string, body: BalanceTargetRequest) =>
    unwrap<unknown>(api.PUT('/api/projects/{id}/balance-target', { params: { path: { id: projectId } }, body })),
};
