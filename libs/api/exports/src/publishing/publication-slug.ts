/** Slugs of public pages (ADR 031): lower-case ASCII words joined by hyphens, from the English title. */
export const SLUG_MAX = 60;

/** "Position Paper: Cohorts & Data (WG1)" → "position-paper-cohorts-data-wg1"; "paper" when nothing is left. */
export function slugCandidate(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || (words[0] ?? 'paper').slice(0, SLUG_MAX);
}

/** `base`, or `base-2`, `base-3`, … whichever is not taken yet. */
export function uniqueSlug(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}
