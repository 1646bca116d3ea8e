export * from './invitations.entities';
export * from './invitations.module';
export * from './invitations.service';
