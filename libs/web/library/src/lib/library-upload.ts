import { ErrorCode, LIBRARY_EXTENSIONS, type ApiErrorBody, type LibraryFileDetailDto } from '@roundtable/contracts';
import { ApiError, UNAUTHENTICATED_EVENT } from '@roundtable/web-ui';

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

/**
 * Sends a file as multipart/form-data with XMLHttpRequest (fetch cannot report upload progress);
 * `onProgress` gets 0..1. Resolves with the file, rejects with an ApiError like the typed client's `unwrap`.
 */
export function uploadFile(
  path: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (share: number) => void,
): Promise<LibraryFileDetailDto> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as LibraryFileDetailDto);
      if (request.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
      const error = body as ApiErrorBody | null;
      reject(
        error && typeof error.code === 'string'
          ? new ApiError(request.status, error.code, error.message, error.fields ?? [])
          : new ApiError(request.status, 'unknown', request.statusText),
      );
    };
    request.send(form);
  });
}

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
