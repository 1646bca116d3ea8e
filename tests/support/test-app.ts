import type { INestApplication } from '@nestjs/common';
import { seedDemo } from '@roundtable/api-demo';
import { parseTrustProxy } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  port: number;
  dataSource: DataSource;
  database: TestDatabase;
  /** Closes the app but keeps the database (to start another app on it). */
  closeApp(): Promise<void>;
  close(): Promise<void>;
}

/** The real application on a real, fresh PostgreSQL database, listening on a free port. */
export async function startTestApp(
  options: {
    database?: TestDatabase;
    seed?: boolean;
    port?: number;
    webDist?: string;
    trustProxy?: string;
    apiDocs?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const app = await createApp({
    databaseUrl: database.url,
    webDist: options.webDist ?? null,
    logger: ['error'],
    trustProxy: parseTrustProxy(options.trustProxy),
    apiDocs: options.apiDocs,
  });
  if (options.seed ?? true) await seedDemo(app.get(DataSource));
  await app.listen(options.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  let appClosed = false;
  const closeApp = async () => {
    if (appClosed) return;
    appClosed = true;
    await app.close();
  };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    port: address.port,
    dataSource: app.get(DataSource),
    database,
    closeApp,
    close: async () => {
      await closeApp();
      await database.drop();
    },
  };
}
