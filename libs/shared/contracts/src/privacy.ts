/** Privacy (issue 17, ADR 043): consents per purpose, own-data exports, erasure and the audit log. */

/** What a person consents to, each asked and withdrawn separately. */
export const CONSENT_PURPOSES = ['account', 'directory', 'publish-name', 'cross-border', 'optional-profile'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Purposes that cannot be withdrawn on their own (the account is withdrawn by erasing it). */
export const REQUIRED_CONSENT_PURPOSES: readonly ConsentPurpose[] = ['account'];

export interface ConsentDto {
  purpose: ConsentPurpose;
  /** null: never asked (the default of the purpose applies, see docs/privacy.md). */
  granted: boolean | null;
  /** The notice version shown when it was given or withdrawn. */
  noticeVersion: string | null;
  recordedAt: string | null;
}

export interface PrivacyNoticeDto {
  version: string;
  locale: 'en' | 'zh-CN';
  /** The notice in Markdown. */
  markdown: string;
}

export interface MyPrivacyDto {
  notice: { version: string };
  consents: ConsentDto[];
}

export type DataExportState = 'queued' | 'running' | 'done' | 'failed';

export interface DataExportDto {
  id: string;
  state: DataExportState;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
  /** Only in the answer that created it: the secret link (valid until `expiresAt`, revocable). */
  downloadUrl?: string;
}

/** What the audit log records (ids only, never names or email addresses). */
export const AUDIT_ACTIONS = [
  'auth.signIn',
  'auth.signInFailed',
  'membership.changed',
  'projectRole.changed',
  'privacy.consentChanged',
  'privacy.exportRequested',
  'privacy.exportDownloaded',
  'privacy.erased',
  'document.locked',
  'document.unlocked',
  'minutes.approved',
  'application.decided',
  'document.published',
  'document.unpublished',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryDto {
  id: string;
  at: string;
  actorUserId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string | null;
  projectId: string | null;
  details: Record<string, string | number | boolean | null>;
}
