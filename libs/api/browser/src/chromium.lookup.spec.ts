import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium } from 'playwright-core';
import { ChromiumUnavailableError, findChromium } from './chromium.lookup';

describe('findChromium', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-chromium-lookup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function script(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('with no CHROMIUM_PATH and no system Chromium, unpacks the npm-shipped one, which launches and renders a page', async () => {
    const cacheDir = join(dir, 'npm-chromium');
    const found = await findChromium({ systemPaths: [join(dir, 'no-such-chromium')], cacheDir });
    expect(found.source).toBe('npm');
    expect(found.executablePath).toBe(join(cacheDir, 'chromium'));
    expect(found.version).toMatch(/^Chromium \d+\./);
    expect(found.args).not.toContain('--disable-web-security');
    expect(found.args).not.toContain('--single-process');

    const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true });
    try {
      const page = await browser.newPage();
      await page.setContent('<main><h1>Position paper</h1><p>立场文件</p></main>');
      expect(await page.textContent('h1')).toBe('Position paper');
      expect(await page.evaluate(() => document.querySelector('p')?.textContent)).toBe('立场文件');
    } finally {
      await browser.close();
    }

    // A second lookup reuses the unpacked browser rather than unpacking again.
    const again = await findChromium({ systemPaths: [], cacheDir });
    expect(again).toEqual(found);
  }, 120_000);

  it('prefers a system Chromium over the npm one, and CHROMIUM_PATH over both', async () => {
    const system = script('system-chromium', 'echo "Chromium 1.0 system"');
    const explicit = script('explicit-chromium', 'echo "Chromium 2.0 explicit"');
    const fromSystem = await findChromium({ systemPaths: [join(dir, 'absent'), system], npmEntry: null });
    expect(fromSystem).toMatchObject({ executablePath: system, source: 'system', version: 'Chromium 1.0 system' });
    const fromEnv = await findChromium({ chromiumPath: explicit, systemPaths: [system], npmEntry: null });
    expect(fromEnv).toMatchObject({
      executablePath: explicit,
      source: 'CHROMIUM_PATH',
      version: 'Chromium 2.0 explicit',
    });
  });

  it('does not fall back when CHROMIUM_PATH names something that cannot start', async () => {
    const system = script('fallback-chromium', 'echo "Chromium 1.0 system"');
    await expect(findChromium({ chromiumPath: join(dir, 'typo'), systemPaths: [system] })).rejects.toThrow(
      `CHROMIUM_PATH=${join(dir, 'typo')} cannot start: no such file`,
    );
  });

  it('says in one line what is missing when no browser can start', async () => {
    const broken = script(
      'broken-chromium',
      'echo "broken-chromium: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory" >&2; exit 127',
    );
    const error: unknown = await findChromium({ systemPaths: [broken], npmEntry: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChromiumUnavailableError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`${broken}: missing shared library libnss3.so`);
    expect(message).toContain('@sparticuz/chromium is not installed (run npm install)');
    expect(message).toContain('set CHROMIUM_PATH');
  });
});
