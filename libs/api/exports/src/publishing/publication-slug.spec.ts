import { slugCandidate, SLUG_MAX, uniqueSlug } from './publication-slug';

describe('publication slugs', () => {
  it('are lower-case ASCII words of the English title joined by hyphens', () => {
    expect(slugCandidate('Position Paper: Cohorts & Data (WG1)')).toBe('position-paper-cohorts-data-wg1');
    expect(slugCandidate('Données de santé — Ésope')).toBe('donnees-de-sante-esope');
  });

  it('stop at a word boundary within the length limit, and are never empty', () => {
    const long = slugCandidate('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long.endsWith('-')).toBe(false);
    expect(slugCandidate('个性化医疗')).toBe('paper');
    expect(slugCandidate('x'.repeat(100))).toHaveLength(SLUG_MAX);
  });

  it('take the first free number when the slug is taken', () => {
    expect(uniqueSlug('paper', [])).toBe('paper');
    expect(uniqueSlug('paper', ['paper', 'paper-2', 'paper-4'])).toBe('paper-3');
  });
});
