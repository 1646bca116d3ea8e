import type {
  ChangePasswordRequest,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  SessionDto,
  UserDto,
} from '@roundtable/contracts';
import { api, unwrap } from '@roundtable/web-ui';

/**
 * The session's calls. None broadcasts a 401: the session probe answers 200 `{ user: null }` for an anonymous
 * visitor (so public pages log no failed request), and the login form shows its own error.
 */
export const authCommands = {
  session: () => unwrap<SessionDto>(api.GET('/api/auth/session'), { quietUnauthenticated: true }),
  login: (credentials: LoginRequest) =>
    unwrap<UserDto>(api.POST('/api/auth/login', { body: credentials }), { quietUnauthenticated: true }),
  logout: () => unwrap<void>(api.POST('/api/auth/logout'), { quietUnauthenticated: true }),
  logoutEverywhere: () => unwrap<void>(api.POST('/api/auth/logout-everywhere'), { quietUnauthenticated: true }),
  changePassword: (body: ChangePasswordRequest) => unwrap<void>(api.POST('/api/auth/password', { body })),
  requestPasswordReset: (body: PasswordResetRequest) =>
    unwrap<void>(api.POST('/api/auth/password-reset', { body }), { quietUnauthenticated: true }),
  confirmPasswordReset: (body: PasswordResetConfirmRequest) =>
    unwrap<void>(api.POST('/api/auth/password-reset/confirm', { body }), { quietUnauthenticated: true }),
};
