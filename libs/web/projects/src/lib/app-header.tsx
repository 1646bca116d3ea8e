import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import type { UserDto } from '@roundtable/contracts';
import { canCoordinate } from '@roundtable/web-auth';
import { useMessages, type SharedKey } from '@roundtable/web-i18n';
import { LanguageSwitch, useDisclosure } from '@roundtable/web-ui';
import { appHeaderMessages } from './app-header.messages';
import styles from './app-header.module.css';

interface NavEntry {
  to: string;
  label: SharedKey;
  testId: string;
  /** Active only on this exact path (not on the pages under it). */
  end?: boolean;
  /** Shown only to those it returns true for. */
  shownTo?: (user: UserDto) => boolean;
}

/** The main menu, in order. Room is planned for about a dozen entries on one line at 1280 px (issue 13). */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', label: 'nav.home', testId: 'nav-home', end: true },
  { to: '/project', label: 'nav.project', testId: 'nav-project', end: true },
  { to: '/working-groups', label: 'nav.workingGroups', testId: 'nav-working-groups' },
  { to: '/documents', label: 'nav.papers', testId: 'nav-papers' },
  { to: '/people', label: 'nav.people', testId: 'nav-people', end: true },
  { to: '/meetings', label: 'nav.meetings', testId: 'nav-meetings' },
  { to: '/minutes', label: 'nav.minutes', testId: 'nav-minutes', end: true },
  { to: '/my-actions', label: 'nav.myActions', testId: 'nav-my-actions' },
  { to: '/calls', label: 'nav.calls', testId: 'nav-calls' },
  { to: '/plan', label: 'nav.plan', testId: 'nav-plan' },
  { to: '/library', label: 'nav.library', testId: 'nav-library' },
  { to: '/balance', label: 'nav.balance', testId: 'nav-balance' },
];

/**
 * Coordinators' administration pages, in the account menu: with them the main menu would not fit one line at
 * 1280 px in English (fourteen entries), and only coordinators use them.
 */
export const ADMIN_ENTRIES: readonly NavEntry[] = [
  { to: '/structure', label: 'nav.structure', testId: 'nav-structure', shownTo: canCoordinate },
  { to: '/admin/outbox', label: 'nav.outbox', testId: 'nav-outbox', shownTo: canCoordinate },
  { to: '/admin/audit', label: 'nav.audit', testId: 'nav-audit', shownTo: canCoordinate },
];

/**
 * The signed-in pages' header: the app name, the main menu and the language, then the tools (`tools`, e.g.
 * notifications) and the account menu. On narrow screens the main menu and the language fold behind a "Menu"
 * button; the tools and the account menu stay in the header.
 */
export function AppHeader({
  user,
  tools,
  onLogout,
}: {
  user: UserDto;
  tools?: ReactNode;
  onLogout: () => Promise<void>;
}) {
  const { t } = useMessages(appHeaderMessages);
  const menu = useDisclosure();
  const account = useDisclosure();
  const [leaving, setLeaving] = useState(false);
  const { pathname } = useLocation();
  const { close: closeMenu } = menu;
  const { close: closeAccount } = account;

  // Following a link (or the browser's back button) closes whatever was open.
  useEffect(() => {
    closeMenu();
    closeAccount();
  }, [pathname, closeMenu, closeAccount]);

  async function logout() {
    setLeaving(true);
    try {
      await onLogout();
    } finally {
      setLeaving(false);
    }
  }

  const initial = user.displayName.trim().charAt(0).toUpperCase();
  return (
    <header className={styles.header} data-testid="app-header">
      <div className={styles.inner}>
        <Link to="/" className={`brand ${styles.brand}`} aria-label={`${t('app.name')} – ${t('nav.home')}`}>
          {t('app.name')}
        </Link>
        <div className={styles.menu} {...menu.containerProps}>
          <button {...menu.buttonProps} className={styles.menuButton} data-testid="menu-button">
            <span className={styles.burger} aria-hidden="true" />
            {t('appHeader.menu')}
          </button>
          <div id={menu.panelId} className={`${styles.panel}${menu.open ? ` ${styles.panelOpen}` : ''}`}>
            <nav aria-label={t('nav.main')} className={styles.nav} data-testid="main-nav">
              {NAV_ENTRIES.filter((entry) => !entry.shownTo || entry.shownTo(user)).map((entry) => (
                <NavLink
                  key={entry.to}
                  to={entry.to}
                  end={entry.end}
                  className={({ isActive }) => (isActive ? `${styles.link} ${styles.active}` : styles.link)}
                  data-testid={entry.testId}
                  onClick={() => closeMenu()}
                >
                  {t(entry.label)}
                </NavLink>
              ))}
            </nav>
            <div className={styles.language}>
              <LanguageSwitch compact />
            </div>
          </div>
        </div>
        <div className={styles.tools}>
          {tools}
          <div className={styles.account} {...account.containerProps}>
            <button
              {...account.buttonProps}
              className={styles.accountButton}
              aria-label={t('appHeader.userMenu', { name: user.displayName })}
              title={t('nav.signedInAs', { name: user.displayName })}
              data-testid="current-user"
            >
              <span className="avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                {initial}
              </span>
              <span className={styles.caret} aria-hidden="true" />
            </button>
            <div id={account.panelId} className={styles.accountPanel} hidden={!account.open} data-testid="user-menu">
              <p className={styles.accountName}>{t('nav.signedInAs', { name: user.displayName })}</p>
              <Link to="/people/me" className={styles.accountLink} data-testid="nav-profile">
                {t('appHeader.profile')}
              </Link>
              <Link to="/account" className={styles.accountLink} data-testid="nav-account">
                {t('nav.account')}
              </Link>
              <Link to="/account/privacy" className={styles.accountLink} data-testid="nav-privacy">
                {t('nav.privacy')}
              </Link>
              {ADMIN_ENTRIES.filter((entry) => !entry.shownTo || entry.shownTo(user)).map((entry) => (
                <Link
                  key={entry.to}
                  to={entry.to}
                  className={styles.accountLink}
                  data-testid={entry.testId}
                  onClick={() => account.close()}
                >
                  {t(entry.label)}
                </Link>
              ))}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void logout()}
                disabled={leaving}
                data-testid="logout"
              >
                {leaving ? t('nav.loggingOut') : t('nav.logout')}
              </button>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
