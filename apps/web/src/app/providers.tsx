import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '@roundtable/web-i18n';
import { SessionProvider } from '@roundtable/web-auth';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>{children}</SessionProvider>
    </I18nextProvider>
  );
}
