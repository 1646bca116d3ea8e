import type { IncomingMessage } from 'http';
import { clientAddress, parseTrustProxy } from './client-address';

function request(peer: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const { trust } = parseTrustProxy(undefined);
    expect(clientAddress(request('198.51.100.9', '1.2.3.4'), trust)).toBe('198.51.100.9');
    expect(clientAddress(request('::ffff:198.51.100.9'), trust)).toBe('198.51.100.9');
    expect(parseTrustProxy('false').express).toBe(false);
  });

  it('with one trusted hop takes the address the proxy appended, not what the client wrote before it', () => {
    const { trust } = parseTrustProxy('1');
    // The client forged "1.2.3.4"; the proxy (10.0.0.2) appended the address it really saw.
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7'), trust)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.2', '9.9.9.9, 203.0.113.7'), trust)).toBe('203.0.113.7');
  });

  it('with two hops skips exactly two proxies', () => {
    const { trust } = parseTrustProxy('2');
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7, 10.0.0.1'), trust)).toBe('203.0.113.7');
  });

  it('with a proxy list believes only those proxies', () => {
    const { trust } = parseTrustProxy('10.0.0.1, 10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7, 10.0.0.1'), trust)).toBe('203.0.113.7');
    // A peer that is not a listed proxy is the client itself, X-Forwarded-For or not.
    expect(clientAddress(request('198.51.100.9', '1.2.3.4'), trust)).toBe('198.51.100.9');
    expect(clientAddress(request('127.0.0.1', '1.2.3.4'), parseTrustProxy('loopback').trust)).toBe('1.2.3.4');
    expect(clientAddress(request('10.1.2.3', '5.6.7.8'), parseTrustProxy('10.0.0.0/8').trust)).toBe('5.6.7.8');
  });
});

describe('clientAddress for IPv6', () => {
  it('keys an IPv6 client by its /64, so rotating inside it changes nothing', () => {
    const { trust } = parseTrustProxy('1');
    const a = clientAddress(request('10.0.0.2', '2001:db8:0:7:1111:2222:3333:4444'), trust);
    const b = clientAddress(request('10.0.0.2', '2001:0db8:0000:0007::abcd'), trust);
    expect(a).toBe('2001:db8:0:7::/64');
    expect(b).toBe(a);
    expect(clientAddress(request('2001:db8:0:8::1'), parseTrustProxy(undefined).trust)).toBe('2001:db8:0:8::/64');
    expect(clientAddress(request('::1'), parseTrustProxy(undefined).trust)).toBe('0:0:0:0::/64');
  });
});

describe('parseTrustProxy', () => {
  it('reads the old "true" as one hop and says so', () => {
    const setting = parseTrustProxy('true');
    expect(setting.express).toBe(1);
    expect(setting.warning).toMatch(/TRUST_PROXY=1/);
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7'), setting.trust)).toBe('203.0.113.7');
  });

  it('refuses values it cannot read, naming TRUST_PROXY', () => {
    expect(() => parseTrustProxy('yes')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.1,proxy.example.org')).toThrow(/proxy.example.org/);
    expect(() => parseTrustProxy('99')).toThrow(/TRUST_PROXY/);
  });
});
