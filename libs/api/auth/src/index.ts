export * from './auth.entities';
export * from './auth.module';
export * from './auth.service';
export * from './session.guard';
export * from './session-cookie';
export * from './password-policy';
export * from './users.writes';
