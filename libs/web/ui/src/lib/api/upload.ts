import type { ApiErrorBody, LibraryFileDetailDto } from '@roundtable/contracts';
import { ApiError, UNAUTHENTICATED_EVENT } from '../http';

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
