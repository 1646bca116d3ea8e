import { toCsvText } from '@roundtable/api-platform';
import type { BalanceGroupDto, BalanceReportDto, BalanceShare, Region } from '@roundtable/contracts';

export interface BalanceMember {
  personId: string;
  region: Region;
  gender: string | null;
  sector: string;
  partner: string | null;
}

export interface BalanceTarget {
  europe: number;
  china: number;
  other: number;
}

const REGIONS: Region[] = ['europe', 'china', 'other'];

function shares(values: string[], always: string[] = []): BalanceShare[] {
  const counts = new Map<string, number>(always.map((key) => [key, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const total = values.length;
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count, share: total === 0 ? 0 : round(count / total) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Counts and shares of one group (or the whole project) against the region target. Pure. */
export function balanceOf(
  group: { workingGroupId: string | null; code: string },
  members: BalanceMember[],
  target: BalanceTarget,
): BalanceGroupDto {
  const byRegion = shares(
    members.map((m) => m.region),
    REGIONS,
  );
  return {
    workingGroupId: group.workingGroupId,
    code: group.code,
    total: members.length,
    byRegion,
    byGender: shares(members.map((m) => m.gender ?? 'undisclosed')),
    bySector: shares(members.map((m) => m.sector)),
    byPartner: shares(members.map((m) => m.partner ?? 'none')),
    regionGap: REGIONS.map((region) => {
      const actual = byRegion.find((s) => s.key === region)?.share ?? 0;
      return { region, target: target[region], actual, gap: round(actual - target[region]) };
    }),
  };
}

/**
 * RFC 4180 CSV of a report: one row per group × dimension × value (under the report's filters), the headcount
 * against its target, then one row per open co-chair vacancy (its region and reason).
 */
export function balanceCsv(report: Pick<BalanceReportDto, 'groups' | 'headcount' | 'vacancies'>): string {
  const rows = [['group', 'dimension', 'value', 'count', 'share', 'target', 'gap', 'note']];
  for (const group of report.groups) {
    for (const [dimension, list] of [
      ['region', group.byRegion],
      ['gender', group.byGender],
      ['sector', group.bySector],
      ['partner', group.byPartner],
    ] as const) {
      for (const share of list) {
        const gap = dimension === 'region' ? group.regionGap.find((g) => g.region === share.key) : undefined;
        rows.push([
          group.code,
          dimension,
          share.key,
          String(share.count),
          share.share.toFixed(3),
          gap ? gap.target.toFixed(3) : '',
          gap ? gap.gap.toFixed(3) : '',
          '',
        ]);
      }
    }
  }
  const { target, actual } = report.headcount;
  rows.push([
    'ALL',
    'headcount',
    'people',
    String(actual),
    '',
    target === null ? '' : String(target),
    target === null ? '' : String(actual - target),
    '',
  ]);
  for (const vacancy of report.vacancies) {
    rows.push([vacancy.workingGroupCode, 'co-chair-vacancy', vacancy.region, '', '', '', '', vacancy.reason ?? '']);
  }
  return toCsvText(rows);
}
