export { en, type Catalog } from './lib/catalogs/en';
export { zhCN } from './lib/catalogs/zh-CN';
export { catalogKeys, catalogValue, type CatalogTree } from './lib/catalog-keys';
export {
  i18n,
  initI18n,
  catalogs,
  fullCatalog,
  SUPPORTED_LOCALES,
  DEFAULT_LOCALE,
  LOCALE_STORAGE_KEY,
  isLocale,
  toLocale,
  detectLocale,
  storedLocale,
  setLocale,
  applyUserLocale,
  currentLocale,
  pickBilingual,
} from './lib/i18n';
export { useLocale } from './lib/use-locale';
export {
  defineMessages,
  useMessages,
  registeredMessages,
  type FeatureMessages,
  type FeatureT,
  type MessageKey,
  type KeyOf,
  type SharedKey,
  type SharedT,
  type Translation,
} from './lib/messages';
