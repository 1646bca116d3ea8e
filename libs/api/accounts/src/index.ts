export * from './accounts.entities';
export * from './accounts.module';
export * from './accounts.service';
export { erasePasswordResetsOf, deleteOldPasswordResets } from './accounts.personal-data';
