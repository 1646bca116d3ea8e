/**
 * How long personal data that serves a passing purpose is kept (ADR 043, docs/privacy.md "Retention").
 * Constants rather than environment variables: they are promises made in the privacy notice.
 */
export const RETENTION_DAYS = {
  /** Sign-in attempts and their client addresses (the throttle needs 15 minutes, the known-address rule 30 days). */
  loginAttempts: 30,
  /** Applicants' client addresses (the per-address limit needs an hour) and unconfirmed submissions. */
  applicantAddresses: 30,
  /** Invitations never accepted, after they expired or were revoked. */
  unacceptedInvitations: 90,
  /** Password reset links, after they expired (their per-address counters go after a day). */
  passwordResets: 7,
  /** Outside reviewers' contact data after their review round closed (see `OutsideReviewerRetention`). */
  outsideReviewers: 90,
  /** Own-data exports: the link's validity; the file is deleted when it ends. */
  dataExports: 7,
} as const;

/** How often the retention sweep runs. */
export const RETENTION_SWEEP_SECONDS = 6 * 60 * 60;
