import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ChromiumUnavailableError, findChromium, type ChromiumLaunch } from '@roundtable/api-browser';
import { chromium, type Browser } from 'playwright-core';

/** No Chromium on this machine: PDF exports answer 503, everything else works. */
export class PdfRendererUnavailableError extends Error {
  override readonly name = 'PdfRendererUnavailableError';
}

/**
 * Prints export HTML to PDF with headless Chromium (the one `findChromium` finds: CHROMIUM_PATH, a system
 * Chromium, or the npm-shipped one). One browser per process, started on the first PDF and kept; each
 * export gets its own context with JavaScript off and every network request refused, so a PDF can only
 * hold what its HTML carries (the fonts are embedded in it).
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfExport');
  private lookup: Promise<ChromiumLaunch> | null = null;
  private browser: Promise<Browser> | null = null;

  /** The Chromium PDFs will use, or why there is none (one line); looked up once per process. */
  chromium(): Promise<ChromiumLaunch> {
    this.lookup ??= findChromium();
    return this.lookup;
  }

  async render(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready).catch(() => undefined);
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true });
    } finally {
      await context.close();
    }
  }

  private async launch(): Promise<Browser> {
    let launch: ChromiumLaunch;
    try {
      launch = await this.chromium();
    } catch (error) {
      if (error instanceof ChromiumUnavailableError) throw new PdfRendererUnavailableError(error.message);
      throw error;
    }
    this.browser ??= chromium
      .launch({ executablePath: launch.executablePath, args: launch.args, headless: true })
      .then((browser) => {
        // A crashed browser is started again by the next export.
        browser.on('disconnected', () => {
          this.browser = null;
        });
        return browser;
      })
      .catch((error: unknown) => {
        this.browser = null;
        this.logger.error(`Chromium did not start: ${(error as Error).message}`);
        throw new PdfRendererUnavailableError((error as Error).message);
      });
    return this.browser;
  }

  async onApplicationShutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
