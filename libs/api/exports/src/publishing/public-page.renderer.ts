import { escapeHtml } from '@roundtable/api-platform';
import type { Bilingual, Locale } from '@roundtable/contracts';
import { codePointsOf, embeddedFontFaces, EXPORT_FONT_FAMILY } from '../export-fonts';
import { sectionNumberCss } from '../export-html.renderer';
import { FIGURES_AND_NOTES_CSS } from '../export-figures';
import { PUBLIC_PAGE_LABELS, type PublicPageLabels } from './public-page.labels';

export const PUBLIC_LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Where the public pages live (outside /api: bootstrap sends /p/… to the public pages controller). */
export const PUBLIC_PAGES_PATH = '/p';
/** The subset files of the CJK font, served by the public pages themselves (never another host). */
export const PUBLIC_FONTS_PATH = `${PUBLIC_PAGES_PATH}/_fonts`;

/** What a publication version shows, frozen when it is published (stored as `publication_versions.meta`). */
export interface PublicationMeta {
  slug: string;
  number: number;
  title: Bilingual;
  project: string;
  workingGroup: { code: string; title: Bilingual } | null;
  /** "D2.2 · M24" when the document serves a deliverable. */
  deliverable: string | null;
  /** The frozen document version's name (or kind). */
  versionName: string;
  /** YYYY-MM-DD: the day the frozen version was taken. */
  date: string;
  authors: Array<{ personId: string; name: string }>;
  /** Absolute base of the cited address (PUBLIC_URL, or the publishing request's own origin). */
  citeBase: string;
}

/** The page of one publication version: the metadata and the paper's HTML (the shared schema's own). */
export interface PublicPageInput {
  meta: PublicationMeta;
  html: string;
  /** The level of the paper's section headings (after the title), for the section numbers. */
  topLevel: number;
  /** The paper's text by font weight (which font subsets the page links). */
  text: { regular: string; bold: string };
}

/** Marks where a newer version's notice goes; served pages replace it (`markOlderVersion`). */
const OLDER_MARK = '<!--roundtable:older-version-->';

export function pagePath(slug: string, number: number | null, locale: Locale): string {
  const base = `${PUBLIC_PAGES_PATH}/${slug}${number === null ? '' : `/v/${number}`}`;
  return locale === 'en' ? base : `${base}?lang=${locale}`;
}

export function downloadPath(slug: string, number: number, format: 'docx' | 'pdf'): string {
  return `${PUBLIC_PAGES_PATH}/${slug}/v/${number}/download/${format}`;
}

/** "Coordinator, Expert. Title. IC2PerMed, WG1, D2.2 · M24. Version 2, 2026-12-01. https://…/p/slug/v/2" */
export function citation(meta: PublicationMeta, locale: Locale): string {
  const words = PUBLIC_PAGE_LABELS[locale];
  const title = locale === 'zh-CN' && meta.title.zh ? meta.title.zh : meta.title.en;
  const source = [meta.project, meta.workingGroup?.code ?? null, meta.deliverable].filter(Boolean).join(', ');
  const authors = meta.authors.map((a) => a.name).join(', ');
  return (
    `${authors ? `${authors}. ` : ''}${title}. ${source}. ` +
    `${words.version} ${meta.number}, ${meta.date}. ${meta.citeBase}${pagePath(meta.slug, meta.number, 'en')}`
  );
}

/**
 * The static page of a publication version in one language: no script, inline CSS, the CJK font subsets
 * its text needs from the page's own font route, and links only to this site. Rendered once when published.
 */
export function renderPublicPage(input: PublicPageInput, locale: Locale): string {
  const { meta } = input;
  const words = PUBLIC_PAGE_LABELS[locale];
  const title = locale === 'zh-CN' && meta.title.zh ? meta.title.zh : meta.title.en;
  const otherTitle = locale === 'zh-CN' ? meta.title.en : meta.title.zh;
  const group = meta.workingGroup
    ? `${meta.workingGroup.code} · ${locale === 'zh-CN' ? meta.workingGroup.title.zh : meta.workingGroup.title.en}`
    : null;
  const rows: Array<[string, string | null]> = [
    [words.project, meta.project],
    [words.workingGroup, group],
    [words.deliverable, meta.deliverable],
    [words.version, `${meta.number} · ${meta.versionName}`],
    [words.date, meta.date],
    [words.authors, meta.authors.map((a) => a.name).join(', ') || null],
  ];
  const cite = citation(meta, locale);
  const chrome = [title, otherTitle, cite, ...rows.map(([l, v]) => `${l}${v ?? ''}`), ...labelsText(words)].join('');
  const body =
    `<nav class="bar"><a href="${PUBLIC_PAGES_PATH}${locale === 'en' ? '' : `?lang=${locale}`}">${escapeHtml(words.publications)}</a>` +
    languageSwitch(locale, (l) => pagePath(meta.slug, meta.number, l)) +
    `</nav>${OLDER_MARK}<header class="cover"><p class="project">${escapeHtml(meta.project)}</p>` +
    `<h1>${escapeHtml(title)}</h1>` +
    (otherTitle && otherTitle !== title
      ? `<p class="other-title" lang="${locale === 'zh-CN' ? 'en' : 'zh-CN'}">${escapeHtml(otherTitle)}</p>`
      : '') +
    `<dl>${rows
      .filter((row): row is [string, string] => row[1] !== null)
      .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
      .join('')}</dl>` +
    `<p class="downloads"><strong>${escapeHtml(words.downloads)}:</strong> ` +
    `<a href="${downloadPath(meta.slug, meta.number, 'docx')}" download>${escapeHtml(words.docx)}</a> · ` +
    `<a href="${downloadPath(meta.slug, meta.number, 'pdf')}" download>${escapeHtml(words.pdf)}</a></p>` +
    `</header>\n<main class="paper">${input.html}</main>\n` +
    `<footer><h2>${escapeHtml(words.howToCite)}</h2><p class="cite">${escapeHtml(cite)}</p></footer>`;
  return page(locale, title, body, {
    regular: chrome + input.text.regular,
    bold: title + input.text.bold + words.howToCite,
    topLevel: input.topLevel,
  });
}

/** A page served before its stored copy: the notice that a newer version exists, linking to it. */
export function markOlderVersion(stored: string, slug: string, latest: number | null, locale: Locale): string {
  if (latest === null) return stored.replace(OLDER_MARK, '');
  const words = PUBLIC_PAGE_LABELS[locale];
  const link = `<a href="${pagePath(slug, null, locale)}">${escapeHtml(words.latest)} (${latest})</a>`;
  const text = escapeHtml(words.olderVersion('\u0000')).replace('\u0000', link);
  return stored.replace(OLDER_MARK, `<p class="older" role="note">${text}</p>`);
}

export interface PublicIndexEntry {
  slug: string;
  title: Bilingual;
  project: string;
  workingGroupCode: string | null;
  deliverable: string | null;
  number: number;
  date: string;
}

/** `/p`: the current publications, grouped by project, newest first within each. */
export function renderPublicIndex(entries: PublicIndexEntry[], locale: Locale): string {
  const words = PUBLIC_PAGE_LABELS[locale];
  const projects = [...new Set(entries.map((e) => e.project))];
  const titleOf = (e: PublicIndexEntry) => (locale === 'zh-CN' && e.title.zh ? e.title.zh : e.title.en);
  const list = projects
    .map(
      (project) =>
        `<section><h2>${escapeHtml(project)}</h2><ul class="index">` +
        entries
          .filter((e) => e.project === project)
          .map(
            (e) =>
              `<li><a href="${pagePath(e.slug, null, locale)}">${escapeHtml(titleOf(e))}</a>` +
              `<span>${escapeHtml([e.workingGroupCode, e.deliverable, `${words.version} ${e.number}`, e.date].filter(Boolean).join(' · '))}</span></li>`,
          )
          .join('') +
        `</ul></section>`,
    )
    .join('');
  const body =
    `<nav class="bar"><span></span>${languageSwitch(locale, (l) => (l === 'en' ? PUBLIC_PAGES_PATH : `${PUBLIC_PAGES_PATH}?lang=${l}`))}</nav>` +
    `<h1>${escapeHtml(words.publications)}</h1>${list || `<p>${escapeHtml(words.noPublications)}</p>`}`;
  const text = entries.map((e) => [titleOf(e), e.project, e.workingGroupCode, e.deliverable, e.date].join('')).join('');
  return page(locale, words.publications, body, {
    regular: text + labelsText(words).join(''),
    bold: words.publications + projects.join(''),
    topLevel: 2,
  });
}

/** The 404 and 410 pages of the public routes (same look, both languages on one page). */
export function renderPublicNotice(kind: 'withdrawn' | 'notFound'): string {
  const parts = PUBLIC_LOCALES.map((locale) => {
    const words = PUBLIC_PAGE_LABELS[locale];
    const [title, text] =
      kind === 'withdrawn' ? [words.withdrawnTitle, words.withdrawn] : [words.notFoundTitle, words.notFound];
    return { locale, title, text };
  });
  const body =
    `<nav class="bar"><a href="${PUBLIC_PAGES_PATH}">${escapeHtml(PUBLIC_PAGE_LABELS.en.publications)} · ${escapeHtml(PUBLIC_PAGE_LABELS['zh-CN'].publications)}</a></nav>` +
    parts
      .map((p) => `<section lang="${p.locale}"><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p></section>`)
      .join('');
  const all = parts.map((p) => p.title + p.text).join('');
  return page('en', parts.map((p) => p.title).join(' · '), body, { regular: all, bold: all, topLevel: 2 });
}

function languageSwitch(current: Locale, href: (locale: Locale) => string): string {
  return (
    `<span class="languages">` +
    PUBLIC_LOCALES.map((l) =>
      l === current
        ? `<strong aria-current="page" lang="${l}">${escapeHtml(PUBLIC_PAGE_LABELS[l].self)}</strong>`
        : `<a href="${escapeHtml(href(l))}" lang="${l}" hreflang="${l}">${escapeHtml(PUBLIC_PAGE_LABELS[l].self)}</a>`,
    ).join(' | ') +
    `</span>`
  );
}

function labelsText(words: PublicPageLabels): string[] {
  return Object.values(words).map((v) => (typeof v === 'function' ? v('') : v));
}

function page(
  locale: Locale,
  title: string,
  body: string,
  fonts: { regular: string; bold: string; topLevel: number },
): string {
  const faces = embeddedFontFaces(
    {
      400: codePointsOf(fonts.regular + PUBLIC_PAGE_LABELS.en.self + PUBLIC_PAGE_LABELS['zh-CN'].self),
      700: codePointsOf(fonts.bold + PUBLIC_PAGE_LABELS.en.self + PUBLIC_PAGE_LABELS['zh-CN'].self),
    },
    (file) => `${PUBLIC_FONTS_PATH}/${file}`,
  );
  return (
    `<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title>\n<style>\n${faces}\n${CSS}\n${sectionNumberCss(fonts.topLevel)}\n</style></head>\n` +
    `<body>${body}</body></html>\n`
  );
}

const CSS = `html{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'${EXPORT_FONT_FAMILY}',sans-serif;line-height:1.6;color:#111;background:#fff}
body{max-width:46rem;margin:1rem auto 3rem;padding:0 1rem}
a{color:#0b57d0}
.bar{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid #ddd;padding:.5rem 0;margin-bottom:2rem;font-size:.95rem}
.older{background:#fff4d6;border:1px solid #e8c66a;padding:.5rem .75rem}
.cover{margin-bottom:2.5rem}.project{color:#444;margin:0}.cover h1{font-size:2rem;line-height:1.25;margin:.25rem 0}
.other-title{font-size:1.2rem;color:#333;margin:0 0 1rem}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}.cover dt{color:#555}.cover dd{margin:0}
.paper{counter-reset:s1}
blockquote{border-left:3px solid #bbb;margin-left:0;padding-left:1rem;color:#333}
pre,code{font-family:monospace;background:#f4f4f4}pre{padding:.5rem;white-space:pre-wrap}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem}
${FIGURES_AND_NOTES_CSS}
footer{border-top:1px solid #ddd;margin-top:3rem}.cite{font-size:.95rem;overflow-wrap:anywhere}
.index{list-style:none;padding:0}.index li{margin:.75rem 0}.index span{display:block;color:#555;font-size:.9rem}`;
