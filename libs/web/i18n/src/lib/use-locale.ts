import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, Locale } from '@roundtable/contracts';
import { currentLocale, pickBilingual, setLocale } from './i18n';

/** Current locale, a setter that persists the choice, and a picker for bilingual values. */
export function useLocale(): {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  pick: (value: Bilingual) => string;
} {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const pick = useCallback((value: Bilingual) => pickBilingual(value, language), [language]);
  return { locale: currentLocale(language), setLocale, pick };
}
