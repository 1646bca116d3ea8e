import { evictExportCache, type ExportCacheLimits } from '@roundtable/api-exports';
import type { TestApp } from './test-app';

/** Runs the export cache's eviction with the given bounds, in a transaction of its own. */
export function evictExportCacheForTests(t: TestApp, limits: ExportCacheLimits): Promise<void> {
  return t.dataSource.transaction((manager) => evictExportCache(manager, limits));
}
