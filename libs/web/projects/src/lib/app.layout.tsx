import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router-dom';
import { useCurrentUser, useSession } from '@roundtable/web-auth';
import { AppHeader } from './app-header';

/**
 * Page chrome for signed-in pages: the skip link, the header (app name, main menu, `headerTools` such as
 * notifications, language, account menu with sign-out) and the page. `onSignedOut` runs after sign-out, before
 * the login page (the app passes the editor's clearing of offline copies: this lib must not depend on the editor).
 */
export function AppLayout({
  headerTools,
  onSignedOut,
}: { headerTools?: ReactNode; onSignedOut?: () => Promise<void> } = {}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();

  async function onLogout() {
    try {
      await logout();
    } finally {
      await onSignedOut?.().catch(() => undefined);
      navigate('/login', { replace: true });
    }
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader user={user} tools={headerTools} onLogout={onLogout} />
      <Outlet />
    </div>
  );
}
