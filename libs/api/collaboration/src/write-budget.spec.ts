import { TokenBucket, WriteBudgets, writeCost } from './write-budget';

describe('TokenBucket', () => {
  it('allows a burst, then one unit per 1/rate second, and says how long to wait', () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let i = 0; i < 20; i++) expect(bucket.tryTake(1, 0)).toBe(0);
    expect(bucket.tryTake(1, 0)).toBe(100);
    expect(bucket.tryTake(1, 50)).toBe(50);
    expect(bucket.tryTake(1, 100)).toBe(0);
    expect(bucket.isFull(100)).toBe(false);
    expect(bucket.isFull(2100)).toBe(true);
  });

  it('takes nothing when it says wait', () => {
    const bucket = new TokenBucket(10, 5, 0);
    expect(bucket.tryTake(3, 0)).toBe(0);
    expect(bucket.tryTake(3, 0)).toBe(100);
    expect(bucket.tryTake(2, 0)).toBe(0);
  });
});

describe('writeCost', () => {
  it('is one unit per message plus one per full 4 KB', () => {
    expect([writeCost(1), writeCost(4095), writeCost(4096), writeCost(1_500_000)]).toEqual([1, 1, 2, 367]);
  });
});

describe('WriteBudgets', () => {
  it('limits one account over all its documents, and leaves other accounts their own budget', () => {
    const budgets = new WriteBudgets(10, 1000);
    // 100 units of burst, spent over 20 documents.
    for (let i = 0; i < 100; i++) expect(budgets.take('offender', `doc-${i % 20}`, 10, 0)).toBe(0);
    expect(budgets.take('offender', 'doc-0', 10, 0)).toBe(100);
    expect(budgets.take('offender', 'doc-99', 10, 0)).toBe(100);
    expect(budgets.take('someone-else', 'doc-0', 10, 0)).toBe(0);
    expect(budgets.take('offender', 'doc-0', 10, 100)).toBe(0);
  });

  it('limits one document over all its writers, without charging the accounts whose update waits', () => {
    const budgets = new WriteBudgets(10, 10);
    for (let i = 0; i < 100; i++) expect(budgets.take(`user-${i}`, 'busy', 10, 0)).toBe(0);
    expect(budgets.take('late', 'busy', 10, 0)).toBe(100);
    // 'late' was not charged: its whole burst is left for another document.
    for (let i = 0; i < 100; i++) expect(budgets.take('late', 'quiet', 10, 0)).toBe(0);
    expect(budgets.take('late', 'quiet', 10, 0)).toBe(100);
  });

  it('charges large updates by size, and lets an update costlier than the whole burst through once the bucket is full', () => {
    const budgets = new WriteBudgets(1, 1000);
    expect(budgets.take('u', 'd', 1_500_000, 0)).toBe(0); // 367 units, capped at the burst of 10
    expect(budgets.take('u', 'd', 1, 0)).toBe(1000);
    expect(budgets.take('u', 'd', 1_500_000, 9_999)).toBeGreaterThan(0);
    expect(budgets.take('u', 'd', 1_500_000, 10_000)).toBe(0);
  });

  it('sweeping keeps the budget of an account still in debt, and a swept one starts full', () => {
    const budgets = new WriteBudgets(10, 10);
    budgets.take('u', 'd', 1, 0);
    budgets.sweep(50);
    expect(budgets.take('u', 'd', 1, 50)).toBe(0);
    for (let i = 0; i < 98; i++) budgets.take('u', 'd', 1, 50);
    expect(budgets.take('u', 'd', 1, 50)).toBeGreaterThan(0);
    budgets.sweep(20_000);
    for (let i = 0; i < 100; i++) expect(budgets.take('u', 'd', 1, 20_000)).toBe(0);
  });
});
