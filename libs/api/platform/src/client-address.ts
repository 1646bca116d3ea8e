import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'http';
import { isIPv6 } from 'net';
import type { ProxyTrust } from '@roundtable/api-config';
import proxyaddr from 'proxy-addr';

export { parseTrustProxy, type ProxyTrust, type ProxyTrustSetting } from '@roundtable/api-config';

/**
 * The client address of a request (HTTP or WebSocket upgrade): the TCP peer, or, through the proxies that
 * `trust` names, the X-Forwarded-For entry the outermost trusted proxy appended. Every per-address limit
 * (login, open call, collaboration upgrades) uses this and nothing else, so it is a key for one client:
 * IPv4-mapped IPv6 addresses are written as IPv4, and an IPv6 client is its /64 (`2001:db8:0:7::/64`),
 * the network one subscriber gets, inside which addresses can be rotated at will.
 */
export function clientAddress(request: IncomingMessage, trust: ProxyTrust): string {
  if (!request.socket?.remoteAddress) return 'unknown';
  const address = proxyaddr(request, trust);
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  return isIPv6(address) ? `${ipv6Groups(address).slice(0, 4).join(':')}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address, lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('%')[0].split('::');
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const left = part(head);
  const right = part(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16).toString(16));
}

/** Injection token of the process' ProxyTrust (from TRUST_PROXY), provided by ProxyTrustModule. */
export const PROXY_TRUST = Symbol('PROXY_TRUST');
export const InjectProxyTrust = () => Inject(PROXY_TRUST);

@Global()
@Module({})
export class ProxyTrustModule {
  static forRoot(trust: ProxyTrust): DynamicModule {
    return { module: ProxyTrustModule, providers: [{ provide: PROXY_TRUST, useValue: trust }], exports: [PROXY_TRUST] };
  }
}
