import type { EntityManager } from 'typeorm';

export interface ExportCacheLimits {
  /** Files older than this are deleted (rendered again when asked for). */
  maxAgeDays: number;
  /** The newest files up to this many bytes in all are kept; older ones beyond it are deleted. */
  maxBytes: number;
  /** Finished or failed export jobs older than this are deleted (their files stay in the cache). */
  jobMaxAgeHours: number;
}

/**
 * The bounds of `document_exports` (ADR 031): 30 days, 512 MB, newest first. A published version's files are
 * not here (they live with the publication version), so eviction never takes a public download away.
 */
export const EXPORT_CACHE_LIMITS: ExportCacheLimits = {
  maxAgeDays: 30,
  maxBytes: 512 * 1024 * 1024,
  jobMaxAgeHours: 24,
};

/**
 * Deletes cached exports over the age bound, then the oldest beyond the size bound (sizes read from the
 * stored lengths, without reading the files), and old export jobs. Runs in the transaction that stores a
 * new file, so the cache never grows past its bounds by more than that one file.
 */
export async function evictExportCache(manager: EntityManager, limits: ExportCacheLimits): Promise<void> {
  await manager.query(`DELETE FROM document_exports WHERE created_at < now() - make_interval(days => $1)`, [
    limits.maxAgeDays,
  ]);
  await manager.query(
    `DELETE FROM document_exports WHERE input_hash IN (
       SELECT input_hash FROM (
         SELECT input_hash, sum(octet_length(bytes)) OVER (ORDER BY created_at DESC, input_hash) AS running
           FROM document_exports) sized
        WHERE running > $1)`,
    [limits.maxBytes],
  );
  await manager.query(
    `DELETE FROM document_export_jobs
      WHERE state IN ('done', 'failed') AND updated_at < now() - make_interval(hours => $1)`,
    [limits.jobMaxAgeHours],
  );
}
