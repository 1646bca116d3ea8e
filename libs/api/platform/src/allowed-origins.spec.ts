import { isAllowedOrigin } from './allowed-origins';

describe('isAllowedOrigin', () => {
  it('allows the request’s own host, with or without the default port', () => {
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:3000', undefined)).toBe(true);
    expect(isAllowedOrigin('https://rt.example.org', 'rt.example.org:443', undefined)).toBe(true);
    expect(isAllowedOrigin('http://RT.example.org', 'rt.example.org', undefined)).toBe(true);
  });

  it('allows PUBLIC_URL’s origin when a proxy rewrote Host', () => {
    expect(isAllowedOrigin('https://rt.example.org', 'api:3000', 'https://rt.example.org/')).toBe(true);
    expect(isAllowedOrigin('http://rt.example.org', 'api:3000', 'https://rt.example.org')).toBe(false);
  });

  it('refuses other sites, sibling ports, null and non-http origins', () => {
    expect(isAllowedOrigin('https://evil.example', 'rt.example.org', 'https://rt.example.org')).toBe(false);
    expect(isAllowedOrigin('http://localhost:4000', 'localhost:3000', undefined)).toBe(false);
    expect(isAllowedOrigin('null', 'localhost:3000', undefined)).toBe(false);
    expect(isAllowedOrigin('file:///x', 'localhost:3000', undefined)).toBe(false);
    expect(isAllowedOrigin('not a url', 'localhost:3000', undefined)).toBe(false);
    expect(isAllowedOrigin(undefined, 'localhost:3000', 'http://localhost:3000')).toBe(false);
  });
});
