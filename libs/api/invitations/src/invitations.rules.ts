import { ErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { config } from '@roundtable/api-config';
import type { Invitation } from './invitations.entities';

export const DEFAULT_INVITATION_TTL_DAYS = 14;

/** How long a new invitation works (INVITATION_TTL_DAYS, default 14). */
export function invitationTtlDays(): number {
  return config().invitationTtlDays;
}

/** An invitation link works once, until it expires (410 otherwise). */
export function assertUsable(invitation: Pick<Invitation, 'acceptedAt' | 'expiresAt'>, now: Date): void {
  if (invitation.acceptedAt) throw new ApiException(ErrorCode.InvitationUsed, 'This invitation has already been used.');
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    throw new ApiException(
      ErrorCode.InvitationExpired,
      'This invitation has expired. Ask the working group for a new one.',
    );
  }
}
