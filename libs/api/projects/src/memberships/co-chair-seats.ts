import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type CoChairHandover,
  type CoChairVacancyDto,
  type FieldError,
  type FieldErrorCode,
  type WorkingGroupRole,
} from '@roundtable/contracts';
import { coChairRuleViolation, regionOf, type Region } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';

/** A handover from the request, and whether the caller may confirm a vacancy (coordinators). */
export interface Handover extends CoChairHandover {
  confirmedByUserId?: string;
  mayConfirmVacancy?: boolean;
}

/**
 * The co-chair seats of a working group: the rule (one co-chair based in Europe, one in China), the handover a
 * co-chair leaving the seat needs, and the vacancies a coordinator records (`co_chair_vacancies`, owned by
 * this lib). Runs inside MembershipsService's transactions, which hold the group's row lock.
 */
@Injectable()
export class CoChairSeats {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Open co-chair seats of the given groups (all of a project's groups for the balance report): every group
   * without a current co-chair based in Europe, or without one based in China. A seat a coordinator recorded as
   * vacant (ADR 028) keeps its id, reason and date; a seat that was never filled and never recorded (a group
   * just created, a seat emptied before the rule) shows too, with `id`, `reason` and `openedAt` null.
   */
  async openVacancies(where: { workingGroupId: string } | { projectId: string }): Promise<CoChairVacancyDto[]> {
    const scope = 'workingGroupId' in where ? 'wg.id' : 'wg.project_id';
    const value = 'workingGroupId' in where ? where.workingGroupId : where.projectId;
    const recorded: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT v.id, v.working_group_id, v.region, v.reason, p.display_name,
              to_char(v.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS opened_at
         FROM co_chair_vacancies v
         JOIN working_groups wg ON wg.id = v.working_group_id
         LEFT JOIN people p ON p.id = v.previous_person_id
        WHERE v.filled_at IS NULL AND ${scope} = $1`,
      [value],
    );
    const groups: Array<{ id: string; code: string; countries: string[] }> = await this.dataSource.query(
      `SELECT wg.id, wg.code,
              COALESCE(array_agg(p.country) FILTER (WHERE p.id IS NOT NULL), '{}') AS countries
         FROM working_groups wg
         LEFT JOIN memberships m ON m.working_group_id = wg.id AND m.left_on IS NULL AND m.role = 'co-chair'
         LEFT JOIN people p ON p.id = m.person_id
        WHERE ${scope} = $1
        GROUP BY wg.id, wg.code, wg.position
        ORDER BY wg.position`,
      [value],
    );
    const seats: CoChairVacancyDto[] = [];
    for (const group of groups) {
      const held = new Set(group.countries.map((country) => regionOf(country)));
      for (const region of SEATS) {
        const vacancy = recorded.find((row) => row.working_group_id === group.id && row.region === region);
        if (!vacancy && held.has(region)) continue;
        seats.push({
          id: vacancy ? (vacancy.id as string) : null,
          workingGroupId: group.id,
          workingGroupCode: group.code,
          region,
          reason: vacancy ? (vacancy.reason as string) : null,
          previousDisplayName: vacancy ? vacancy.display_name : null,
          openedAt: vacancy ? (vacancy.opened_at as string) : null,
        });
      }
    }
    return seats;
  }

  /**
   * The co-chair rule when `personId` leaves a co-chair seat (`stepsDown`): refused unless the handover names a
   * successor from the same region (returned: the caller appoints them once the seat is free) or a coordinator confirms a
   * vacancy with a reason (recorded now). A handover where no seat is left is refused too, so nobody believes
   * it did something.
   */
  async checkHandover(
    manager: EntityManager,
    workingGroupId: string,
    personId: string,
    stepsDown: boolean,
    handover: Handover,
  ): Promise<string | null> {
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
      return successorPersonId;
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

  /** Appointing a co-chair fills their region's open vacancy in the group. */
  async fillVacancy(manager: EntityManager, workingGroupId: string, personId: string): Promise<void> {
    const [person] = await manager.query('SELECT country FROM people WHERE id = $1', [personId]);
    await manager.query(
      `UPDATE co_chair_vacancies SET filled_at = now(), filled_by_person_id = $3
        WHERE working_group_id = $1 AND region = $2 AND filled_at IS NULL`,
      [workingGroupId, regionOf(person.country), personId],
    );
  }

  /** One European and one Chinese co-chair at most: refused when `role` would break it. */
  async assertRule(
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
    const regions = [...others.map((o) => regionOf(o.country)), regionOf(person.country)];
    const violation = coChairRuleViolation(regions);
    if (violation) throw new ApiException(ErrorCode.CoChairRule, violation, { fields: [coChairRuleField(regions)] });
  }
}

/** The two seats of every group, in the order reports list them. */
const SEATS = ['europe', 'china'] as const;

/** The broken co-chair rule as a coded field error, so the web app says which part in the reader's language. */
function coChairRuleField(regions: readonly Region[]): FieldError {
  if (regions.includes('other'))
    return { field: 'role', code: 'coChairElsewhere', message: 'a co-chair is based in Europe or in China' };
  const taken = SEATS.find((seat) => regions.filter((region) => region === seat).length > 1);
  if (taken)
    return {
      field: 'role',
      code: 'coChairSeatTaken',
      params: { region: taken },
      message: `the ${taken} seat is taken`,
    };
  return { field: 'role', code: 'coChairTwoOnly', message: 'a working group has two co-chairs' };
}

function invalid(field: string, message: string, code: FieldErrorCode): ApiException {
  const error: FieldError = { field, message, code };
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, { fields: [error] });
}

function regionName(region: Region): string {
  return region === 'china' ? 'China' : region === 'europe' ? 'Europe' : 'elsewhere';
}
