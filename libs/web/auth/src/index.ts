export { SessionProvider, useSession, useCurrentUser, type Session, type SessionState } from './lib/session.context';
export { RequireAuth, type LoginLocationState } from './lib/require-auth';
export { LoginPage } from './lib/login.page';
export { canCoordinate } from './lib/roles';
export { safeRedirect } from './lib/safe-redirect';
export { AccountPage } from './lib/account.page';
export { ForgotPasswordPage, ResetPasswordPage } from './lib/password-reset.pages';
export { authMessages } from './lib/auth.messages';
