import { connectionUrl } from './embedded-postgres';

// How pg reads these URLs (a `host` parameter naming a folder = that folder's Unix socket) is exercised by
// every integration test, which all connect to the embedded server through connectionUrl.
describe('connectionUrl of the embedded PostgreSQL', () => {
  it('connects through the Unix socket folder when its path fits', () => {
    const url = new URL(connectionUrl('/tmp/roundtable data/socket', 54321, 'roundtable'));
    expect(url.searchParams.get('host')).toBe('/tmp/roundtable data/socket');
    expect([url.port, url.pathname, url.username]).toEqual(['54321', '/roundtable', 'postgres']);
  });

  it('falls back to loopback TCP when the socket path would be too long for the OS', () => {
    const deep = `/home/someone/${'very-long-folder-name/'.repeat(5)}roundtable/.data/socket`;
    const url = new URL(connectionUrl(deep, 54321, 'roundtable'));
    expect(url.searchParams.get('host')).toBeNull();
    expect([url.hostname, url.port, url.pathname]).toEqual(['127.0.0.1', '54321', '/roundtable']);
  });
});
