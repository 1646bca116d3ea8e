import { dataSourceOptions } from '@roundtable/api-database';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/** A DataSource for the migration commands and tests; the app builds its own through TypeOrmModule. */
export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url, ENTITIES));
}

/** Applies pending migrations. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
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
