import type {
  AuditAction,
  AuditEntryDto,
  ConsentPurpose,
  DataExportDto,
  Locale,
  MyPrivacyDto,
  PrivacyNoticeDto,
} from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the privacy pages (ADR 043). */
export const privacyKeys = {
  all: ['privacy'] as const,
  notice: (locale: Locale) => ['privacy', 'notice', locale] as const,
  mine: ['privacy', 'mine'] as const,
  exports: ['privacy', 'exports'] as const,
  audit: (filters: AuditFilters) => ['privacy', 'audit', filters] as const,
};

export interface AuditFilters {
  action?: AuditAction;
  from?: string;
  to?: string;
}

export function usePrivacyNotice(locale: Locale) {
  return useApiQuery(privacyKeys.notice(locale), (signal) =>
    unwrap<PrivacyNoticeDto>(api.GET('/api/privacy/notice', { params: { query: { lang: locale } }, signal })),
  );
}

export function useMyPrivacy() {
  return useApiQuery(privacyKeys.mine, (signal) => unwrap<MyPrivacyDto>(api.GET('/api/me/privacy', { signal })));
}

export function useMyDataExports() {
  return useApiQuery(privacyKeys.exports, (signal) =>
    unwrap<DataExportDto[]>(api.GET('/api/me/data-exports', { signal })),
  );
}

export function useAuditLog(filters: AuditFilters, enabled: boolean) {
  return useApiQuery(
    privacyKeys.audit(filters),
    (signal) => unwrap<AuditEntryDto[]>(api.GET('/api/admin/audit', { params: { query: filters }, signal })),
    enabled,
  );
}

/** The signed-in owner's download of a finished export (a plain navigation). */
export function dataExportHref(id: string): string {
  return `/api/me/data-exports/${encodeURIComponent(id)}/download`;
}

/** The audit log as CSV under the same filters (a plain navigation). */
export function auditCsvHref(filters: AuditFilters): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  ).toString();
  return `/api/admin/audit/export.csv${query ? `?${query}` : ''}`;
}

export const privacyCommands = {
  setConsent: (purpose: ConsentPurpose, granted: boolean) =>
    unwrap<MyPrivacyDto>(api.PUT('/api/me/consents', { body: { purpose, granted } })),
  requestExport: () => unwrap<DataExportDto>(api.POST('/api/me/data-exports')),
  revokeExport: (id: string) =>
    unwrap<unknown>(api.POST('/api/me/data-exports/{id}/revoke', { params: { path: { id } } })),
  erase: (password: string) => unwrap<{ formerMember: number }>(api.POST('/api/me/erasure', { body: { password } })),
};
