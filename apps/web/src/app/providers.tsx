import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { QueryClientProvider } from '@tanstack/react-query';
import { i18n } from '@roundtable/web-i18n';
import { SessionProvider } from '@roundtable/web-auth';
import { createQueryClient } from '@roundtable/web-ui';

export function Providers({ children }: { children: ReactNode }) {
  // One QueryClient for the app's lifetime: every page's server state is cached and invalidated here.
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>{children}</SessionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
