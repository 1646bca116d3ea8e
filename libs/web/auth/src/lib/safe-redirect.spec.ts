import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  const origin = 'https://rt.example';
  it.each([
    ['/invitations/abc', '/invitations/abc'],
    ['/people?q=x#top', '/people?q=x#top'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/x', '/'],
    [undefined, '/'],
    [42, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirect(input, origin)).toBe(expected);
  });
});
