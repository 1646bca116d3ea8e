import type { Region } from './region';

/**
 * Each working group is co-chaired by one representative based in Europe and one based in China.
 * Given the regions of a group's co-chairs after a proposed change, returns why the change breaks the
 * rule, or null when it is allowed. One co-chair (while the other is not yet set) is allowed.
 */
export function coChairRuleViolation(coChairRegions: readonly Region[]): string | null {
  if (coChairRegions.some((region) => region === 'other')) {
    return 'Co-chair rule: a working group is co-chaired by one person based in Europe and one based in China; this person is based elsewhere.';
  }
  for (const [region, where, other] of [
    ['europe', 'Europe', 'China'],
    ['china', 'China', 'Europe'],
  ] as const) {
    if (coChairRegions.filter((r) => r === region).length > 1) {
      return `Co-chair rule: this working group already has a co-chair based in ${where}; the other co-chair must be based in ${other}.`;
    }
  }
  if (coChairRegions.length > 2) {
    return 'Co-chair rule: a working group has exactly two co-chairs, one based in Europe and one based in China.';
  }
  return null;
}
