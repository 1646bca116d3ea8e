import { reanchor, respondBlocker, reviewRoundStatus, textOfHtml } from './reviews';

describe('review rounds (pure rules)', () => {
  const round = (status: 'open' | 'closed' | 'responded') => ({
    status,
    opensAt: new Date('2027-01-10T00:00:00Z'),
    closesAt: new Date('2027-01-20T00:00:00Z'),
  });

  it('is scheduled, open, then closed by time; closed and responded stay', () => {
    expect(reviewRoundStatus(round('open'), new Date('2027-01-09T23:59:59Z'))).toBe('scheduled');
    expect(reviewRoundStatus(round('open'), new Date('2027-01-10T00:00:00Z'))).toBe('open');
    expect(reviewRoundStatus(round('open'), new Date('2027-01-20T00:00:00Z'))).toBe('closed');
    expect(reviewRoundStatus(round('closed'), new Date('2027-01-12T00:00:00Z'))).toBe('closed');
    expect(reviewRoundStatus(round('responded'), new Date('2027-01-12T00:00:00Z'))).toBe('responded');
  });

  it('is responded only from closed with every comment disposed', () => {
    expect(respondBlocker('open', ['noted'])).toBe('not-closed');
    expect(respondBlocker('responded', [])).toBe('not-closed');
    expect(respondBlocker('closed', ['noted', null])).toBe('undisposed');
    expect(respondBlocker('closed', ['noted', 'duplicate'])).toBeNull();
    expect(respondBlocker('closed', [])).toBeNull();
  });

  it('reads HTML text as textContent does: tags dropped, entities decoded, no separators', () => {
    expect(textOfHtml('<h1>Title</h1><p>A &amp; B &lt;c&gt; &#20320;&#x597d;&nbsp;!</p><!-- x --><p>Two</p>')).toBe(
      'TitleA & B <c> 你好\u00a0!Two',
    );
  });

  it('finds a passage where it was, moved to the nearest occurrence, or deleted', () => {
    const frozen = 'Intro. Cohorts share one form. End.';
    const start = frozen.indexOf('Cohorts');
    expect(reanchor('Cohorts share one form.', start, frozen)).toMatchObject({
      state: 'same',
      start,
      before: 'Intro. ',
      after: ' End.',
    });
    const live = 'New opening paragraph. Intro. Cohorts share one form. End. Cohorts share one form.';
    expect(reanchor('Cohorts share one form.', start, live)).toMatchObject({
      state: 'moved',
      start: live.indexOf('Cohorts'),
    });
    expect(reanchor('Cohorts share one form.', start, 'Intro. End.')).toEqual({
      state: 'deleted',
      start: null,
      end: null,
      before: null,
      after: null,
    });
  });
});
