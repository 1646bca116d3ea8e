import { escapeHtml } from '@roundtable/api-platform';

/**
 * A plain-text mail's lines as its HTML part: each line escaped, the line that is `link` shown as a labelled
 * link followed by the address itself (invitations, review links).
 */
export function linesToHtml(lines: string[], link: string, linkLabel: string, lang: string): string {
  const body = lines
    .map((line) =>
      line === link
        ? `<a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a><br>${escapeHtml(link)}`
        : escapeHtml(line),
    )
    .join('<br>\n');
  return `<!doctype html><html lang="${lang}"><body><p>${body}</p></body></html>`;
}
