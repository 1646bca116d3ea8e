import type { Bilingual, Locale, PartnerDto, WorkingGroupRole } from './dto';

export const Sector = {
  Academia: 'academia',
  HealthAuthority: 'health-authority',
  Industry: 'industry',
  FundingAgency: 'funding-agency',
  PolicyMaker: 'policy-maker',
  PatientOrganisation: 'patient-organisation',
  Other: 'other',
} as const;
export type Sector = (typeof Sector)[keyof typeof Sector];
export const SECTORS: Sector[] = Object.values(Sector);

export const Gender = { Female: 'female', Male: 'male', NonBinary: 'non-binary', Undisclosed: 'undisclosed' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export type Region = 'europe' | 'china' | 'other';

export const ProjectRole = {
  Coordinator: 'coordinator',
  AdvisoryBoard: 'advisory-board',
  ExternalReviewer: 'external-reviewer',
} as const;
export type ProjectRole = (typeof ProjectRole)[keyof typeof ProjectRole];

export interface DimensionDto {
  position: number;
  title: Bilingual;
  focus: Bilingual;
  goal: Bilingual;
}

export interface MembershipDto {
  id: string;
  workingGroupId: string;
  workingGroupCode: string;
  personId: string;
  displayName: string;
  role: WorkingGroupRole;
  region: Region;
  joinedOn: string;
  leftOn: string | null;
  /** The day the member's term ends (YYYY-MM-DD), if one is set (ADR 035). */
  termEndsOn: string | null;
  /** From the server's clock: null without a term end; 'ending-soon' within 30 days; 'ended' once it passed. */
  term: TermState | null;
}

/** A membership's term against today (ADR 035): the membership itself is never ended by the term alone. */
export type TermState = 'running' | 'ending-soon' | 'ended';

/** PUT /api/working-groups/:id/members/:personId/term (coordinators): sets the term end; absent clears it. */
export interface SetTermRequest {
  termEndsOn?: string;
}

/** A working group's dimension as coordinators write it (its position is its place in the list). */
export interface DimensionRequest {
  title: Bilingual;
  focus: Bilingual;
  goal: Bilingual;
}

/**
 * POST /api/projects/:id/working-groups and PUT /api/working-groups/:id (coordinators): the whole group;
 * dimensions and guiding partners replace the stored ones.
 */
export interface WorkingGroupRequest {
  code: string;
  title: Bilingual;
  aim: Bilingual;
  dimensions: DimensionRequest[];
  guidingPartnerIds: string[];
}

/** POST /api/projects/:id/partners and PUT /api/partners/:id (coordinators): `personIds` are its people. */
export interface PartnerRequest {
  shortName: string;
  fullName: string;
  country: string;
  personIds: string[];
}

/** GET /api/projects/:id/partners: each partner with its people. */
export interface PartnerDetailDto {
  id: string;
  shortName: string;
  fullName: string;
  country: string;
  people: Array<{ id: string; displayName: string; country: string }>;
}

export interface PersonDto {
  id: string;
  displayName: string;
  /** Only shown to the person, coordinators and co-chairs. */
  email: string | null;
  country: string;
  region: Region;
  partner: PartnerDto | null;
  affiliation: string | null;
  sector: Sector;
  gender: Gender | null;
  timeZone: string;
  locale: Locale;
  expertise: string[];
  projectRoles: ProjectRole[];
  memberships: MembershipDto[];
  /** Whether the caller may edit this profile. */
  editable: boolean;
}

/** PATCH /api/people/:id — every field optional. */
export interface UpdatePersonRequest {
  displayName?: string;
  country?: string;
  affiliation?: string | null;
  partnerId?: string | null;
  sector?: Sector;
  gender?: Gender | null;
  timeZone?: string;
  locale?: Locale;
  expertise?: string[];
}

/** GET /api/people?workingGroupId=&region=&sector=&expertise=&q= */
export interface PeopleQuery {
  workingGroupId?: string;
  region?: Region;
  sector?: Sector;
  expertise?: string;
  q?: string;
}

/**
 * How a change that ends or lowers a co-chair's membership keeps the co-chair rule: name a successor from the
 * same region (made co-chair in the same change), or, coordinators only, confirm a vacancy with a reason.
 * Without one the change is refused (409 CO_CHAIR_RULE naming `successorPersonId`).
 */
export interface CoChairHandover {
  successorPersonId?: string;
  vacancyReason?: string;
}

/** POST /api/working-groups/:id/members */
export interface AddMemberRequest extends CoChairHandover {
  personId: string;
  role: WorkingGroupRole;
}

/**
 * PATCH /api/working-groups/:id/members/:personId: a new role, or the membership's end date (`leftOn`,
 * YYYY-MM-DD, not in the future and not before the day it began); one of the two.
 */
export interface ChangeMemberRoleRequest extends CoChairHandover {
  role?: WorkingGroupRole;
  leftOn?: string;
}

/** DELETE /api/working-groups/:id/members/:personId (optional JSON body). */
export type RemoveMemberRequest = CoChairHandover;

/** A co-chair seat left empty on purpose, shown until a co-chair of that region is appointed. */
/**
 * A co-chair seat without a current co-chair. `id`, `reason` and `openedAt` are null when no vacancy was
 * recorded (a group that never had a co-chair of that region): the seat is missing all the same.
 */
export interface CoChairVacancyDto {
  id: string | null;
  workingGroupId: string;
  workingGroupCode: string;
  region: 'europe' | 'china';
  reason: string | null;
  /** The co-chair who left the seat, if known. */
  previousDisplayName: string | null;
  openedAt: string | null;
}

export interface InvitationDto {
  id: string;
  workingGroupId: string;
  workingGroupCode: string;
  email: string;
  displayName: string | null;
  role: WorkingGroupRole;
  status: 'pending' | 'accepted' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string;
}

/** POST /api/working-groups/:id/invitations */
export interface CreateInvitationRequest {
  email: string;
  role: WorkingGroupRole;
  displayName?: string;
}

/** GET /api/invitations/:token (public) */
export interface InvitationPreviewDto {
  workingGroup: { id: string; code: string; title: Bilingual };
  role: WorkingGroupRole;
  email: string;
  displayName: string | null;
  expiresAt: string;
  /** An account with the invited email exists: sign in as it to accept. */
  accountExists: boolean;
}

/** POST /api/invitations/:token/accept (public). New accounts need displayName and password. */
export interface AcceptInvitationRequest {
  displayName?: string;
  password?: string;
  country?: string;
  locale?: Locale;
}

export interface OutboxMessageDto {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** File names of the attachments (a calendar invitation: "meeting.ics"). */
  attachments: string[];
  status: 'pending' | 'sending' | 'sent' | 'kept' | 'failed';
  error: string | null;
  /** Sending attempts so far. */
  attempts: number;
  /** While pending after a failed attempt: when the next one is due. */
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface ExpertCallDto {
  id: string;
  projectId: string;
  title: Bilingual;
  description: Bilingual;
  eligibility: Bilingual;
  workingGroups: Array<{ id: string; code: string; title: Bilingual }>;
  closesAt: string;
  open: boolean;
}

/** POST /api/calls (coordinator) */
export interface CreateExpertCallRequest {
  projectId: string;
  title: Bilingual;
  description: Bilingual;
  eligibility: Bilingual;
  workingGroupIds: string[];
  closesAt: string;
}

/** POST /api/public/calls/:id/applications (no login). `website` is the honeypot and must stay empty. */
export interface SubmitApplicationRequest {
  name: string;
  email: string;
  country: string;
  affiliation: string;
  sector: Sector;
  expertise: string[];
  preferredWorkingGroupIds: string[];
  motivation: string;
  conflictOfInterest: string;
  consentGdpr: boolean;
  consentPipl: boolean;
  website?: string;
  /** Language of the confirmation mail (the form's language); English when absent. */
  locale?: Locale;
}

/**
 * The answer to every accepted submission, whether or not the email applied before (and to the honeypot):
 * nothing counts until the emailed link is opened (ADR 015).
 */
export interface SubmitApplicationResponse {
  status: 'confirmation-sent';
}

/** POST /api/public/application-confirmations/:token: the submission became the application for its email. */
export interface ApplicationConfirmationDto {
  callId: string;
  /** True when it replaced an earlier application from the same email. */
  replaced: boolean;
}

export interface ApplicationReviewDto {
  reviewerName: string;
  score: number;
  comment: string;
  mine: boolean;
}

export interface ApplicationDto {
  id: string;
  callId: string;
  name: string;
  email: string;
  country: string;
  region: Region;
  affiliation: string;
  sector: Sector;
  expertise: string[];
  preferredWorkingGroups: Array<{ id: string; code: string }>;
  motivation: string;
  conflictOfInterest: string;
  status: 'submitted' | 'accepted' | 'declined';
  submittedAt: string;
  updatedAt: string;
  reviews: ApplicationReviewDto[];
  averageScore: number | null;
  /** Conflicts of interest its reviewers declared; a reviewer who declared one reviews and decides no more. */
  conflicts: ApplicationConflictDto[];
}

export interface ApplicationConflictDto {
  reviewerName: string;
  statement: string;
  declaredAt: string;
  mine: boolean;
}

/** POST /api/applications/:id/conflict: the caller declares a conflict of interest with this application. */
export interface DeclareConflictRequest {
  statement: string;
}

/** POST /api/applications/:id/reviews */
export interface ReviewApplicationRequest {
  score: number;
  comment?: string;
}

/** POST /api/applications/:id/decision */
export interface DecideApplicationRequest {
  decision: 'accept' | 'decline';
  /** Required when accepting: the WG the expert joins (one of the preferred or the call's groups). */
  workingGroupId?: string;
  role?: WorkingGroupRole;
}

export interface BalanceShare {
  key: string;
  count: number;
  share: number;
}

export interface BalanceGroupDto {
  /** null for the whole project. */
  workingGroupId: string | null;
  code: string;
  total: number;
  byRegion: BalanceShare[];
  byGender: BalanceShare[];
  bySector: BalanceShare[];
  byPartner: BalanceShare[];
  /** Region share minus target share, per region. */
  regionGap: Array<{ region: Region; target: number; actual: number; gap: number }>;
}

export interface BalanceReportDto {
  projectId: string;
  target: { europe: number; china: number; other: number };
  groups: BalanceGroupDto[];
  /** Open co-chair vacancies of the project's groups. */
  vacancies: CoChairVacancyDto[];
  /** The project's headcount target ("35 experts") against the people counted under the filters. */
  headcount: { target: number | null; actual: number };
  /** The filters the counts follow (`?excludeCoChairs=true&excludeObservers=true`). */
  filters: BalanceFilters;
}

/** GET /api/projects/:id/balance(.csv)?excludeCoChairs=&excludeObservers= */
export interface BalanceFilters {
  excludeCoChairs: boolean;
  excludeObservers: boolean;
}

/** PUT /api/projects/:id/headcount-target (coordinator). */
export interface HeadcountTargetRequest {
  headcount: number;
}

/** PUT /api/projects/:id/balance-target (coordinator). Shares sum to 1. */
export interface BalanceTargetRequest {
  europe: number;
  china: number;
  other: number;
}
