import type { InvitationDto, InvitationPreviewDto } from '@roundtable/contracts';
import type { WorkingGroup } from '@roundtable/api-projects';
import type { Invitation } from './invitations.entities';

/** Pure: invitations in, DTOs out; `now` decides whether an open invitation has expired. */

export function invitationStatus(
  invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InvitationDto['status'] {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function presentInvitation(
  invitation: Invitation & { workingGroup: Pick<WorkingGroup, 'code'> },
  now: Date,
): InvitationDto {
  return {
    id: invitation.id,
    workingGroupId: invitation.workingGroupId,
    workingGroupCode: invitation.workingGroup.code,
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** What the invitation page shows before accepting (no token, no inviter). */
export function presentPreview(
  invitation: Invitation,
  group: Pick<WorkingGroup, 'id' | 'code' | 'titleEn' | 'titleZh'>,
  accountExists: boolean,
): InvitationPreviewDto {
  return {
    workingGroup: { id: group.id, code: group.code, title: { en: group.titleEn, zh: group.titleZh } },
    role: invitation.role,
    email: invitation.email,
    displayName: invitation.displayName,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists,
  };
}
