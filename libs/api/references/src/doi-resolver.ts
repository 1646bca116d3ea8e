import type { NewReference } from './reference-parsers';
import { cleanItem } from './reference-parsers';

/**
 * Looks up a DOI's metadata (ADR 039). The default is `none`: no request leaves the server, and a pasted DOI
 * becomes a reference holding the DOI alone. `DOI_RESOLVER_URL` names a resolver that answers CSL-JSON by
 * content negotiation (doi.org, or a mirror reachable where the users are).
 */
export interface DoiResolver {
  readonly name: string;
  /** The DOI's CSL item, or null when the resolver has none (or does not answer in time). */
  resolve(doi: string): Promise<NewReference | null>;
}

export const DOI_RESOLVER = Symbol('DOI_RESOLVER');

export class NoDoiResolver implements DoiResolver {
  readonly name = 'none';
  resolve(): Promise<NewReference | null> {
    return Promise.resolve(null);
  }
}

/** A CSL-JSON resolver at `baseUrl` (`GET {baseUrl}/{doi}`, `Accept: application/vnd.citationstyles.csl+json`). */
export class HttpDoiResolver implements DoiResolver {
  readonly name = 'http';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async resolve(doi: string): Promise<NewReference | null> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/${doi.split('/').map(encodeURIComponent).join('/')}`;
    try {
      const response = await fetch(url, {
        headers: { Accept: 'application/vnd.citationstyles.csl+json' },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) return null;
      const body = (await response.json()) as unknown;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
      const item = cleanItem(body as Record<string, unknown>);
      return { ...item, DOI: doi };
    } catch {
      return null;
    }
  }
}

/** The configured resolver: none without a URL. */
export function doiResolverFor(url: string | null): DoiResolver {
  return url ? new HttpDoiResolver(url) : new NoDoiResolver();
}
