import { recordAudit } from '@roundtable/api-audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CoChairVacancyDto, type MembershipDto, type WorkingGroupRole } from '@roundtable/contracts';
import { ApiException, Clock } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessEvents } from '../access.events';
import { CoChairSeats, type Handover } from './co-chair-seats';
import { MEMBERSHIP_SELECT, presentMembership, type MembershipRow } from './membership.presenter';

export type { Handover } from './co-chair-seats';

export interface JoinInput {
  workingGroupId: string;
  personId: string;
  role: WorkingGroupRole;
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
    private readonly seats: CoChairSeats,
  ) {}

  /**
   * Adds a person to a group, or changes their role if they are already a current member.
   * Runs inside the caller's transaction (invitations use it while accepting).
   */
  async join(manager: EntityManager, input: JoinInput, handover: Handover = {}): Promise<void> {
    await this.lockGroup(manager, input.workingGroupId);
    await recordAudit(manager, {
      actorUserId: null,
      action: 'membership.changed',
      subjectType: 'person',
      subjectId: input.personId,
      details: { workingGroupId: input.workingGroupId, role: input.role },
    });
    const [current] = await manager.query(
      'SELECT id, role FROM memberships WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL',
      [input.workingGroupId, input.personId],
    );
    const stepsDown = current?.role === 'co-chair' && input.role !== 'co-chair';
    const successor = await this.seats.checkHandover(
      manager,
      input.workingGroupId,
      input.personId,
      stepsDown,
      handover,
    );
    await this.seats.assertRule(manager, input.workingGroupId, input.personId, input.role);
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
    if (input.role === 'co-chair') await this.seats.fillVacancy(manager, input.workingGroupId, input.personId);
    await this.events.notifyAfterCommit(manager, input.personId);
    if (successor)
      await this.join(manager, { workingGroupId: input.workingGroupId, personId: successor, role: 'co-chair' });
  }

  async list(workingGroupId: string, includePast: boolean): Promise<MembershipDto[]> {
    const rows: MembershipRow[] = await this.dataSource.query(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 ${includePast ? '' : 'AND m.left_on IS NULL'}
        ORDER BY m.left_on NULLS FIRST, CASE m.role WHEN 'co-chair' THEN 0 WHEN 'expert' THEN 1 ELSE 2 END, p.display_name`,
      [workingGroupId],
    );
    const today = this.clock.today();
    return rows.map((row) => presentMembership(row, today));
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

  /**
   * Sets (or, with null, clears) the day a current member's term ends. The term never ends the membership by
   * itself: a co-chair's seat stays held until a coordinator hands it over or records a vacancy (ADR 035).
   */
  async setTerm(workingGroupId: string, personId: string, termEndsOn: string | null): Promise<MembershipDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const current = await this.currentId(manager, workingGroupId, personId);
      const [row] = await manager.query(
        "SELECT to_char(joined_on, 'YYYY-MM-DD') AS joined_on FROM memberships WHERE id = $1",
        [current],
      );
      if (termEndsOn !== null && termEndsOn < row.joined_on) {
        throw new ApiException(ErrorCode.ValidationFailed, 'Invalid termEndsOn', {
          fields: [
            {
              field: 'termEndsOn',
              message: `termEndsOn must not be before the day the membership began (${row.joined_on})`,
              code: 'termEndsOnRange',
              params: { min: row.joined_on },
            },
          ],
        });
      }
      await manager.query('UPDATE memberships SET term_ends_on = $2 WHERE id = $1', [current, termEndsOn]);
      return current;
    });
    return this.byId(id);
  }

  /** Ends a membership today; the row stays as history with its left_on date. */
  async remove(workingGroupId: string, personId: string, handover: Handover = {}): Promise<void> {
    await this.end(workingGroupId, personId, null, handover);
  }

  /** Open co-chair vacancies of one group, or of all a project's groups (the balance report). */
  openVacancies(where: { workingGroupId: string } | { projectId: string }): Promise<CoChairVacancyDto[]> {
    return this.seats.openVacancies(where);
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
      await recordAudit(manager, {
        actorUserId: null,
        action: 'membership.changed',
        subjectType: 'person',
        subjectId: personId,
        details: { workingGroupId, role: 'left' },
      });
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
      const successor = await this.seats.checkHandover(
        manager,
        workingGroupId,
        personId,
        row.role === 'co-chair',
        handover,
      );
      await manager.query('UPDATE memberships SET left_on = GREATEST(joined_on, $2::date) WHERE id = $1', [
        current,
        leftOn ?? today,
      ]);
      await this.events.notifyAfterCommit(manager, personId);
      if (successor) await this.join(manager, { workingGroupId, personId: successor, role: 'co-chair' });
      return current;
    });
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
    return presentMembership(row, this.clock.today());
  }

  private async current(workingGroupId: string, personId: string): Promise<MembershipDto> {
    const [row]: MembershipRow[] = await this.dataSource.query(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 AND m.person_id = $2 AND m.left_on IS NULL`,
      [workingGroupId, personId],
    );
    return presentMembership(row, this.clock.today());
  }

  private async lockGroup(manager: EntityManager, workingGroupId: string): Promise<void> {
    const rows = await manager.query('SELECT id FROM working_groups WHERE id = $1 FOR UPDATE', [workingGroupId]);
    if (rows.length === 0) throw new ApiException(ErrorCode.NotFound, 'Working group not found.');
  }
}
