import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** Chrome for pages that work without signing in (invitations, the public call). */
export function PublicShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="login">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="login__header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className={`public-main${wide ? ' public-main--wide' : ''}`} id="main">
        {children}
      </main>
    </div>
  );
}
