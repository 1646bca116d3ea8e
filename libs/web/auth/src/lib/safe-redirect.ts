/**
 * A same-origin path to go to after signing in, or '/' for anything else: absolute URLs to other
 * origins, protocol-relative `//host`, backslash tricks and the login page itself are all refused.
 */
export function safeRedirect(
  target: unknown,
  origin = typeof window !== 'undefined' ? window.location.origin : 'http://localhost',
): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\'))
    return '/';
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.pathname.startsWith('/login')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
