import { config } from '@roundtable/api-config';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * TypeORM options shared by the app, the migration CLI and the tests. Entities are listed explicitly
 * by the caller (never globbed from dist/); the schema only changes through migrations.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- mirrors TypeORM's own `MixedList<Function | ...>` entity type
export function dataSourceOptions(url: string, entities: MixedList<Function>): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: config().databasePoolSize },
  };
}
