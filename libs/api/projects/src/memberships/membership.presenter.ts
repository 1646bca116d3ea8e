import type { MembershipDto, WorkingGroupRole } from '@roundtable/contracts';
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
}

export const MEMBERSHIP_SELECT = `
  SELECT m.id, m.working_group_id, wg.code AS working_group_code, m.person_id, p.display_name, p.country, m.role,
         to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.left_on, 'YYYY-MM-DD') AS left_on
    FROM memberships m
    JOIN people p ON p.id = m.person_id
    JOIN working_groups wg ON wg.id = m.working_group_id`;

export function presentMembership(row: MembershipRow): MembershipDto {
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
  };
}
