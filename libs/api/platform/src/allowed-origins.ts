/**
 * The one rule for "is this browser origin ours?", shared by the REST origin check and the socket upgrade.
 * Allowed: the request's own host (what the browser connected to, e.g. behind the Vite dev proxy or a proxy
 * that keeps Host), or the origin of PUBLIC_URL (a proxy that rewrites Host). `null` (sandboxed frames,
 * file://) and anything that is not an http(s) origin are refused.
 */
export function isAllowedOrigin(
  origin: string | null | undefined,
  host: string | null | undefined,
  publicUrl: string | null | undefined,
): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  if (host && parsed.host === normaliseHost(host, parsed.protocol)) return true;
  const configured = publicUrl ? parseOrigin(publicUrl) : null;
  return configured !== null && configured.origin === parsed.origin;
}

function parseOrigin(value: string | null | undefined): URL | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** `Host: example.org:443` and `https://example.org` are the same place: URL drops default ports, so do we. */
function normaliseHost(host: string, protocol: string): string {
  const lower = host.trim().toLowerCase();
  const defaultPort = protocol === 'https:' ? ':443' : ':80';
  return lower.endsWith(defaultPort) ? lower.slice(0, -defaultPort.length) : lower;
}
