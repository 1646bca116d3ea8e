import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@roundtable/api-database';
import { seedDemo } from '@roundtable/api-demo';
import { PdfRenderer } from '@roundtable/api-exports';
import type { Server } from 'http';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { configWarnings } from '@roundtable/api-config';
import { loadConfig } from './config/app-config';
import { migrate } from './database/data-source';

async function main(): Promise<void> {
  const logger = new Logger('Roundtable');
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.log(`Starting embedded PostgreSQL in ${config.dataDir}`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      persistent: true,
      debug: config.debugEmbeddedPostgres,
    });
    databaseUrl = embedded.url;
  }

  const applied = await migrate(databaseUrl);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

  logger.log(`TRUST_PROXY: ${config.trustProxy.description}`);
  for (const warning of configWarnings(config)) logger.warn(warning);
  const app = await createApp({
    databaseUrl,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    apiDocs: config.apiDocs,
  });
  if (config.demo) {
    await seedDemo(app.get(DataSource));
    logger.log('Demo project ready (sign in as coordinator@example.org / roundtable-demo)');
  }
  await app.listen(config.port, config.host);
  logger.log(`Roundtable on http://localhost:${config.port}`);
  // PDF export needs a Chromium: say at start which one, or clearly that PDF export is off (never a crash).
  app
    .get(PdfRenderer)
    .chromium()
    .then(
      (chromium) => logger.log(`PDF export: ${chromium.version} (${chromium.source}: ${chromium.executablePath})`),
      (error: unknown) =>
        logger.warn(
          `PDF export is OFF (it answers 503 PDF_RENDERER_UNAVAILABLE; DOCX, HTML and Markdown work): ${(error as Error).message}`,
        ),
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      // The order matters: PostgreSQL must outlive everything that talks to it, or a normal stop prints errors.
      // 1. Stop accepting connections (idle keep-alive ones close; Nest's close below waits for the rest).
      (app.getHttpServer() as Server).close();
      // 2. Sockets flushed and told 1001, job queue stopped (before-shutdown hooks); HTTP drained; LISTEN
      //    connections and pools closed (shutdown hooks).
      await app.close();
      // 3. Only then the embedded PostgreSQL.
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  // SIGHUP too (the terminal closed): its default would end the app at once and leave PostgreSQL running.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
