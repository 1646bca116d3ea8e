import { isAllowedOrigin } from './allowed-origins';

describe('isAllowedOrigin', () => {
  it('allows the origin of PUBLIC_URL, whatever the Host header says', () => {
    expect(isAllowedOrigin('https://roundtable.example.org', 'internal:3000', 'https://roundtable.example.org/')).toBe(
      true,
    );
  });

  it('allows an origin whose host:port is the request’s own Host (any scheme, case-insensitive)', () => {
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:3000', undefined)).toBe(true);
    expect(isAllowedOrigin('https://App.Example.org', 'app.example.org', undefined)).toBe(true);
  });

  it('refuses a foreign origin, another port of the same host, and a look-alike of PUBLIC_URL', () => {
    expect(isAllowedOrigin('https://evil.example', 'localhost:3000', 'http://localhost:3000')).toBe(false);
    expect(isAllowedOrigin('http://localhost:4000', 'localhost:3000', undefined)).toBe(false);
    expect(isAllowedOrigin('http://roundtable.example.org.evil.example', 'x', 'http://roundtable.example.org')).toBe(
      false,
    );
    expect(isAllowedOrigin('http://roundtable.example.org', 'x', 'https://roundtable.example.org')).toBe(false);
  });

  it('refuses a missing, "null", unparsable or non-HTTP origin', () => {
    for (const origin of [undefined, '', 'null', 'not a url', 'file:///etc/passwd', 'chrome-extension://abc']) {
      expect([origin, isAllowedOrigin(origin, 'localhost:3000', 'http://localhost:3000')]).toEqual([origin, false]);
    }
  });
});
