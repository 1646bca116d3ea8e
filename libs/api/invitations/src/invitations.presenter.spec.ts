import type { WorkingGroup } from '@roundtable/api-projects';
import type { Invitation } from './invitations.entities';
import { invitationStatus, presentInvitation, presentPreview } from './invitations.presenter';

const now = new Date('2026-03-10T12:00:00Z');

function invitation(over: Partial<Invitation> = {}): Invitation {
  return {
    id: 'i1',
    workingGroupId: 'wg1',
    email: 'wg1.expert@example.org',
    displayName: 'WG1 expert',
    role: 'expert',
    tokenHash: Buffer.alloc(32),
    invitedByUserId: 'u1',
    applicationId: null,
    createdAt: new Date('2026-03-01T12:00:00Z'),
    expiresAt: new Date('2026-03-15T12:00:00Z'),
    acceptedAt: null,
    acceptedPersonId: null,
    revokedAt: null,
    ...over,
  } as Invitation;
}

describe('invitation presenter', () => {
  it('calls an open invitation pending until the instant it expires', () => {
    expect(invitationStatus(invitation(), now)).toBe('pending');
    expect(invitationStatus(invitation({ expiresAt: now }), now)).toBe('expired');
  });

  it('reports accepted before revoked, and either before expired', () => {
    const old = new Date('2026-03-02T00:00:00Z');
    expect(invitationStatus(invitation({ acceptedAt: old, revokedAt: old, expiresAt: old }), now)).toBe('accepted');
    expect(invitationStatus(invitation({ revokedAt: old, expiresAt: old }), now)).toBe('revoked');
  });

  it('never carries the token hash', () => {
    const dto = presentInvitation({ ...invitation(), workingGroup: { code: 'WG1' } as WorkingGroup }, now);
    expect(dto).toEqual({
      id: 'i1',
      workingGroupId: 'wg1',
      workingGroupCode: 'WG1',
      email: 'wg1.expert@example.org',
      displayName: 'WG1 expert',
      role: 'expert',
      status: 'pending',
      createdAt: '2026-03-01T12:00:00.000Z',
      expiresAt: '2026-03-15T12:00:00.000Z',
    });
  });

  it('previews the group in both languages and whether the email has an account', () => {
    const preview = presentPreview(invitation(), { id: 'wg1', code: 'WG1', titleEn: 'Ethics', titleZh: '伦理' }, true);
    expect(preview).toMatchObject({
      workingGroup: { id: 'wg1', code: 'WG1', title: { en: 'Ethics', zh: '伦理' } },
      accountExists: true,
      expiresAt: '2026-03-15T12:00:00.000Z',
    });
  });
});
