import { attachmentDisposition } from '@roundtable/domain';
import { createHash } from 'crypto';
import type { ExportResult } from './export-document.command';
import { CONTENT_TYPES } from './export.model';

export interface ExportFileResponse {
  headers: Record<string, string>;
  bytes: Buffer;
}

/**
 * The HTTP answer for an export: always an attachment (never rendered inline under our origin), the type fixed
 * by the format, no sniffing, a sandboxing CSP, and an ETag of the bytes. The file is named after the title,
 * plus the version's date for a version.
 */
export function presentExportFile(result: ExportResult): ExportFileResponse {
  const { source, format, bytes } = result;
  const base =
    source.cover.title
      .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100) || 'document';
  const fileName = `${base}${source.versionId ? ` (${source.cover.date})` : ''}.${format}`;
  const sha256 = createHash('sha256').update(bytes).digest();
  return {
    bytes,
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Length': String(bytes.length),
      'Content-Disposition': attachmentDisposition(fileName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox",
      'Cache-Control': 'private, no-cache',
      ETag: `"${sha256.toString('hex')}"`,
      'X-Export-Cache': result.cached ? 'hit' : 'miss',
    },
  };
}
