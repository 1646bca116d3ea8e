import type { MembershipDto, TermState, WorkingGroupRole } from '@roundtable/contracts';
import { regionOf } from '@roundtable/domain';

export interface MembershipRow {
  id: string;
  working_group_id: string;
  working_group_code: string;
  person_id: string;
  display_name: string;
  country: string;
  role: WorkingGroupRole;
  joined_on: string;
  left_on: string | null;
  term_ends_on: string | null;
}

/** Days before its end during which a term counts as ending soon (the coordinator is warned, ADR 035). */
export const TERM_WARNING_DAYS = 30;

/** A term end (YYYY-MM-DD) against today (YYYY-MM-DD, the server's clock). Pure. */
export function termState(termEndsOn: string | null, today: string): TermState | null {
  if (termEndsOn === null) return null;
  if (termEndsOn < today) return 'ended';
  const warnFrom = new Date(`${termEndsOn}T00:00:00Z`);
  warnFrom.setUTCDate(warnFrom.getUTCDate() - TERM_WARNING_DAYS);
  return today >= warnFrom.toISOString().slice(0, 10) ? 'ending-soon' : 'running';
}

export const MEMBERSHIP_SELECT = `
  SELECT m.id, m.working_group_id, wg.code AS working_group_code, m.person_id, p.display_name, p.country, m.role,
         to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.left_on, 'YYYY-MM-DD') AS left_on,
         to_char(m.term_ends_on, 'YYYY-MM-DD') AS term_ends_on
    FROM memberships m
    JOIN people p ON p.id = m.person_id
    JOIN working_groups wg ON wg.id = m.working_group_id`;

export function presentMembership(row: MembershipRow, today: string): MembershipDto {
  return {
    id: row.id,
    workingGroupId: row.working_group_id,
    workingGroupCode: row.working_group_code,
    personId: row.person_id,
    displayName: row.display_name,
    role: row.role,
    region: regionOf(row.country),
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    termEndsOn: row.term_ends_on,
    term: row.left_on === null ? termState(row.term_ends_on, today) : null,
  };
}
