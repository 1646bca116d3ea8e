export { SessionProvider, useSession, useCurrentUser, type Session, type SessionState } from './lib/session.context';
export { RequireAuth, type LoginLocationState } from './lib/require-auth';
export { LoginPage } from './lib/login.page';
export { canCoordinate } from './lib/roles';
export { safeRedirect } from './lib/safe-redirect';
