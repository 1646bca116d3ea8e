import { dataSourceOptions } from '@roundtable/api-database';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/** A DataSource for the migration commands and tests; the app builds its own through TypeOrmModule. */
export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url, ENTITIES));
}

/** Key of the advisory lock that one process at a time holds while migrating (any fixed number; "rtmigrat"). */
const MIGRATION_LOCK = 0x72746d6967726174n;

/**
 * Applies pending migrations. Several app processes may start at once on one database (docker/compose.yaml):
 * each waits for the lock, so the first applies what is pending and the others then find nothing to do.
 */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

export async function revertLastMigration(url: string): Promise<void> {
  const dataSource = await createDataSource(url).initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
