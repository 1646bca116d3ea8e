import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type CoChairHandover,
  type CoChairVacancyDto,
  type FieldError,
  type MembershipDto,
  type WorkingGroupRole,
} from '@roundtable/contracts';
import { coChairRuleViolation, regionOf, type Region } from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessEvents } from '../access.events';

export interface JoinInput {
  workingGroupId: string;
  personId: string;
  role: WorkingGroupRole;
}

/** A handover from the request, and whether the caller may confirm a vacancy (coordinators). */
export interface Handover extends CoChairHandover {
  confirmedByUserId?: string;
  mayConfirmVacancy?: boolean;
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
 * transaction that locks the group's row, so the co-chair rule holds under concurrent changes. A change that
 * ends or lowers a co-chair's membership (role, removal, end date) must name a successor from the same
 * region or, by a coordinator, record a vacancy with a reason (`co_chair_vacancies`, owned here); appointing
 * a co-chair of that region fills it.
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
  async join(manager: EntityManager, input: JoinInput, handover: Handover = {}): Promise<void> {
    await this.lockGroup(manager, input.workingGroupId);
    const [current] = await manager.query(
      'SELECT id, role FROM memberships WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL',
      [input.workingGroupId, input.personId],
    );
    const stepsDown = current?.role === 'co-chair' && input.role !== 'co-chair';
    const successor = await this.checkHandover(manager, input.workingGroupId, input.personId, stepsDown, handover);
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
    if (input.role === 'co-chair') await this.fillVacancy(manager, input.workingGroupId, input.personId);
    await this.events.notifyAfterCommit(manager, input.personId);
    await successor?.();
  }

  async list(workingGroupId: string, includePast: boolean): Promise<MembershipDto[]> {
    const rows: MembershipRow[] = await this.dataSource.query(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 ${includePast ? '' : 'AND m.left_on IS NULL'}
        ORDER BY m.left_on NULLS FIRST, CASE m.role WHEN 'co-chair' THEN 0 WHEN 'expert' THEN 1 ELSE 2 END, p.display_name`,
      [workingGroupId],
    );
    return rows.map(presentMembership);
  }

  async add(
    workingGroupId: string,
    personId: string,
    role: WorkingGroupRole,
    handover: Handover = {},
  ): Promise<MembershipDto> {
    const [person] = await this.dataSource.query('SELECT id FROM people WHERE id = $1', [personId]);
    if (!person) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Unknown person', {
        fields: [{ field: 'personId', message: 'personId is not a known person', code: 'unknownPerson' }],
      });
    }
    await this.dataSource.transaction((manager) => this.join(manager, { workingGroupId, personId, role }, handover));
    return this.current(workingGroupId, personId);
  }

  /** A new role, or (with `leftOn`) the end of the membership on that date. */
  async change(
    workingGroupId: string,
    personId: string,
    change: { role?: WorkingGroupRole; leftOn?: string },
    handover: Handover = {},
  ): Promise<MembershipDto> {
    if ((change.role === undefined) === (change.leftOn === undefined)) {
      const message = 'give either role or leftOn';
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid role, leftOn', {
        fields: [
          { field: 'role', message, code: 'roleOrLeftOn' },
          { field: 'leftOn', message, code: 'roleOrLeftOn' },
        ],
      });
    }
    if (change.leftOn !== undefined) {
      const id = await this.end(workingGroupId, personId, change.leftOn, handover);
      return this.byId(id);
    }
    const role = change.role as WorkingGroupRole;
    await this.dataSource.transaction(async (manager) => {
      await this.currentId(manager, workingGroupId, personId);
      await this.join(manager, { workingGroupId, personId, role }, handover);
    });
    return this.current(workingGroupId, personId);
  }

  /** Ends a membership today; the row stays as history with its left_on date. */
  async remove(workingGroupId: string, personId: string, handover: Handover = {}): Promise<void> {
    await this.end(workingGroupId, personId, null, handover);
  }

  /** Open co-chair vacancies of the given groups (all of a project's groups for the balance report). */
  async openVacancies(where: { workingGroupId: string } | { projectId: string }): Promise<CoChairVacancyDto[]> {
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT v.id, v.working_group_id, wg.code, v.region, v.reason, p.display_name,
              to_char(v.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS opened_at
         FROM co_chair_vacancies v
         JOIN working_groups wg ON wg.id = v.working_group_id
         LEFT JOIN people p ON p.id = v.previous_person_id
        WHERE v.filled_at IS NULL AND ${'workingGroupId' in where ? 'wg.id' : 'wg.project_id'} = $1
        ORDER BY wg.position, v.region`,
      ['workingGroupId' in where ? where.workingGroupId : where.projectId],
    );
    return rows.map((row) => ({
      id: row.id as string,
      workingGroupId: row.working_group_id as string,
      workingGroupCode: row.code as string,
      region: row.region as CoChairVacancyDto['region'],
      reason: row.reason as string,
      previousDisplayName: row.display_name,
      openedAt: row.opened_at as string,
    }));
  }

  /** Ends a membership on `leftOn` (checked), or today (by the Clock, never before it began) when null. */
  private async end(
    workingGroupId: string,
    personId: string,
    leftOn: string | null,
    handover: Handover,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.currentId(manager, workingGroupId, personId);
      const [row] = await manager.query(
        "SELECT role, to_char(joined_on, 'YYYY-MM-DD') AS joined_on FROM memberships WHERE id = $1",
        [current],
      );
      const today = this.clock.today();
      if (leftOn !== null && (leftOn > today || leftOn < row.joined_on)) {
        throw new ApiException(ErrorCode.ValidationFailed, 'Invalid leftOn', {
          fields: [
            {
              field: 'leftOn',
              message: `leftOn must be between the day the membership began (${row.joined_on}) and today (${today})`,
              code: 'leftOnRange',
              params: { min: row.joined_on, max: today },
            },
          ],
        });
      }
      const successor = await this.checkHandover(manager, workingGroupId, personId, row.role === 'co-chair', handover);
      await manager.query('UPDATE memberships SET left_on = GREATEST(joined_on, $2::date) WHERE id = $1', [
        current,
        leftOn ?? today,
      ]);
      await this.events.notifyAfterCommit(manager, personId);
      await successor?.();
      return current;
    });
  }

  /**
   * The co-chair rule when `personId` leaves a co-chair seat (`stepsDown`): refused unless the handover names a
   * successor from the same region (returned: run it once the seat is free) or a coordinator confirms a
   * vacancy with a reason (recorded now). A handover where no seat is left is refused too, so nobody believes
   * it did something.
   */
  private async checkHandover(
    manager: EntityManager,
    workingGroupId: string,
    personId: string,
    stepsDown: boolean,
    handover: Handover,
  ): Promise<(() => Promise<void>) | null> {
    const { successorPersonId, vacancyReason } = handover;
    if (!stepsDown) {
      const given =
        successorPersonId !== undefined ? 'successorPersonId' : vacancyReason !== undefined ? 'vacancyReason' : null;
      if (!given) return null;
      throw invalid(given, `${given} applies only when a co-chair steps down or leaves`, 'handoverNotNeeded');
    }
    if (successorPersonId !== undefined && vacancyReason !== undefined) {
      throw invalid('vacancyReason', 'give either successorPersonId or vacancyReason, not both', 'successorOrVacancy');
    }
    const [outgoing] = await manager.query('SELECT country FROM people WHERE id = $1', [personId]);
    const region = regionOf(outgoing.country);
    const where = regionName(region);
    if (successorPersonId !== undefined) {
      if (successorPersonId === personId) {
        throw invalid('successorPersonId', 'successorPersonId must be another person', 'successorIsSelf');
      }
      const [successor] = await manager.query('SELECT country FROM people WHERE id = $1', [successorPersonId]);
      if (!successor) throw invalid('successorPersonId', 'successorPersonId is not a known person', 'unknownPerson');
      if (regionOf(successor.country) !== region) {
        throw new ApiException(
          ErrorCode.CoChairRule,
          `Co-chair rule: the successor must be based in ${where}, like the co-chair who steps down.`,
          {
            fields: [
              {
                field: 'successorPersonId',
                message: `successorPersonId must be based in ${where}`,
                code: 'coChairSuccessorRegion',
                params: { region },
              },
            ],
          },
        );
      }
      return () => this.join(manager, { workingGroupId, personId: successorPersonId, role: 'co-chair' });
    }
    if (vacancyReason !== undefined) {
      if (!handover.mayConfirmVacancy) {
        throw new ApiException(
          ErrorCode.Forbidden,
          'Only coordinators confirm a co-chair vacancy; name a successor instead.',
          {
            fields: [
              {
                field: 'vacancyReason',
                message: 'only coordinators confirm a co-chair vacancy',
                code: 'vacancyCoordinatorOnly',
              },
            ],
          },
        );
      }
      const reason = vacancyReason.trim();
      if (reason.length === 0) throw invalid('vacancyReason', 'vacancyReason must not be empty', 'isNotEmpty');
      await manager.query(
        `INSERT INTO co_chair_vacancies (working_group_id, region, reason, previous_person_id, confirmed_by_user_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (working_group_id, region) WHERE filled_at IS NULL
         DO UPDATE SET reason = EXCLUDED.reason, previous_person_id = EXCLUDED.previous_person_id`,
        [workingGroupId, region, reason, personId, handover.confirmedByUserId ?? null],
      );
      return null;
    }
    throw new ApiException(
      ErrorCode.CoChairRule,
      `Co-chair rule: this person is the group's co-chair based in ${where}. Name a successor based in ${where} (successorPersonId), or a coordinator confirms the vacancy with a reason (vacancyReason).`,
      {
        fields: [
          {
            field: 'successorPersonId',
            message: `successorPersonId (a successor based in ${where}) or vacancyReason is required`,
            code: 'coChairSuccessorRequired',
            params: { region },
          },
        ],
      },
    );
  }

  private async fillVacancy(manager: EntityManager, workingGroupId: string, personId: string): Promise<void> {
    const [person] = await manager.query('SELECT country FROM people WHERE id = $1', [personId]);
    await manager.query(
      `UPDATE co_chair_vacancies SET filled_at = now(), filled_by_person_id = $3
        WHERE working_group_id = $1 AND region = $2 AND filled_at IS NULL`,
      [workingGroupId, regionOf(person.country), personId],
    );
  }

  private async currentId(manager: EntityManager, workingGroupId: string, personId: string): Promise<string> {
    await this.lockGroup(manager, workingGroupId);
    const [current] = await manager.query(
      'SELECT id FROM memberships WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL',
      [workingGroupId, personId],
    );
    if (!current)
      throw new ApiException(ErrorCode.NotFound, 'This person is not a current member of the working group.');
    return current.id;
  }

  private async byId(id: string): Promise<MembershipDto> {
    const [row]: MembershipRow[] = await this.dataSource.query(`${MEMBERSHIP_SELECT} WHERE m.id = $1`, [id]);
    return presentMembership(row);
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

function invalid(field: string, message: string, code: string): ApiException {
  const error: FieldError = { field, message, code };
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, { fields: [error] });
}

function regionName(region: Region): string {
  return region === 'china' ? 'China' : region === 'europe' ? 'Europe' : 'elsewhere';
}

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
