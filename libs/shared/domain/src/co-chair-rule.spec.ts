import { coChairRuleViolation } from './co-chair-rule';

describe('co-chair rule', () => {
  it.each([
    [[], null],
    [['europe'], null],
    [['china'], null],
    [['europe', 'china'], null],
    [['china', 'europe'], null],
  ] as const)('allows %j', (regions, expected) => {
    expect(coChairRuleViolation(regions)).toBe(expected);
  });

  it.each([
    [['europe', 'europe'], /already has a co-chair based in Europe; the other co-chair must be based in China/],
    [['china', 'china'], /already has a co-chair based in China; the other co-chair must be based in Europe/],
    [['europe', 'china', 'europe'], /already has a co-chair based in Europe/],
    [['other'], /based elsewhere/],
    [['europe', 'other'], /based elsewhere/],
  ] as const)('refuses %j, naming the rule', (regions, message) => {
    const violation = coChairRuleViolation(regions);
    expect(violation).toMatch(/^Co-chair rule: /);
    expect(violation).toMatch(message);
  });
});
