import { config } from '@roundtable/api-config';
import { createHash, randomBytes } from 'crypto';

/** 32 random bytes, base64url: the secret part of a link sent by email (invitations, application confirmations). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a database leak does not hand out usable links. */
export function hashLinkToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A token that cannot be one of ours (too long, wrong alphabet) is rejected before any lookup. */
export function looksLikeLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

/** Where links in emails point: PUBLIC_URL, or this server on localhost. */
export function publicBaseUrl(): string {
  return config().publicBaseUrl;
}
