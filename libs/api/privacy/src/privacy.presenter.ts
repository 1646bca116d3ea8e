import { CONSENT_PURPOSES, type ConsentDto, type DataExportDto } from '@roundtable/contracts';
import type { ConsentRow, DataExportRow } from './privacy.repository';

/** Every purpose, with the latest answer or null (never asked). */
export function presentConsents(rows: ConsentRow[]): ConsentDto[] {
  const byPurpose = new Map(rows.map((row) => [row.purpose, row]));
  return CONSENT_PURPOSES.map((purpose) => {
    const row = byPurpose.get(purpose);
    return {
      purpose,
      granted: row ? row.granted : null,
      noticeVersion: row?.notice_version ?? null,
      recordedAt: row ? new Date(row.recorded_at).toISOString() : null,
    };
  });
}

export function presentDataExport(row: DataExportRow): DataExportDto {
  return {
    id: row.id,
    state: row.state,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    revoked: row.revoked_at !== null,
  };
}
