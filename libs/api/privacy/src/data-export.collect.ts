import type { DataSource } from 'typeorm';

/** One part of a person's data: a file `<name>.json` in the ZIP and a section of `data.md`. */
export interface DataExportSection {
  name: string;
  title: string;
  rows: Array<Record<string, unknown>>;
}

/**
 * Everything the database holds about one account and its person, as read-only SQL over every table that
 * names them (docs/privacy.md lists the same tables). $1 is the user id, $2 the person id (or null), $3 the
 * account's email. A new table holding personal data gets its line here and in docs/privacy.md.
 */
const SECTIONS: Array<{ name: string; title: string; sql: string }> = [
  {
    name: 'account',
    title: 'Account',
    sql: 'SELECT id, email, display_name, platform_role, locale, created_at FROM users WHERE id = $1',
  },
  {
    name: 'profile',
    title: 'Profile',
    sql: `SELECT p.id, p.display_name, p.email, p.country, p.affiliation, p.sector, p.gender, p.time_zone, p.locale,
                 p.expertise, pa.short_name AS partner, p.created_at, p.updated_at
            FROM people p LEFT JOIN partners pa ON pa.id = p.partner_id WHERE p.id = $2`,
  },
  {
    name: 'memberships',
    title: 'Working group memberships',
    sql: `SELECT g.code AS working_group, m.role, m.joined_on, m.left_on, m.term_ends_on
            FROM memberships m JOIN working_groups g ON g.id = m.working_group_id WHERE m.person_id = $2
           ORDER BY m.joined_on`,
  },
  {
    name: 'project-roles',
    title: 'Project roles',
    sql: `SELECT pr.role, p.acronym AS project, pr.granted_at, pr.revoked_at
            FROM project_roles pr JOIN projects p ON p.id = pr.project_id WHERE pr.person_id = $2`,
  },
  {
    name: 'consents',
    title: 'Consents (every answer, oldest first)',
    sql: 'SELECT purpose, granted, notice_version, recorded_at FROM consents WHERE user_id = $1 ORDER BY id',
  },
  {
    name: 'comments',
    title: 'Comments',
    sql: `SELECT c.id, d.title_en AS document, t.quote, c.body, c.created_at, c.edited_at
            FROM comments c JOIN comment_threads t ON t.id = c.thread_id JOIN documents d ON d.id = t.document_id
           WHERE c.author_user_id = $1 ORDER BY c.created_at`,
  },
  {
    name: 'contributions',
    title: 'Contributions per document (comments, versions named, minutes approved, files uploaded)',
    sql: `SELECT d.id AS document_id, d.title_en AS document,
                 (SELECT count(*)::int FROM comments c JOIN comment_threads t ON t.id = c.thread_id
                   WHERE t.document_id = d.id AND c.author_user_id = $1) AS comments,
                 (SELECT count(*)::int FROM document_versions v WHERE v.document_id = d.id AND v.created_by_user_id = $1) AS versions,
                 (SELECT count(*)::int FROM document_status_changes s WHERE s.document_id = d.id AND s.changed_by = $1) AS status_changes
            FROM documents d
           WHERE EXISTS (SELECT 1 FROM comment_threads t JOIN comments c ON c.thread_id = t.id
                          WHERE t.document_id = d.id AND c.author_user_id = $1)
              OR EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.created_by_user_id = $1)
              OR EXISTS (SELECT 1 FROM document_status_changes s WHERE s.document_id = d.id AND s.changed_by = $1)
           ORDER BY d.title_en`,
  },
  {
    name: 'action-items',
    title: 'Minutes actions (owned or written)',
    sql: `SELECT id, text, due_on, status, owner_person_id = $2 AS owner, created_at FROM action_items
           WHERE owner_person_id = $2 OR created_by_user_id = $1 ORDER BY created_at`,
  },
  {
    name: 'decisions',
    title: 'Minutes decisions written',
    sql: 'SELECT id, text, created_at FROM meeting_decisions WHERE created_by_user_id = $1 ORDER BY created_at',
  },
  {
    name: 'minutes-approvals',
    title: 'Minutes approved',
    sql: 'SELECT minutes_id, approved_at FROM minutes_approvals WHERE user_id = $1 OR person_id = $2',
  },
  {
    name: 'meetings',
    title: 'Meeting invitations and attendance',
    sql: `SELECT m.title, i.rsvp, i.rsvp_at,
                 ARRAY(SELECT a.occurrence_start FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.person_id = $2) AS attended
            FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id WHERE i.person_id = $2`,
  },
  {
    name: 'working-hours',
    title: 'Working hours',
    sql: 'SELECT * FROM person_working_hours WHERE person_id = $2',
  },
  {
    name: 'library-files',
    title: 'Library files uploaded',
    sql: `SELECT f.name, v.number, v.file_name, v.note, v.uploaded_at FROM library_file_versions v
            JOIN library_files f ON f.id = v.file_id WHERE v.uploaded_by_user_id = $1 ORDER BY v.uploaded_at`,
  },
  {
    name: 'applications',
    title: 'Applications to open calls',
    sql: `SELECT id, name, email, country, affiliation, sector, expertise, motivation, conflict_of_interest,
                 consent_gdpr, consent_pipl, status, submitted_at
            FROM applications WHERE lower(email) = lower($3)`,
  },
  {
    name: 'reviews',
    title: 'Application reviews written',
    sql: 'SELECT application_id, score, comment, created_at FROM application_reviews WHERE reviewer_user_id = $1',
  },
  {
    name: 'invitations',
    title: 'Invitations received',
    sql: `SELECT email, display_name, role, created_at, expires_at, accepted_at, revoked_at FROM invitations
           WHERE lower(email) = lower($3) OR accepted_person_id = $2`,
  },
  {
    name: 'notifications',
    title: 'Notifications',
    sql: 'SELECT kind, title_en, title_zh, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at',
  },
  {
    name: 'notification-preferences',
    title: 'Notification choices',
    sql: 'SELECT kind, delivery FROM notification_preferences WHERE user_id = $1',
  },
  {
    name: 'mail',
    title: 'Mail sent to you',
    sql: `SELECT kind, subject, status, created_at, sent_at FROM mail_outbox WHERE lower(to_address) = lower($3)
           ORDER BY created_at`,
  },
  {
    name: 'sessions',
    title: 'Sessions',
    sql: 'SELECT created_at, expires_at, revoked_at FROM sessions WHERE user_id = $1 ORDER BY created_at',
  },
  {
    name: 'sign-ins',
    title: 'Sign-in attempts (kept 30 days)',
    sql: 'SELECT ip, succeeded, attempted_at FROM login_attempts WHERE email_key = lower($3) ORDER BY attempted_at',
  },
  {
    name: 'calendar-feeds',
    title: 'Calendar feeds',
    sql: 'SELECT created_at, revoked_at FROM calendar_feeds WHERE user_id = $1',
  },
  {
    name: 'audit',
    title: 'Audit entries about you or by you',
    sql: `SELECT id, at, actor_user_id, action, subject_type, subject_id, details FROM audit_log
           WHERE actor_user_id = $1 OR subject_id = $1 OR subject_id = $2 ORDER BY id`,
  },
];

export async function collectPersonalData(
  dataSource: DataSource,
  account: { userId: string; personId: string | null; email: string },
): Promise<DataExportSection[]> {
  const sections: DataExportSection[] = [];
  for (const section of SECTIONS) {
    // Every section gets the same three parameters, declared once so a section may use any of them.
    const rows = await dataSource.query(
      `WITH params AS (SELECT $1::uuid AS user_id, $2::uuid AS person_id, $3::text AS email) ${section.sql}`,
      [account.userId, account.personId, account.email],
    );
    sections.push({ name: section.name, title: section.title, rows });
  }
  return sections;
}
