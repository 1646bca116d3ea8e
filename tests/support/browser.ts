import { findChromium, type ChromiumLaunch } from '@roundtable/api-browser';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ENV } from './browser-env';

let lookup: Promise<ChromiumLaunch> | undefined;

/** The browser the e2e global setup found (CHROMIUM_PATH, a system Chromium, or the npm-shipped one). */
export function chromiumLaunch(): Promise<ChromiumLaunch> {
  const handedOver = process.env[CHROMIUM_ENV];
  lookup ??= handedOver
    ? Promise.resolve(JSON.parse(handedOver) as ChromiumLaunch)
    : findChromium({ chromiumPath: process.env['CHROMIUM_PATH'] });
  return lookup;
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await chromiumLaunch();
  return chromium.launch({ executablePath, args, headless: true });
}
