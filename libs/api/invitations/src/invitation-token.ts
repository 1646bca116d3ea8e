import { createHash, randomBytes } from 'crypto';

/** 32 random bytes, base64url: the secret part of an invitation link. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a database leak does not hand out usable invitation links. */
export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A token that cannot be one of ours (too long, wrong alphabet) is rejected before any lookup. */
export function looksLikeInvitationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
