import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type BalanceFilters, type BalanceReportDto } from '@roundtable/contracts';
import { regionOf } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { MembershipsService } from '../memberships/memberships.service';
import { balanceOf, type BalanceMember, type BalanceTarget } from './balance';

@Injectable()
export class BalanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsService,
  ) {}

  async report(
    projectId: string,
    filters: BalanceFilters = { excludeCoChairs: false, excludeObservers: false },
  ): Promise<BalanceReportDto> {
    const target = await this.target(projectId);
    const leftOut = [
      ...(filters.excludeCoChairs ? ['co-chair'] : []),
      ...(filters.excludeObservers ? ['observer'] : []),
    ];
    const rows: Array<{
      working_group_id: string;
      code: string;
      person_id: string;
      country: string;
      gender: string | null;
      sector: string;
      partner: string | null;
    }> = await this.dataSource.query(
      `SELECT wg.id AS working_group_id, wg.code, p.id AS person_id, p.country, p.gender, p.sector, pa.short_name AS partner
           FROM working_groups wg
           JOIN memberships m ON m.working_group_id = wg.id AND m.left_on IS NULL AND NOT (m.role = ANY($2::text[]))
           JOIN people p ON p.id = m.person_id
           LEFT JOIN partners pa ON pa.id = p.partner_id
          WHERE wg.project_id = $1
          ORDER BY wg.position`,
      [projectId, leftOut],
    );
    const groups = await this.dataSource.query(
      'SELECT id, code FROM working_groups WHERE project_id = $1 ORDER BY position',
      [projectId],
    );
    const member = (row: (typeof rows)[number]): BalanceMember => ({
      personId: row.person_id,
      region: regionOf(row.country),
      gender: row.gender,
      sector: row.sector,
      partner: row.partner,
    });
    const overall = new Map(rows.map((row) => [row.person_id, member(row)]));
    return {
      projectId,
      target,
      groups: [
        ...groups.map((g: { id: string; code: string }) =>
          balanceOf(
            { workingGroupId: g.id, code: g.code },
            rows.filter((r) => r.working_group_id === g.id).map(member),
            target,
          ),
        ),
        balanceOf({ workingGroupId: null, code: 'ALL' }, [...overall.values()], target),
      ],
      vacancies: await this.memberships.openVacancies({ projectId }),
      headcount: { target: await this.headcount(projectId), actual: overall.size },
      filters,
    };
  }

  /** The project's headcount target ("35 experts"); the region shares stay as they are (default 50/50). */
  async setHeadcount(projectId: string, headcount: number): Promise<{ headcount: number }> {
    await this.dataSource.query(
      `INSERT INTO balance_targets (project_id, europe_share, china_share, other_share, headcount_target)
       VALUES ($1, 0.5, 0.5, 0, $2)
       ON CONFLICT (project_id) DO UPDATE SET headcount_target = $2, updated_at = now()`,
      [projectId, headcount],
    );
    return { headcount: (await this.headcount(projectId)) as number };
  }

  private async headcount(projectId: string): Promise<number | null> {
    const [row] = await this.dataSource.query('SELECT headcount_target FROM balance_targets WHERE project_id = $1', [
      projectId,
    ]);
    return row?.headcount_target ?? null;
  }

  async setTarget(projectId: string, target: BalanceTarget): Promise<BalanceTarget> {
    if (Math.abs(target.europe + target.china + target.other - 1) > 0.001) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Shares must add up to 1', {
        fields: (['europe', 'china', 'other'] as const).map((field) => ({
          field,
          code: 'sharesSum',
          message: 'europe, china and other must add up to 1',
        })),
      });
    }
    await this.dataSource.query(
      `INSERT INTO balance_targets (project_id, europe_share, china_share, other_share) VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_id) DO UPDATE SET europe_share = $2, china_share = $3, other_share = $4, updated_at = now()`,
      [projectId, target.europe, target.china, target.other],
    );
    return this.target(projectId);
  }

  private async target(projectId: string): Promise<BalanceTarget> {
    const [row] = await this.dataSource.query(
      'SELECT europe_share, china_share, other_share FROM balance_targets WHERE project_id = $1',
      [projectId],
    );
    return row
      ? { europe: Number(row.europe_share), china: Number(row.china_share), other: Number(row.other_share) }
      : { europe: 0.5, china: 0.5, other: 0 };
  }
}
