import proxyaddr from 'proxy-addr';

/** Decides, per hop, whether the address that handed us the request is a proxy whose X-Forwarded-For we believe. */
export type ProxyTrust = (address: string, hop: number) => boolean;

export interface ProxyTrustSetting {
  /** What Express's `trust proxy` setting gets (so req.secure / req.protocol agree with clientAddress). */
  express: number | string[] | false;
  trust: ProxyTrust;
  /** One line for the start-up log. */
  description: string;
  /** Said at start-up when the value was read in a way the operator may not expect. */
  warning: string | null;
}

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Reads TRUST_PROXY (ADR "proxies, throttles, sessions and passwords"):
 * unset / `false` / `0` → trust no proxy: the client is the TCP peer;
 * `N` → N reverse proxies in front of us: the client is the address the outermost one saw;
 * `10.0.0.1,10.0.0.0/8,loopback` → trust exactly those proxy addresses (named ranges as in proxy-addr).
 * `true` used to trust every hop, so anyone could choose their address with X-Forwarded-For: it is now
 * read as `1` (the documented single reverse proxy) and said so at start-up.
 */
export function parseTrustProxy(raw: string | undefined): ProxyTrustSetting {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') {
    return {
      express: false,
      trust: () => false,
      description: 'no proxy trusted: the client address is the TCP peer',
      warning: null,
    };
  }
  if (value === 'true') {
    return {
      ...hops(1),
      warning:
        'TRUST_PROXY=true no longer trusts every hop (any client could pick its address with X-Forwarded-For); ' +
        'it is read as TRUST_PROXY=1 (one reverse proxy). Set the number of proxies or their addresses to silence this.',
    };
  }
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count > 10)
      throw new Error(
        `TRUST_PROXY must be a hop count from 0 to 10, a list of proxy addresses, or false; got "${value}"`,
      );
    return { ...hops(count), warning: null };
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (NAMED_RANGES.includes(entry)) continue;
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(
        `TRUST_PROXY: "${entry}" is not an IP address, a CIDR range or one of ${NAMED_RANGES.join(', ')} (use a number for a hop count)`,
      );
    }
  }
  const compiled = proxyaddr.compile(entries);
  return { express: entries, trust: compiled, description: `trusting proxies at ${entries.join(', ')}`, warning: null };
}

function hops(count: number): Omit<ProxyTrustSetting, 'warning'> {
  return {
    express: count,
    trust: (_address, hop) => hop < count,
    description: `trusting ${count} reverse prox${count === 1 ? 'y' : 'ies'}: the client address is the one the outermost proxy saw`,
  };
}
