import type { Locale } from '@roundtable/contracts';
import { formatInZones } from '@roundtable/domain';
import { escapeHtml } from '@roundtable/api-platform';
import { mailCatalogEn } from './mail-catalog.en';
import { mailCatalogZhCN } from './mail-catalog.zh-CN';

type Tree<T> = { [K in keyof T]: T[K] extends string ? string : Tree<T[K]> };
/** The shape of the mail catalog: the English tree with every leaf a string. */
export type MailCatalog = Tree<typeof mailCatalogEn>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** A key of the mail catalog in dot notation (`invitation.subject`). */
export type MailKey = Leaves<MailCatalog>;

export const MAIL_CATALOGS: Record<Locale, MailCatalog> = { en: mailCatalogEn, 'zh-CN': mailCatalogZhCN };

/** The recipient's language from a stored value (`users.locale`, `people.locale`): English unless Chinese. */
export function mailLocale(value: string | null | undefined): Locale {
  return value === 'zh-CN' ? 'zh-CN' : 'en';
}

export type MailParams = Record<string, string | number>;

/** The words of a mail in one language: `t('invitation.subject', { … })`, placeholders filled in. */
export interface MailWords {
  locale: Locale;
  t(key: MailKey, params?: MailParams): string;
  /** "Label: value" with the language's colon. */
  labelled(label: MailKey, value: string): string;
  hello(name: string | null | undefined): string;
  /** A moment in the reader's zone, naming the zone and its offset ("8 Dec 2026, 15:00 (Shanghai, GMT+8)"). */
  instant(instant: Date, zone: string): string;
}

export function mailWords(locale: Locale): MailWords {
  const catalog = MAIL_CATALOGS[locale];
  const t = (key: MailKey, params: MailParams = {}): string => {
    let node: unknown = catalog;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    if (typeof node !== 'string') throw new Error(`Mail catalog ${locale} has no text ${key}`);
    return node.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
  return {
    locale,
    t,
    labelled: (label, value) => t('common.labelled', { label: t(label), value }),
    hello: (name) => (name ? t('common.hello', { name }) : t('common.helloAnonymous')),
    instant: (instant, zone) => {
      const [z] = formatInZones(instant, [validZone(zone)], locale);
      return t('common.instant', { time: z.text, city: z.city, offset: z.offset });
    },
  };
}

/** A zone Intl knows, or UTC (a profile's zone is checked when saved; this guards old or missing values). */
function validZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * A mail's text and HTML from its lines, in one layout for every mail: the lines escaped, joined by line
 * breaks; a line that is exactly a link becomes an anchor (with its label, when given) above the bare URL.
 */
export function renderMail(
  locale: Locale,
  subject: string,
  lines: readonly string[],
  links: ReadonlyArray<{ url: string; label?: string }> = [],
): RenderedMail {
  const html = lines
    .map((line) => {
      const link = links.find((l) => l.url === line);
      if (!link) return escapeHtml(line);
      const anchor = `<a href="${escapeHtml(link.url)}">${escapeHtml(link.label ?? link.url)}</a>`;
      return link.label ? `${anchor}<br>${escapeHtml(link.url)}` : anchor;
    })
    .join('<br>\n');
  return {
    subject,
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${locale}"><body><p>${html}</p></body></html>`,
  };
}
