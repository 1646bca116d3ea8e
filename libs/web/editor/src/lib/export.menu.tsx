import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ApiErrorBody, type ErrorCode, type ExportFormat } from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { ApiError, FormError, useAction } from '@roundtable/web-ui';
import { publicationMessages } from './publication.messages';
import { publicationCommands, useExportJob } from './publication.queries';

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
async function downloadExport(url: string, format: ExportFormat): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
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

/**
 * Export the document (or, with `versionId`, that version) as DOCX, PDF, HTML or Markdown. The export runs as a
 * background job (ADR 031): the menu shows its progress, then downloads the file (the export route answers it
 * from the cache) and keeps a link to it.
 */
export function ExportMenu({ documentId, versionId = null }: { documentId: string; versionId?: string | null }) {
  const { t } = useMessages(publicationMessages);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useAction(async (format: ExportFormat) => {
    setJobId(null);
    setJobId((await publicationCommands.startExport(documentId, format, versionId)).id);
  });
  const job = useExportJob(documentId, jobId).data;
  const download = useAction((url: string, format: ExportFormat) => downloadExport(url, format));
  const delivered = useRef<string | null>(null);
  const run = download.run;
  useEffect(() => {
    if (job?.state !== 'done' || !job.downloadUrl || delivered.current === job.id) return;
    delivered.current = job.id;
    void run(job.downloadUrl, job.format);
  }, [job, run]);
  const working = start.pending || (jobId !== null && (!job || job.state === 'queued' || job.state === 'running'));
  const failed =
    job?.state === 'failed'
      ? new ApiError(job.error === 'PDF_RENDERER_UNAVAILABLE' ? 503 : 500, (job.error ?? 'INTERNAL') as ErrorCode, '')
      : null;
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
              disabled={working}
              onClick={() => void start.run(format)}
            >
              {t(`exports.format.${format}`)}
            </button>
          </li>
        ))}
      </ul>
      {working ? (
        <p role="status" aria-live="polite" data-testid="export-progress">
          <progress max={100} value={job?.progress ?? 0} />{' '}
          {t('publication.exportPreparing', { progress: job?.progress ?? 0 })}
        </p>
      ) : job?.state === 'done' && job.downloadUrl ? (
        <p role="status" aria-live="polite" data-testid="export-ready">
          {t('publication.exportReady')}{' '}
          <a href={job.downloadUrl} download data-testid="export-download">
            {t('publication.exportDownload')}
          </a>
        </p>
      ) : null}
      <FormError error={start.error ?? failed ?? download.error} testId="export-error" />
    </details>
  );
}
