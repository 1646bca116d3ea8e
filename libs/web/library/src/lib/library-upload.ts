import { ErrorCode, LIBRARY_EXTENSIONS } from '@roundtable/contracts';
import { ApiError } from '@roundtable/web-ui';

/** Accepted extensions, for the file input's `accept` and for messages. */
export const ACCEPT = Object.keys(LIBRARY_EXTENSIONS)
  .map((ext) => `.${ext}`)
  .join(',');

/** Checks what the browser can before sending: the extension and the size. Null when fine. */
export function precheck(file: File, maxBytes: number): ApiError | null {
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  if (!LIBRARY_EXTENSIONS[extension]) {
    return new ApiError(415, ErrorCode.UnsupportedFileType, 'not accepted', [
      { field: 'file', code: 'fileType', message: 'type' },
    ]);
  }
  if (file.size > maxBytes)
    return new ApiError(413, ErrorCode.PayloadTooLarge, 'too large', [
      { field: 'file', code: 'fileTooLarge', message: 'size' },
    ]);
  if (file.size === 0)
    return new ApiError(400, ErrorCode.ValidationFailed, 'empty', [
      { field: 'file', code: 'fileEmpty', message: 'file is empty' },
    ]);
  return null;
}

// Multipart uploads (with progress) live in the UI lib: the editor uploads figures through them too (ADR 038).
export { uploadFile } from '@roundtable/web-ui';

/** "12.3 MB" style sizes, in the reader's locale. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/**
 * The text fields sent with an upload: a new file takes description and tags, a new version only its note
 * (the server refuses the others). Blank fields are left out.
 */
export function uploadFields(
  kind: 'file' | 'version',
  values: { description: string; tags: string; note: string },
): Record<string, string> {
  const wanted = kind === 'file' ? (['description', 'tags'] as const) : (['note'] as const);
  return Object.fromEntries(wanted.filter((key) => values[key].trim()).map((key) => [key, values[key]]));
}
