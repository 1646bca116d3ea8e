import { TERM_WARNING_DAYS, termState } from './membership.presenter';

describe('termState (ADR 035)', () => {
  it('is null without a term end', () => {
    expect(termState(null, '2027-03-01')).toBeNull();
  });

  it(`runs until ${TERM_WARNING_DAYS} days before the end, then ends soon, and has ended the day after`, () => {
    expect(termState('2027-03-31', '2027-02-28')).toBe('running');
    expect(termState('2027-03-31', '2027-03-01')).toBe('ending-soon');
    expect(termState('2027-03-31', '2027-03-31')).toBe('ending-soon');
    expect(termState('2027-03-31', '2027-04-01')).toBe('ended');
  });

  it('counts the warning window across a year end', () => {
    expect(termState('2027-01-15', '2026-12-16')).toBe('ending-soon');
    expect(termState('2027-01-15', '2026-12-15')).toBe('running');
  });
});
