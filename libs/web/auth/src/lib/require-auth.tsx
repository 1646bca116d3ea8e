import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { useSession } from './session.context';
import { useMessages } from '@roundtable/web-i18n';
import { authMessages } from './auth.messages';

export interface LoginLocationState {
  from?: string;
}

/** Renders its children for a signed-in user; otherwise redirects to /login (and back afterwards). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useMessages(authMessages);
  const { state, refresh } = useSession();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <main className="page page--centered" id="main">
        <Loading label={t('auth.checkingSession')} />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="page page--centered" id="main">
        <ErrorMessage error={state.error} onRetry={() => void refresh()} />
      </main>
    );
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginLocationState} />;
  }
  return <>{children}</>;
}
