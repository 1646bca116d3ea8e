import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { canCoordinate, useCurrentUser, useSession } from '@roundtable/web-auth';
import { LanguageSwitch } from '@roundtable/web-ui';
import { NotificationBell } from '@roundtable/web-notifications';

/** Page chrome for signed-in pages: app name, user, language switch, sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  async function onLogout() {
    setLeaving(true);
    try {
      await logout();
    } finally {
      // Offline copies of papers must not stay behind for the next person on this computer.
      // (A dynamic import: the editor chunk stays out of the first load; it is cached once a paper was opened.)
      await import('@roundtable/web-editor').then((editor) => editor.clearOfflineDocuments()).catch(() => undefined);
      setLeaving(false);
      navigate('/login', { replace: true });
    }
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand" aria-label={`${t('app.name')} – ${t('nav.home')}`}>
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="app-header__nav">
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/people" end data-testid="nav-people">
              {t('nav.people')}
            </NavLink>
            <NavLink to="/meetings" data-testid="nav-meetings">
              {t('nav.meetings')}
            </NavLink>
            <NavLink to="/minutes" end data-testid="nav-minutes">
              {t('nav.minutes')}
            </NavLink>
            <NavLink to="/my-actions" data-testid="nav-my-actions">
              {t('nav.myActions')}
            </NavLink>
            <NavLink to="/calls" data-testid="nav-calls">
              {t('nav.calls')}
            </NavLink>
            <NavLink to="/plan" data-testid="nav-plan">
              {t('nav.plan')}
            </NavLink>
            <NavLink to="/library" data-testid="nav-library">
              {t('nav.library')}
            </NavLink>
            <NavLink to="/balance" data-testid="nav-balance">
              {t('nav.balance')}
            </NavLink>
            {canCoordinate(user) ? (
              <NavLink to="/admin/outbox" data-testid="nav-outbox">
                {t('nav.outbox')}
              </NavLink>
            ) : null}
          </nav>
          <div className="app-header__user">
            <NotificationBell />
            <Link
              to="/people/me"
              className="app-header__name"
              data-testid="current-user"
              title={`${t('nav.signedInAs', { name: user.displayName })} – ${t('nav.myProfile')}`}
            >
              <span className="avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                {user.displayName.trim().charAt(0).toUpperCase()}
              </span>
              {user.displayName}
            </Link>
            <Link to="/account" data-testid="nav-account">
              {t('nav.account')}
            </Link>
            <LanguageSwitch />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void onLogout()}
              disabled={leaving}
              data-testid="logout"
            >
              {leaving ? t('nav.loggingOut') : t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <Outlet />
    </div>
  );
}
