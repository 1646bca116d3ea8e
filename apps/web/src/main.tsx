import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '@roundtable/web-i18n';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';
import './styles.css';

initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <Providers>
      <AppRouter />
    </Providers>
  </StrictMode>,
);
