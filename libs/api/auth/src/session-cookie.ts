import { config } from '@roundtable/api-config';
import { createHash, randomBytes } from 'crypto';
import type { IncomingHttpHeaders } from 'http';

export const SESSION_COOKIE = 'rt_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only a hash of the token is stored, so a database leak does not hand out live sessions. */
export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function readCookie(headers: IncomingHttpHeaders, name: string): string | null {
  const header = headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: SESSION_TTL_MS };
}

/** Whether the session cookie gets the Secure flag: COOKIE_SECURE=true, or the request came over HTTPS. */
export function isSecureRequest(request: { secure: boolean }): boolean {
  return config().cookieSecure || request.secure;
}
