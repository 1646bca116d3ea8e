import type { Browser } from 'playwright-core';
import { freePort } from '../../libs/api/database/src/embedded-postgres';
import { launchChromium } from './browser';
import { startServerProcess, type ServerProcess } from './server-process';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface MailJourney {
  browser: Browser;
  sink: SmtpSink;
  server: ServerProcess;
  stop(): Promise<void>;
}

/** Chromium, a fresh database, an SMTP sink and the built demo server sending to it (links to itself). */
export async function startMailJourney(): Promise<MailJourney> {
  const browser = await launchChromium();
  let database: TestDatabase | undefined;
  let sink: SmtpSink | undefined;
  let server: ServerProcess | undefined;
  const stop = async () => {
    await server?.stop();
    await sink?.close();
    await database?.drop();
    await browser.close();
  };
  try {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    const port = await freePort();
    server = await startServerProcess(
      { DATABASE_URL: database.url, DEMO: 'true', SMTP_URL: sink.url, PUBLIC_URL: `http://127.0.0.1:${port}` },
      port,
    );
    return { browser, sink, server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
