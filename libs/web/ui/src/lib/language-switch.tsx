import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, isLocale, useLocale } from '@roundtable/web-i18n';

/** Language picker; the choice is persisted in localStorage. `compact`: the label is for screen readers only. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'language-switch__label'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        name="language"
        data-testid="language-switch"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {SUPPORTED_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
