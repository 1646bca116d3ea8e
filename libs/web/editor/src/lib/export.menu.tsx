import { useTranslation } from 'react-i18next';
import { documentExportUrl, EXPORT_FORMATS, type ApiErrorBody, type ExportFormat } from '@roundtable/contracts';
import { ApiError, FormError, useAction } from '@roundtable/web-ui';

/** The file name the server chose (RFC 5987 `filename*` first), for the browser's download. */
function fileNameOf(disposition: string | null, format: ExportFormat): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? `document.${format}`;
}

/**
 * Fetches the export (so a refusal, such as PDF without Chromium on the server, shows as a translated
 * message here rather than as a JSON page) and hands the file to the browser's download.
 */
async function downloadExport(documentId: string, format: ExportFormat, versionId: string | null): Promise<void> {
  let response: Response;
  try {
    response = await fetch(documentExportUrl(documentId, format, versionId), { credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body?.code ?? 'unknown', body?.message ?? response.statusText, body?.fields);
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), format);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task.
  window.setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** Export the document (or, with `versionId`, that version) as DOCX, PDF, HTML or Markdown. */
export function ExportMenu({ documentId, versionId = null }: { documentId: string; versionId?: string | null }) {
  const { t } = useTranslation();
  const action = useAction((format: ExportFormat) => downloadExport(documentId, format, versionId));
  return (
    <details className="export-menu" data-testid={versionId ? 'version-export-menu' : 'export-menu'}>
      <summary className="button button--small button--secondary">
        {versionId ? t('exports.exportVersion') : t('exports.export')}
      </summary>
      <ul className="export-menu__list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <button
              type="button"
              className="button button--small button--secondary"
              data-testid={`export-${format}`}
              disabled={action.pending}
              onClick={() => void action.run(format)}
            >
              {t(`exports.format.${format}`)}
            </button>
          </li>
        ))}
      </ul>
      {action.pending ? (
        <p role="status" aria-live="polite">
          {t('exports.preparing')}
        </p>
      ) : null}
      <FormError error={action.error} testId="export-error" />
    </details>
  );
}
