import { findChromium } from '../../libs/api/browser/src/chromium.lookup';
import globalSetup from './global-setup';
import { CHROMIUM_ENV } from './browser-env';

/** The PostgreSQL of every run, plus the browser looked up (and, if it is the npm one, unpacked) once per run. */
export default async function e2eGlobalSetup(): Promise<void> {
  await globalSetup();
  process.env[CHROMIUM_ENV] = JSON.stringify(await findChromium({ chromiumPath: process.env['CHROMIUM_PATH'] }));
}
