import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '@roundtable/web-i18n';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';
// Chinese text on machines without a CJK system font: Noto Sans SC from npm, served by us. Each weight is ~100
// unicode-range subsets, and the family comes after the system fonts in --font, so a browser fetches only the
// subsets of characters no system font has: nothing for English pages (ADR 024).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
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
