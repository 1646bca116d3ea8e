import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmbeddedPostgres } from '../../libs/api/database/src/embedded-postgres';
import { TEST_STATE_FILE } from './test-state';

/**
 * One real PostgreSQL server for the whole run: TEST_DATABASE_URL if set, else an embedded one in a temp
 * folder. Each test file then creates its own database on it (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.ROUNDTABLE_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    database: 'postgres',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    debug: process.env.ROUNDTABLE_DEBUG_PG === 'true',
  });
  process.env.ROUNDTABLE_TEST_ADMIN_URL = server.url;
  (globalThis as { __roundtablePg?: typeof server }).__roundtablePg = server;
  writeFileSync(TEST_STATE_FILE, JSON.stringify({ adminUrl: server.url, dataDir }));
}
