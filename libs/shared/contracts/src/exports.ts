/** The formats of `GET /api/documents/:id/export?format=…[&version=…]`, in the export menu's order. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export URL of a document, or of one of its versions (a plain link: the answer is an attachment). */
export function documentExportUrl(documentId: string, format: ExportFormat, versionId?: string | null): string {
  const query = new URLSearchParams({ format });
  if (versionId) query.set('version', versionId);
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`;
}
