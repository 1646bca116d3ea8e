import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { migrate } from '../../apps/api/src/database/data-source';
import { UTF8_DATABASE } from '../../libs/api/database/src/embedded-postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.ROUNDTABLE_TEST_ADMIN_URL;
  if (!url)
    throw new Error('ROUNDTABLE_TEST_ADMIN_URL is not set: run tests through Jest (global setup starts PostgreSQL)');
  return url;
}

/** A fresh, migrated database on the run's PostgreSQL server; dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `rt_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ${UTF8_DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
