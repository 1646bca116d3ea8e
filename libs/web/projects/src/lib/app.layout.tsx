import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router-dom';
import { useCurrentUser, useSession } from '@roundtable/web-auth';
import { AppHeader } from './app-header';

/**
 * Page chrome for signed-in pages: the skip link, the header (app name, main menu, `headerTools` such as
 * notifications, language, account menu with sign-out) and the page.
 */
export function AppLayout({ headerTools }: { headerTools?: ReactNode } = {}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();

  async function onLogout() {
    try {
      await logout();
    } finally {
      // Offline copies of papers must not stay behind for the next person on this computer.
      // (A dynamic import: the editor chunk stays out of the first load; it is cached once a paper was opened.)
      await import('@roundtable/web-editor').then((editor) => editor.clearOfflineDocuments()).catch(() => undefined);
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
