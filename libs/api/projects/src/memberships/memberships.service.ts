import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type MembershipDto, type WorkingGroupRole } from '@roundtable/contracts';
import { coChairRuleViolation, regionOf } from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessEvents } from '../access.events';

export interface JoinInput {
  workingGroupId: string;
  personId: string;
  role: WorkingGroupRole;
}

interface MembershipRow {
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

/**
 * Working-group membership: joining, changing role, leaving (history kept). Every change runs in a
 * transaction that locks the group's row, so the co-chair rule holds under concurrent changes.
 */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: AccessEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a person to a group, or changes their role if they are already a current member.
   * Runs inside the caller's transaction (invitations use it while accepting).
   */
  async join(manager: EntityManager, input: JoinInput): Promise<void> {
    await this.lockGroup(manager, input.workingGroupId);
    const [current] = await manager.query(
      'SELECT id, role FROM memberships WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL',
      [input.workingGroupId, input.personId],
    );
    await this.assertCoChairRule(manager, input.workingGroupId, input.personId, input.role);
    if (current) {
      if (current.role !== input.role) {
        await manager.query('UPDATE memberships SET role = $2 WHERE id = $1', [current.id, input.role]);
      }
    } else {
      await manager.query(
        'INSERT INTO memberships (working_group_id, person_id, role, joined_on) VALUES ($1, $2, $3, $4)',
        [input.workingGroupId, input.personId, input.role, this.clock.today()],
      );
    }
    await this.events.notifyAfterCommit(manager, input.personId);
  }

  async list(workingGroupId: string, includePast: boolean): Promise<MembershipDto[]> {
    const rows: MembershipRow[] = await this.dataSource.query(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 ${includePast ? '' : 'AND m.left_on IS NULL'}
        ORDER BY m.left_on NULLS FIRST, CASE m.role WHEN 'co-chair' THEN 0 WHEN 'expert' THEN 1 ELSE 2 END, p.display_name`,
      [workingGroupId],
    );
    return rows.map(presentMembership);
  }

  async add(workingGroupId: string, personId: string, role: WorkingGroupRole): Promise<MembershipDto> {
    const [person] = await this.dataSource.query('SELECT id FROM people WHERE id = $1', [personId]);
    if (!person) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Unknown person', {
        fields: [{ field: 'personId', message: 'personId is not a known person' }],
      });
    }
    await this.dataSource.transaction((manager) => this.join(manager, { workingGroupId, personId, role }));
    return this.current(workingGroupId, personId);
  }

  async changeRole(workingGroupId: string, personId: string, role: WorkingGroupRole): Promise<MembershipDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockGroup(manager, workingGroupId);
      const [current] = await manager.query(
        'SELECT id FROM memberships WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL',
        [workingGroupId, personId],
      );
      if (!current)
        throw new ApiException(ErrorCode.NotFound, 'This person is not a current member of the working group.');
      await this.join(manager, { workingGroupId, personId, role });
    });
    return this.current(workingGroupId, personId);
  }

  /** Ends a membership; the row stays as history with its left_on date. */
  async remove(workingGroupId: string, personId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockGroup(manager, workingGroupId);
      const ended = await manager.query(
        `UPDATE memberships SET left_on = $3
          WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL RETURNING id`,
        [workingGroupId, personId, this.clock.today()],
      );
      if (ended[1] === 0)
        throw new ApiException(ErrorCode.NotFound, 'This person is not a current member of the working group.');
      await this.events.notifyAfterCommit(manager, personId);
    });
  }

  private async current(workingGroupId: string, personId: string): Promise<MembershipDto> {
    const [row]: MembershipRow[] = await this.dataSource.query(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 AND m.person_id = $2 AND m.left_on IS NULL`,
      [workingGroupId, personId],
    );
    return presentMembership(row);
  }

  private async lockGroup(manager: EntityManager, workingGroupId: string): Promise<void> {
    const rows = await manager.query('SELECT id FROM working_groups WHERE id = $1 FOR UPDATE', [workingGroupId]);
    if (rows.length === 0) throw new ApiException(ErrorCode.NotFound, 'Working group not found.');
  }

  private async assertCoChairRule(
    manager: EntityManager,
    workingGroupId: string,
    personId: string,
    role: WorkingGroupRole,
  ): Promise<void> {
    const others: Array<{ country: string }> = await manager.query(
      `SELECT p.country FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.working_group_id = $1 AND m.left_on IS NULL AND m.role = 'co-chair' AND m.person_id <> $2`,
      [workingGroupId, personId],
    );
    if (role !== 'co-chair') return;
    const [person] = await manager.query('SELECT country FROM people WHERE id = $1', [personId]);
    if (!person) throw new ApiException(ErrorCode.NotFound, 'Person not found.');
    const violation = coChairRuleViolation([...others.map((o) => regionOf(o.country)), regionOf(person.country)]);
    if (violation) throw new ApiException(ErrorCode.CoChairRule, violation);
  }
}

const MEMBERSHIP_SELECT = `
  SELECT m.id, m.working_group_id, wg.code AS working_group_code, m.person_id, p.display_name, p.country, m.role,
         to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.left_on, 'YYYY-MM-DD') AS left_on
    FROM memberships m
    JOIN people p ON p.id = m.person_id
    JOIN working_groups wg ON wg.id = m.working_group_id`;

function presentMembership(row: MembershipRow): MembershipDto {
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
