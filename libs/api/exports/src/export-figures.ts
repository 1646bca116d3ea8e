import { escapeHtml } from '@roundtable/api-platform';
import { figureLabel, figuresOf, footnotesOf, type FootnoteEntry } from '@roundtable/editor-schema';
import type { JSONContent } from '@tiptap/core';
import type { ExportImage, ExportSource } from './export.model';

/** How an export source names a figure's image: its library file and version. */
export function figureKey(fileId: string | null, versionId: string | null): string {
  return `${fileId}/${versionId}`;
}

/** The pixel size of a PNG or JPEG from its header, or null when the bytes are neither. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR')
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    // Start of frame (any coding but the DHT/JPG/DAC markers that share the range): height, then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

/** An image as a renderer embeds it, or null when the bytes are not a PNG or JPEG it can size. */
export function exportImage(contentType: string, bytes: Buffer): ExportImage | null {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return null;
  if (contentType !== 'image/png' && contentType !== 'image/jpeg') return null;
  return { contentType, bytes, ...size };
}

/** A data: URL of an image the export carries (exports and public pages load nothing from any address). */
export function dataUrl(image: ExportImage): string {
  return `data:${image.contentType};base64,${image.bytes.toString('base64')}`;
}

/** What a paper's notes are called where they are listed (exports are bilingual, ADR 024). */
export const NOTES_HEADING = 'Notes · 注释';

/**
 * The paper's HTML (the shared schema's own, `source.html`) as exports and public pages show it: each figure's
 * image embedded from the export's own bytes (nothing is loaded from the library's authorised route, which a
 * reader of a file or a public page cannot use) and labelled "Figure n" / "图 n"; each footnote mark numbered
 * and linked to its note. Notes are listed at the end (`end`: HTML, public pages) or after the top-level section
 * they are in (`section`: the PDF, as Chromium has no CSS page footnotes).
 */
export function paperHtml(
  source: Pick<ExportSource, 'html' | 'content' | 'figures'>,
  notes: 'end' | 'section',
  topLevel: number,
  titleNode: JSONContent | null,
): string {
  const figures = figuresOf(source.content);
  const footnotes = footnotesOf(source.content);
  // Notes in the title (shown as plain text on the cover) keep their numbers; the body's follow them.
  let note = titleNode ? footnotesOf(titleNode).length : 0;
  let figure = 0;
  const html = source.html
    .replace(/<figure\b[^>]*>([\s\S]*?)<\/figure>/g, (_all, inner: string) => {
      const entry = figures[figure++];
      if (!entry) return '';
      const image = source.figures?.[figureKey(entry.fileId, entry.versionId)];
      const img = image
        ? `<img src="${dataUrl(image)}" alt="${escapeHtml(entry.caption)}" width="${image.width}" height="${image.height}">`
        : '';
      const caption = /<figcaption>([\s\S]*)<\/figcaption>/.exec(inner)?.[1] ?? '';
      const label = figureLabel(entry.number, entry.caption);
      return (
        `<figure id="figure-${entry.number}">${img}<figcaption><strong class="figure-label">` +
        `${escapeHtml(label)}${entry.caption ? ':' : ''}</strong> ${caption}</figcaption></figure>`
      );
    })
    .replace(/<sup\b[^>]*\bdata-footnote=""[^>]*><\/sup>/g, () => {
      note += 1;
      return `<sup class="footnote-ref" id="fnref-${note}"><a href="#fn-${note}">${note}</a></sup>`;
    });
  const list = (entries: FootnoteEntry[]) =>
    entries.length === 0
      ? ''
      : `<ol class="footnotes" start="${entries[0].number}">` +
        entries
          .map(
            (n) =>
              `<li id="fn-${n.number}" value="${n.number}">${escapeHtml(n.text).replace(/\n/g, '<br>')} ` +
              `<a href="#fnref-${n.number}" class="footnote-back" aria-label="↩">↩</a></li>`,
          )
          .join('') +
        `</ol>`;
  if (footnotes.length === 0) return html;
  if (notes === 'end')
    return `${html}\n<section class="footnotes-end"><h2 class="notes-heading">${escapeHtml(NOTES_HEADING)}</h2>${list(footnotes)}</section>`;
  // Per top-level section: the notes whose marks are in it, right after it.
  const parts = html.split(new RegExp(`(?=<h${topLevel}[\\s>])`));
  let seen = titleNode ? footnotesOf(titleNode).length : 0;
  const titleList = list(footnotes.slice(0, seen));
  return (
    titleList +
    parts
      .map((part) => {
        const count = (part.match(/class="footnote-ref"/g) ?? []).length;
        const mine = footnotes.slice(seen, seen + count);
        seen += count;
        return part + list(mine);
      })
      .join('')
  );
}

/** How figures and notes look in exports and on public pages. */
export const FIGURES_AND_NOTES_CSS = `figure{margin:1.5rem 0;text-align:center;break-inside:avoid}figure img{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:#333;margin-top:.5rem}
.footnote-ref{font-size:.75em;line-height:0}.footnote-ref a{text-decoration:none}
ol.footnotes{font-size:.85rem;color:#333;border-top:1px solid #bbb;padding-top:.5rem;margin-top:1.5rem}
.footnote-back{text-decoration:none}`;

/** The characters figures and notes add to a paper (for the font subsets): labels bold, notes regular. */
export function figuresAndNotesText(content: JSONContent): { regular: string; bold: string } {
  return {
    regular:
      ':↩' +
      footnotesOf(content)
        .map((n) => n.text)
        .join(''),
    bold: 'Figure 图0123456789:' + NOTES_HEADING,
  };
}
