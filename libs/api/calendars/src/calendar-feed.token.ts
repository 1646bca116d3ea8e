import { createHash } from 'crypto';

/** Only this digest of a feed token is stored. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
