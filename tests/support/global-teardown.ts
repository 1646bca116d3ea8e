import { rmSync } from 'fs';
import type { EmbeddedDatabase } from '../../libs/api/database/src/embedded-postgres';
import { TEST_STATE_FILE } from './test-state';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __roundtablePg?: EmbeddedDatabase }).__roundtablePg;
  if (server) await server.stop();
  rmSync(TEST_STATE_FILE, { force: true });
}
