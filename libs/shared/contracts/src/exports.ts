/** The formats of `GET /api/documents/:id/export?format=…[&version=…]`, in the export menu's order. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export URL of a document, or of one of its versions (a plain link: the answer is an attachment). */
export function documentExportUrl(documentId: string, format: ExportFormat, versionId?: string | null): string {
  const query = new URLSearchParams({ format });
  if (versionId) query.set('version', versionId);
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`;
}

export type ExportJobState = 'queued' | 'running' | 'done' | 'failed';

/** A background export (`POST /api/documents/:id/export-jobs`), polled until done (ADR 031). */
export interface ExportJobDto {
  id: string;
  documentId: string;
  format: ExportFormat;
  versionId: string | null;
  state: ExportJobState;
  /** 0–100. */
  progress: number;
  /** When done: the export URL, which now answers from the cache at once. */
  downloadUrl: string | null;
  /** When failed: the error code (e.g. PDF_RENDERER_UNAVAILABLE) or INTERNAL. */
  error: string | null;
}
