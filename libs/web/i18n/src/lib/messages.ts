import { useTranslation } from 'react-i18next';
import type { TOptions } from 'i18next';
import type { Locale } from '@roundtable/contracts';
import type { CatalogTree } from './catalog-keys';
import type { Catalog } from './catalogs/en';

/** The same tree as the English messages, every leaf a string: what a translation must provide, no more. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** Every leaf key of a messages tree in dot notation (`targets.headcount`). */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

/** A feature's own messages: one namespace (its top-level key in the catalog) in every supported language. */
export interface FeatureMessages<N extends string, T extends CatalogTree> {
  readonly namespace: N;
  readonly byLocale: Readonly<Record<Locale, CatalogTree>>;
  /** Type-only: the English tree the keys are checked against. */
  readonly shape?: T;
}

type Listener = (messages: FeatureMessages<string, CatalogTree>) => void;

const registered = new Map<string, FeatureMessages<string, CatalogTree>>();
const listeners = new Set<Listener>();

/**
 * Declares a feature's messages. The namespace becomes a top-level key of the app's catalog, so keys read
 * `<namespace>.<key>` everywhere (in components, in the catalog tests, in the Chinese file). The Chinese
 * tree must have exactly the English keys: a missing or extra key is a type error.
 */
export function defineMessages<const N extends string, const T extends CatalogTree>(
  namespace: N,
  en: T,
  zhCN: Translation<T>,
): FeatureMessages<N, T> {
  const existing = registered.get(namespace);
  if (existing && existing.byLocale.en !== en) throw new Error(`i18n namespace "${namespace}" is declared twice`);
  const messages: FeatureMessages<N, T> = { namespace, byLocale: { en, 'zh-CN': zhCN as CatalogTree } };
  registered.set(namespace, messages);
  for (const listener of listeners) listener(messages);
  return messages;
}

/** Every feature namespace declared so far (feature modules declare theirs when first imported). */
export function registeredMessages(): ReadonlyArray<FeatureMessages<string, CatalogTree>> {
  return [...registered.values()];
}

/** Calls `listener` for every namespace declared so far and for each declared later. */
export function onMessagesDeclared(listener: Listener): void {
  for (const messages of registered.values()) listener(messages);
  listeners.add(listener);
}

/** The keys a feature's messages declare (`writing.toolbar.bold`), for tables of labels typed like `t`'s keys. */
export type KeyOf<M> = M extends FeatureMessages<infer N, infer T> ? `${N}.${MessageKey<T>}` : never;

/** Keys of the shared catalog (errors, validation, roles, regions, navigation…). */
export type SharedKey = MessageKey<Catalog>;

/** A `t` for the shared catalog only: what shared helpers (`regionLabel(t, …)`) take, from any feature's `t`. */
export type SharedT = (key: SharedKey, options?: TOptions) => string;

/**
 * A `t` that accepts the feature's own keys, fully qualified (`balance.targetSaved`), and the shared
 * catalog's keys: a misspelt or missing key is a type error.
 */
export type FeatureT<N extends string, T> = (key: `${N}.${MessageKey<T>}` | SharedKey, options?: TOptions) => string;

/** The feature's typed translate function; re-renders on a language change like `useTranslation`. */
export function useMessages<N extends string, T extends CatalogTree>(
  _messages: FeatureMessages<N, T>,
): { t: FeatureT<N, T> } {
  const { t } = useTranslation();
  return { t: t as unknown as FeatureT<N, T> };
}
