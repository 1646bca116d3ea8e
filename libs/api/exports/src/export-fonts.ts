import { readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * The CJK font of HTML and PDF exports: Noto Sans SC from the npm package @fontsource/noto-sans-sc (never a
 * CDN), cut by the package into ~100 unicode-range subsets per weight. An export embeds, as data URLs, only
 * the subsets holding characters it uses, so a standalone HTML file needs no host at all and Chromium embeds
 * the same glyphs in every PDF whatever fonts the machine has.
 */
export const EXPORT_FONT_FAMILY = 'Noto Sans SC';
export type FontWeight = 400 | 700;

interface Subset {
  weight: FontWeight;
  file: string;
  ranges: Array<[number, number]>;
}

let subsets: Subset[] | null = null;

function packageDir(): string {
  return dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

function loadSubsets(): Subset[] {
  if (subsets) return subsets;
  const dir = packageDir();
  const found: Subset[] = [];
  for (const weight of [400, 700] as const) {
    const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !range) continue;
      found.push({ weight, file, ranges: range.split(',').map(parseRange) });
    }
  }
  subsets = found;
  return found;
}

function parseRange(part: string): [number, number] {
  const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
  return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
}

function covers(subset: Subset, codePoints: Set<number>): boolean {
  for (const cp of codePoints) if (subset.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) return true;
  return false;
}

export function codePointsOf(text: string): Set<number> {
  const set = new Set<number>();
  for (const char of text) set.add(char.codePointAt(0) as number);
  return set;
}

/**
 * `@font-face` rules for the subsets that hold the given characters, per weight, in the package's order (so
 * the same text always gives the same CSS). Each keeps its unicode-range, so a browser still picks per glyph.
 * Embedded as data URLs (standalone exports), or by `url` (the public pages name their own font route).
 */
export function embeddedFontFaces(
  characters: Record<FontWeight, Set<number>>,
  url: (file: string) => string = (file) =>
    `data:font/woff2;base64,${readFileSync(join(packageDir(), 'files', file)).toString('base64')}`,
): string {
  return loadSubsets()
    .filter((subset) => covers(subset, characters[subset.weight]))
    .map((subset) => {
      const range = subset.ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi).slice(2)}`)).join(',');
      return (
        `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-style:normal;font-weight:${subset.weight};` +
        `src:url(${url(subset.file)}) format('woff2');unicode-range:${range}}`
      );
    })
    .join('\n');
}

/** The bytes of one of the package's subset files, or null for any name that is not one of them. */
export function fontFile(file: string): Buffer | null {
  if (!loadSubsets().some((subset) => subset.file === file)) return null;
  return readFileSync(join(packageDir(), 'files', file));
}

function hex(cp: number): string {
  return `U+${cp.toString(16)}`;
}
