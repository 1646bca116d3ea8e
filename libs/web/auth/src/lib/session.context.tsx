import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginRequest, UserDto } from '@roundtable/contracts';
import { applyUserLocale } from '@roundtable/web-i18n';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, UNAUTHENTICATED_EVENT } from '@roundtable/web-ui';
import { authCommands } from './auth.queries';

export type SessionState =
  | { status: 'loading'; user: null; error: null }
  | { status: 'authenticated'; user: UserDto; error: null }
  | { status: 'anonymous'; user: null; error: null }
  /** The session probe failed for another reason than 401 (server down, network). */
  | { status: 'error'; user: null; error: ApiError };

export interface Session {
  state: SessionState;
  user: UserDto | null;
  login: (credentials: LoginRequest) => Promise<UserDto>;
  logout: () => Promise<void>;
  /** Ends every session of the account, this one included. */
  logoutEverywhere: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const LOADING: SessionState = { status: 'loading', user: null, error: null };
const ANONYMOUS: SessionState = { status: 'anonymous', user: null, error: null };

function authenticated(user: UserDto): SessionState {
  applyUserLocale(user.locale);
  return { status: 'authenticated', user, error: null };
}

/** Holds the signed-in user: probes the session (GET …/auth/session) on start, then follows login and logout. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(LOADING);
  const queryClient = useQueryClient();
  // Signed out: nothing the previous account could read stays in the cache for the next one. Only after an
  // account was signed in: clearing also cancels queries in flight, and a public page's first query (the
  // open call, an invitation) started before the first probe answered "anonymous" would wait for ever.
  const wasSignedIn = useRef(false);
  useEffect(() => {
    if (state.status === 'authenticated') wasSignedIn.current = true;
    if (state.status === 'anonymous' && wasSignedIn.current) {
      wasSignedIn.current = false;
      queryClient.clear();
    }
  }, [state.status, queryClient]);

  const refresh = useCallback(async () => {
    try {
      // /session answers 200 with `user: null` for an anonymous visitor, so the login page logs no failed request.
      const { user } = await authCommands.session();
      setState(user ? authenticated(user) : ANONYMOUS);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState(ANONYMOUS);
      else
        setState({
          status: 'error',
          user: null,
          error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)),
        });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const onUnauthenticated = () => setState(ANONYMOUS);
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, []);

  const login = useCallback(async (credentials: LoginRequest) => {
    const user = await authCommands.login(credentials);
    setState(authenticated(user));
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authCommands.logout();
    } finally {
      setState(ANONYMOUS);
    }
  }, []);

  const logoutEverywhere = useCallback(async () => {
    await authCommands.logoutEverywhere();
    setState(ANONYMOUS);
  }, []);

  const value = useMemo<Session>(
    () => ({ state, user: state.user, login, logout, logoutEverywhere, refresh }),
    [state, login, logout, logoutEverywhere, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only call below <RequireAuth>. */
export function useCurrentUser(): UserDto {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser must be used below <RequireAuth>');
  return user;
}
