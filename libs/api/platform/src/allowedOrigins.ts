/**
 * Whether a browser's `Origin` header names this application: the origin of PUBLIC_URL (scheme, host and
 * port), or — when PUBLIC_URL is not set, or the app is reached under another name — an origin whose
 * host:port is the request's own `Host` (same-origin requests; the scheme is not compared because a TLS
 * proxy in front of the app forwards plain HTTP). A missing origin, `null` (sandboxed frames, file://) and
 * anything unparsable are not allowed: callers that accept requests without Origin (non-browser clients)
 * decide so themselves.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  const own = parseOrigin(publicUrl);
  if (own && own.origin === parsed.origin) return true;
  return !!host && parsed.host === host.toLowerCase();
}

function parseOrigin(value: string | undefined): URL | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
