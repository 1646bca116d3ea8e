import { createHash } from 'crypto';
import { userColor } from './user-color';

/** Deterministic UUID-shaped ids, so the distribution test never flakes. */
function fakeUuid(i: number): string {
  const hex = createHash('sha1').update(String(i)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(color: string): number {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

const manyIds = [
  ...Array.from({ length: 1000 }, (_, i) => `user-${i}`),
  ...Array.from({ length: 1000 }, (_, i) => fakeUuid(i)),
];

describe('userColor', () => {
  test('is stable for the same id', () => {
    for (const id of ['alice', 'bob', fakeUuid(1), '张伟', '']) {
      expect(userColor(id)).toBe(userColor(id));
      expect(userColor(id)).toBe(userColor(`${id}`.slice(0)));
    }
  });

  test('always returns a valid #rrggbb colour, including for empty, non-ASCII and very long ids', () => {
    const ids = [...manyIds, '', '张伟', '🙂', 'x'.repeat(100_000)];
    for (const id of ids) expect(userColor(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('spreads many ids across the whole palette of 8 colours', () => {
    const counts = new Map<string, number>();
    for (const id of manyIds) counts.set(userColor(id), (counts.get(userColor(id)) ?? 0) + 1);
    expect(counts.size).toBe(8);
    // Roughly even: every colour gets between half and double its fair share.
    const fair = manyIds.length / 8;
    for (const [color, count] of counts) {
      expect([color, count >= fair / 2 && count <= fair * 2]).toEqual([color, true]);
    }
  });

  test('different ids usually differ (neighbouring ids do not collapse to one colour)', () => {
    const colors = new Set(['user-1', 'user-2', 'user-3', 'user-4'].map(userColor));
    expect(colors.size).toBeGreaterThan(1);
  });

  test('every palette colour has at least 4.5:1 contrast on white (WCAG AA for text)', () => {
    const palette = new Set(manyIds.map(userColor));
    for (const color of palette) {
      expect([color, contrastOnWhite(color) >= 4.5]).toEqual([color, true]);
    }
  });
});
