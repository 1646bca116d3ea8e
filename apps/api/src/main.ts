import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@roundtable/api-database';
import { seedDemo } from '@roundtable/api-demo';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { loadConfig } from './config/app-config';
import { migrate } from './database/data-source';

async function main(): Promise<void> {
  const logger = new Logger('Roundtable');
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.log(`Starting embedded PostgreSQL in ${config.dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true });
    databaseUrl = embedded.url;
  }

  const applied = await migrate(databaseUrl);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApp({ databaseUrl, webDist: config.webDist, trustProxy: config.trustProxy, apiDocs: config.apiDocs });
  if (config.demo) {
    await seedDemo(app.get(DataSource));
    logger.log('Demo project ready (sign in as coordinator@example.org / roundtable-demo)');
  }
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  logger.log(`Roundtable on http://localhost:${config.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
