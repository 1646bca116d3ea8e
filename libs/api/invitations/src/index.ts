export * from './invitations.entities';
export * from './invitations.module';
export * from './invitations.commands';
export { presentInvitation } from './invitations.presenter';
export { DEFAULT_INVITATION_TTL_DAYS } from './invitations.rules';
export { eraseInvitationsOf, deleteUnacceptedInvitationsBefore } from './invitations.personal-data';
