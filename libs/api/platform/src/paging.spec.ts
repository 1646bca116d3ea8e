import { ApiException } from './api.exception';
import { decodeCursor, encodeCursor, pageInMemory, pageOf, scanPage } from './paging';

function refusal(run: () => unknown): string[] | null {
  try {
    run();
    return null;
  } catch (error) {
    return ((error as ApiException).extra.fields ?? []).map((f) => f.field);
  }
}

describe('paging (ADR 029)', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('round-trips a sort key, keeping PostgreSQL timestamps to the microsecond', () => {
    const key = ['2026-12-07 11:58:38.123456+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'];
    expect(decodeCursor(encodeCursor(key), ['timestamp', 'uuid'])).toEqual(key);
    expect(decodeCursor(encodeCursor(['Expert 中文', 7]), ['text', 'int'])).toEqual(['Expert 中文', 7]);
    expect(decodeCursor(undefined, ['text'])).toBeNull();
  });

  it('refuses, naming cursor, anything that is not this list’s key', () => {
    const cases: Array<[string, Parameters<typeof decodeCursor>[1]]> = [
      ['%%%', ['text']],
      [forged({ a: 1 }), ['text']],
      [forged(['x']), ['text', 'uuid']],
      [forged(['x', 'not-a-uuid']), ['text', 'uuid']],
      [forged(['a\u0000b']), ['text']],
      [forged(['\uD800']), ['text']],
      [forged(['2030-02-30 00:00:00+00']), ['timestamp']],
      [forged(['0000-01-01 00:00:00+00']), ['timestamp']],
      [forged(['2030-01-01 00:00:00+99']), ['timestamp']],
      [forged(['2030-01-01 24:00:00Z']), ['timestamp']],
      [forged(['yesterday']), ['timestamp']],
      [forged([1.5]), ['int']],
      [forged(['x'.repeat(501)]), ['text']],
    ];
    for (const [cursor, kinds] of cases)
      expect({ cursor, fields: refusal(() => decodeCursor(cursor, kinds)) }).toEqual({
        cursor,
        fields: ['cursor'],
      });
  });

  it('says another page follows only when the extra row is there', () => {
    const rows = [1, 2, 3, 4].map((id) => ({ id }));
    expect(pageOf(rows, 3, (r) => [r.id])).toEqual({ items: rows.slice(0, 3), next: encodeCursor([3]) });
    expect(pageOf(rows.slice(0, 3), 3, (r) => [r.id])).toEqual({ items: rows.slice(0, 3), next: null });
  });

  it('scans past rows the policy hides without gaps or duplicates', async () => {
    const table = Array.from({ length: 500 }, (_, i) => i + 1);
    const fetch = async (after: readonly unknown[] | null, count: number) =>
      table.filter((n) => after === null || n > (after[0] as number)).slice(0, count);
    const seen: number[] = [];
    let after: unknown[] | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page = await scanPage({ limit: 7, after, fetch, keep: (n) => n % 3 === 0, key: (n) => [n] });
      seen.push(...page.items);
      if (!page.next) break;
      after = decodeCursor(page.next, ['int']);
    }
    expect(seen).toEqual(table.filter((n) => n % 3 === 0));
  });

  it('pages small lists in memory by offset', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = pageInMemory(items, { limit: 2 });
    expect(first.items).toEqual(['a', 'b']);
    const second = pageInMemory(items, { limit: 2, cursor: first.next! });
    expect(second.items).toEqual(['c', 'd']);
    expect(pageInMemory(items, { limit: 2, cursor: second.next! })).toEqual({ items: ['e'], next: null });
    expect(refusal(() => pageInMemory(items, { cursor: forged([-1]) }))).toEqual(['cursor']);
  });
});
