import { escapeHtml } from '@roundtable/api-platform';
import type { JSONContent } from '@tiptap/core';
import { codePointsOf, embeddedFontFaces, EXPORT_FONT_FAMILY, type FontWeight } from './export-fonts';
import { EXPORT_LABELS } from './export.labels';
import { EXPORT_RENDERER_VERSION, type ExportSource } from './export.model';
import { outlineOf } from './export-outline';
import { FIGURES_AND_NOTES_CSS, figuresAndNotesText, paperHtml } from './export-figures';

/**
 * The standalone HTML export, which is also the page Chromium prints to PDF: the cover, the paper (the shared
 * schema's own HTML, so every node the editor knows renders as it does there), the open comment threads,
 * screen and print CSS, and the CJK font subsets it needs embedded. Nothing loads from any host; no script.
 */
export function renderHtml(source: ExportSource, notes: 'end' | 'section' = 'end'): string {
  const { cover } = source;
  const outline = outlineOf(source.content);
  const paper = paperHtml(source, notes, outline.topLevel, outline.titleNode);
  const rows: Array<[string, string | null]> = [
    [EXPORT_LABELS.project, cover.project],
    [EXPORT_LABELS.workingGroup, cover.workingGroup],
    [EXPORT_LABELS.deliverable, cover.deliverable],
    [EXPORT_LABELS.version, cover.version],
    [EXPORT_LABELS.date, cover.date],
  ];
  const coverHtml =
    `<header class="cover"><p class="cover-project">${escapeHtml(cover.project)}</p>` +
    `<h1 class="cover-title">${escapeHtml(cover.title)}</h1><dl>` +
    rows
      .filter((row): row is [string, string] => row[1] !== null)
      .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
      .join('') +
    `</dl></header>`;
  const threads = source.threads.length
    ? `<section class="open-comments"><h2>${escapeHtml(EXPORT_LABELS.openComments)}</h2><ol>` +
      source.threads
        .map(
          (thread) =>
            `<li><blockquote>${escapeHtml(thread.anchorText)}</blockquote>` +
            thread.comments
              .map(
                (c) =>
                  `<p><strong>${escapeHtml(c.author)}</strong> <time>${escapeHtml(c.date.slice(0, 10))}</time>: ${escapeHtml(c.body)}</p>`,
              )
              .join('') +
            `</li>`,
        )
        .join('') +
      `</ol></section>`
    : '';
  const fonts = embeddedFontFaces(characters(source));
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    // Opened from disk the file has no server headers: its own policy allows its inline styles and fonts only.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="Roundtable export ${EXPORT_RENDERER_VERSION}">` +
    `<title>${escapeHtml(cover.title)}</title>\n<style>\n${fonts}\n${css(cover.title, outline.topLevel)}\n</style></head>\n` +
    `<body>${coverHtml}\n<main class="paper">${paper}</main>\n${threads}</body></html>\n`
  );
}

/** Which characters each weight must cover: headings, bold text and the cover title bold, the rest regular. */
function characters(source: ExportSource): Record<FontWeight, Set<number>> {
  let regular = '0123456789 /·';
  let bold = source.cover.title + EXPORT_LABELS.openComments;
  const { cover } = source;
  regular += [cover.title, cover.project, cover.workingGroup, cover.deliverable, cover.version, cover.date].join('');
  regular += Object.values(EXPORT_LABELS).join('');
  for (const thread of source.threads) {
    regular += thread.anchorText;
    for (const c of thread.comments) {
      regular += c.body + c.date;
      bold += c.author;
    }
  }
  const text = textByWeight(source.content);
  return { 400: codePointsOf(regular + text.regular), 700: codePointsOf(bold + text.bold) };
}

/**
 * The text of editor content split by the font weight it is set in: headings, bold text and figure labels, the
 * rest (with the footnotes' text).
 */
export function textByWeight(content: JSONContent): { regular: string; bold: string } {
  let { regular, bold } = figuresAndNotesText(content);
  const walk = (node: JSONContent, inHeading: boolean) => {
    if (node.type === 'text') {
      const isBold = inHeading || (node.marks ?? []).some((m) => m.type === 'bold');
      if (isBold) bold += node.text ?? '';
      else regular += node.text ?? '';
      return;
    }
    for (const child of node.content ?? []) walk(child, inHeading || node.type === 'heading');
  };
  walk(content, false);
  return { regular, bold };
}

/** A CSS string literal that nothing in the text can end (quotes, backslashes, `</style>`, newlines). */
function cssString(text: string): string {
  return `"${text.replace(/["\\<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** Section numbers ("1.", "1.1.", "1.1.1.") as CSS counters on the three heading levels of `.paper` below the title. */
export function sectionNumberCss(topLevel: number): string {
  const levels = [topLevel, topLevel + 1, topLevel + 2].filter((l) => l <= 6);
  return levels
    .map((level, i) => {
      const names = levels.slice(0, i + 1).map((_, j) => `counter(s${j + 1})`);
      const reset = levels[i + 1] ? `counter-reset:s${i + 2};` : '';
      return `.paper h${level}{counter-increment:s${i + 1};${reset}}.paper h${level}::before{content:${names.join(' "." ')} ". ";}`;
    })
    .join('\n');
}

/** The export's CSS: section numbers, A4 pages with a running title. */
function css(title: string, topLevel: number): string {
  const counters = sectionNumberCss(topLevel);
  return `html{font-family:'${EXPORT_FONT_FAMILY}',sans-serif;line-height:1.6;color:#111}
body{max-width:46rem;margin:2rem auto;padding:0 1rem}
.paper{counter-reset:s1}
${counters}
.cover{margin-bottom:3rem}.cover-project{font-size:1.1rem;color:#444}.cover-title{font-size:2rem;line-height:1.25}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}.cover dt{color:#555}.cover dd{margin:0}
blockquote{border-left:3px solid #bbb;margin-left:0;padding-left:1rem;color:#333}
pre,code{font-family:monospace,'${EXPORT_FONT_FAMILY}';background:#f4f4f4}pre{padding:.5rem;white-space:pre-wrap}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem}
${FIGURES_AND_NOTES_CSS}
.open-comments{border-top:1px solid #999;margin-top:3rem}
@page{size:A4;margin:22mm 20mm;@top-center{content:${cssString(title)};font-size:9pt;color:#555}@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#555}}
@page:first{@top-center{content:none}@bottom-center{content:none}}
@media print{body{max-width:none;margin:0;padding:0}.cover{break-after:page;padding-top:30%}h1,h2,h3{break-after:avoid}.open-comments{break-before:page}}`;
}
