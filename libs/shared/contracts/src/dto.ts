import type { MinutesStatusDto } from './minutes';

export const PlatformRole = { Admin: 'admin', Coordinator: 'coordinator', Member: 'member' } as const;
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

export const WorkingGroupRole = { CoChair: 'co-chair', Expert: 'expert', Observer: 'observer' } as const;
export type WorkingGroupRole = (typeof WorkingGroupRole)[keyof typeof WorkingGroupRole];

export const DocumentType = {
  PositionPaper: 'position-paper',
  StrategicWorkplan: 'strategic-workplan',
  Roadmap: 'roadmap',
  Minutes: 'minutes',
  WorkingDocument: 'working-document',
} as const;
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];

export const DocumentStatus = { Outline: 'outline', Draft: 'draft', InReview: 'in-review', Final: 'final' } as const;
export type DocumentStatus = (typeof DocumentStatus)[keyof typeof DocumentStatus];

export type Locale = 'en' | 'zh-CN';

/** Text kept in both project languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  platformRole: PlatformRole;
  locale: Locale;
  /** Stable colour for carets and avatars, `#rrggbb`. */
  color: string;
}

/** GET /api/auth/session (public): who is signed in; `null` for an anonymous visitor (200, not 401). */
export interface SessionDto {
  user: UserDto | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** POST /api/auth/password: the current password proves it is you; other sessions end. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/auth/password-reset (public): always answered 202, whether or not the email has an account. */
export interface PasswordResetRequest {
  email: string;
}

/** POST /api/auth/password-reset/confirm (public): the token from the emailed link and the new password. */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface PartnerDto {
  id: string;
  shortName: string;
  fullName: string;
  country: string;
}

/** A partner with its role in the project: the working groups it guides. */
export interface ProjectPartnerDto extends PartnerDto {
  guides: string[];
}

export interface ProjectDto {
  id: string;
  name: string;
  startDate: string;
  durationMonths: number;
  partners: ProjectPartnerDto[];
}

/** A holder of a project-level role (coordinator, advisory board member, external reviewer). */
export interface ProjectRoleHolderDto {
  personId: string;
  displayName: string;
  country: string;
  role: 'coordinator' | 'advisory-board' | 'external-reviewer';
  grantedAt: string;
}

export interface WorkingGroupMemberDto {
  personId: string;
  displayName: string;
  role: WorkingGroupRole;
  region: 'europe' | 'china' | 'other';
  termEndsOn: string | null;
  term: import('./membership').TermState | null;
}

export interface WorkingGroupDto {
  id: string;
  projectId: string;
  code: string;
  title: Bilingual;
  aim: Bilingual;
  guidingPartners: PartnerDto[];
  /** The caller's role in this group, or null when the caller is not a member. */
  myRole: WorkingGroupRole | null;
}

export interface WorkingGroupDetailDto extends WorkingGroupDto {
  dimensions: import('./membership').DimensionDto[];
  members: WorkingGroupMemberDto[];
  documents: DocumentDto[];
  /** Open co-chair vacancies (a seat left empty with a coordinator's reason) until filled. */
  vacancies: import('./membership').CoChairVacancyDto[];
}

export interface DocumentDto {
  id: string;
  projectId: string;
  workingGroupId: string | null;
  workingGroupCode: string | null;
  type: DocumentType;
  title: Bilingual;
  status: DocumentStatus;
  /** What the caller may do with the live document. */
  access: 'read' | 'write';
  updatedAt: string;
  /** Set when the document is locked: read only for everyone. */
  locked: { at: string; reason: string } | null;
  /** Whether the caller may lock and unlock it (coordinators). */
  canLock: boolean;
  /**
   * The record the document is the text of (minutes), on GET /api/documents/:id only: its page shows that
   * record's status and links back to it. `null` for a free-standing document.
   */
  owner?: DocumentOwnerDto | null;
}

/** Minutes own their document: their status (not the document's) is what readers need to see. */
export interface DocumentOwnerDto {
  kind: 'minutes';
  id: string;
  status: MinutesStatusDto;
}

export interface HealthDto {
  status: 'ok' | 'unavailable';
}
