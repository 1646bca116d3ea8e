import { InitialSchema1764345600000 } from './1764345600000-initial-schema';
import { WorkingGroupsMembership1764432000000 } from './1764432000000-working-groups-membership';
import { DocumentSnapshots1764518400000 } from './1764518400000-document-snapshots';
import { DocumentVersions1764604800000 } from './1764604800000-document-versions';
import { Comments1764691200000 } from './1764691200000-comments';
import { PlanAndDeliverables1764777600000 } from './1764777600000-plan-and-deliverables';
import { Meetings1764864000000 } from './1764864000000-meetings';
import { WorkingDocumentsLibrary1764907200000 } from './1764907200000-working-documents-library';
import { AppendUpdatesFunction1764950400000 } from './1764950400000-append-updates-function';
import { DocumentLocks1764993600000 } from './1764993600000-document-locks';
import { MinutesAndActions1765036800000 } from './1765036800000-minutes-and-actions';
import { ActionReminders1765036800001 } from './1765036800001-action-reminders';
import { MeetingReminders1765123200000 } from './1765123200000-meeting-reminders';
import { ApplicationConfirmations1765209600000 } from './1765209600000-application-confirmations';
import { MinutesApprovalFingerprints1765209600001 } from './1765209600001-minutes-approval-fingerprints';
import { MailOutboxWorker1765209600100 } from './1765209600100-mail-outbox-worker';
import { PasswordResets1765209600200 } from './1765209600200-password-resets';
import { LibraryVersionNotes1765209600700 } from './1765209600700-library-version-notes';
import { CoChairVacancies1765209600800 } from './1765209600800-co-chair-vacancies';
import { DocumentExports1765209600850 } from './1765209600850-document-exports';
import { PasswordResetRequests1765209600870 } from './1765209600870-password-reset-requests';
import { StructureManagement1765209600900 } from './1765209600900-structure-management';
import { Publications1765209600910 } from './1765209600910-publications';
import { SeedDocumentFunction1765209600920 } from './1765209600920-seed-document-function';
import { Notifications1765209600930 } from './1765209600930-notifications';
import { PrivacyAndAudit1765209601000 } from './1765209601000-privacy-and-audit';
import { ListPagingIndexes1765209600940 } from './1765209600940-list-paging-indexes';
import { Suggestions1765209600970 } from './1765209600970-suggestions';
import { ReviewRounds1765209600980 } from './1765209600980-review-rounds';
import { Recommendations1765209600990 } from './1765209600990-recommendations';
import { Roadmap1765209601020 } from './1765209601020-roadmap';

/** Every migration, oldest first. */
export const MIGRATIONS = [
  InitialSchema1764345600000,
  WorkingGroupsMembership1764432000000,
  DocumentSnapshots1764518400000,
  DocumentVersions1764604800000,
  Comments1764691200000,
  PlanAndDeliverables1764777600000,
  Meetings1764864000000,
  WorkingDocumentsLibrary1764907200000,
  AppendUpdatesFunction1764950400000,
  DocumentLocks1764993600000,
  MinutesAndActions1765036800000,
  ActionReminders1765036800001,
  MeetingReminders1765123200000,
  ApplicationConfirmations1765209600000,
  MinutesApprovalFingerprints1765209600001,
  MailOutboxWorker1765209600100,
  PasswordResets1765209600200,
  LibraryVersionNotes1765209600700,
  CoChairVacancies1765209600800,
  DocumentExports1765209600850,
  PasswordResetRequests1765209600870,
  StructureManagement1765209600900,
  Publications1765209600910,
  SeedDocumentFunction1765209600920,
  Notifications1765209600930,
  ListPagingIndexes1765209600940,
  Suggestions1765209600970,
  ReviewRounds1765209600980,
  Recommendations1765209600990,
  PrivacyAndAudit1765209601000,
  Roadmap1765209601020,
];
