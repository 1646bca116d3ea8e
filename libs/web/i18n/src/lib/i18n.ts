import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Bilingual, Locale } from '@roundtable/contracts';
import { en } from './catalogs/en';
import { zhCN } from './catalogs/zh-CN';
import type { CatalogTree } from './catalog-keys';
import { onMessagesDeclared, registeredMessages } from './messages';

export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export const DEFAULT_LOCALE: Locale = 'en';
/** localStorage key holding the language the user picked explicitly. */
export const LOCALE_STORAGE_KEY = 'roundtable.locale';

/** The shared catalogs: what every feature uses (errors, validation, roles, navigation…). */
export const catalogs: Record<Locale, typeof en> = { en, 'zh-CN': zhCN };

/** The shared catalog of a language with every feature namespace declared so far merged in. */
export function fullCatalog(locale: Locale): CatalogTree {
  const tree: CatalogTree = { ...catalogs[locale] };
  for (const messages of registeredMessages()) {
    if (messages.namespace in catalogs[locale])
      throw new Error(`i18n namespace "${messages.namespace}" is also a key of the shared catalog`);
    tree[messages.namespace] = messages.byLocale[locale];
  }
  return tree;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Maps any BCP 47 tag to a supported locale (`zh`, `zh-Hans-CN`, `zh-TW` → `zh-CN`; `en-GB` → `en`). */
export function toLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The language the user picked explicitly on this device, if any. */
export function storedLocale(): Locale | null {
  const value = storage()?.getItem(LOCALE_STORAGE_KEY);
  return isLocale(value) ? value : null;
}

function browserLocale(): Locale | null {
  if (typeof navigator === 'undefined') return null;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return null;
}

/** Initial language: explicit choice, then the browser's preference, then English. */
export function detectLocale(): Locale {
  return storedLocale() ?? browserLocale() ?? DEFAULT_LOCALE;
}

function applyDocumentLang(locale: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The app's i18next instance, initialised synchronously with the bundled catalogs. */
export const i18n: I18n = i18next.createInstance();

export function initI18n(locale: Locale = detectLocale()): I18n {
  if (!i18n.isInitialized) {
    i18n.use(initReactI18next).init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...SUPPORTED_LOCALES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    i18n.on('languageChanged', applyDocumentLang);
    applyDocumentLang(locale);
    // Feature namespaces arrive with their modules, before or after this point (lazy routes).
    onMessagesDeclared((messages) => {
      for (const lng of SUPPORTED_LOCALES)
        i18n.addResourceBundle(lng, 'translation', { [messages.namespace]: messages.byLocale[lng] }, true, true);
    });
  }
  return i18n;
}

/** Switches language and remembers the choice on this device. */
export function setLocale(locale: Locale): void {
  storage()?.setItem(LOCALE_STORAGE_KEY, locale);
  void i18n.changeLanguage(locale);
}

/**
 * Applies the signed-in user's profile locale, unless the user picked a language explicitly on
 * this device (an explicit choice wins).
 */
export function applyUserLocale(locale: Locale | null | undefined): void {
  if (storedLocale() || !isLocale(locale)) return;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export function currentLocale(language: string | undefined): Locale {
  return toLocale(language) ?? DEFAULT_LOCALE;
}

/** Picks the text of a bilingual value for a language (`zh` for Chinese, `en` otherwise). */
export function pickBilingual(value: Bilingual, language: string | undefined): string {
  const text = currentLocale(language) === 'zh-CN' ? value.zh : value.en;
  return text || value.en || value.zh;
}
