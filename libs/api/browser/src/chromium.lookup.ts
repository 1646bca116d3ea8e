import { config } from '@roundtable/api-config';
import { execFile } from 'child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { pathToFileURL } from 'url';

/** Where a Linux distribution or a vendor installs Chromium; tried after CHROMIUM_PATH. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

/** Flags for every headless run: no first-run UI, and no traffic of its own to any third-party host. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** A distribution's Chromium is started the way these tests always started it; the npm one brings SwiftShader. */
const SYSTEM_ARGS = [...COMMON_ARGS, '--disable-gpu'];

/**
 * @sparticuz/chromium's flags are tuned for AWS Lambda. These would weaken what the browser enforces
 * (same-origin policy, mixed content, site isolation) or run every page in one process, so that one crashed
 * renderer takes the whole browser down; the headless mode is the launcher's business.
 */
const DROPPED_NPM_ARGS = [
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
  '--headless',
];

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';

export interface ChromiumLaunch {
  executablePath: string;
  /** Command-line flags to pass when launching (e.g. playwright-core's `launch({ args })`). */
  args: string[];
  source: ChromiumSource;
  /** `Chromium 153.0.8010.0`, as the binary reports itself. */
  version: string;
}

export interface ChromiumLookupOptions {
  env?: NodeJS.ProcessEnv;
  /** Candidates for a system Chromium, in order (tests pass [] to pretend there is none). */
  systemPaths?: readonly string[];
  /** Entry file of @sparticuz/chromium; null pretends it is not installed. */
  npmEntry?: string | null;
  /** Where the npm-shipped browser is unpacked; reused while it holds a complete unpack. */
  cacheDir?: string;
}

/** No browser can start; the message is one line saying what is missing. */
export class ChromiumUnavailableError extends Error {
  override readonly name = 'ChromiumUnavailableError';
}

/**
 * A Chromium that starts: CHROMIUM_PATH if set (and then nothing else), else the first system Chromium,
 * else the one shipped on npm (@sparticuz/chromium, unpacked once into a temp folder and reused).
 */
export async function findChromium(options: ChromiumLookupOptions = {}): Promise<ChromiumLaunch> {
  const explicit = options.env ? options.env['CHROMIUM_PATH'] : (config().chromiumPath ?? undefined);
  if (explicit) {
    const problem = await whyNotRunnable(explicit);
    if (typeof problem === 'string')
      throw new ChromiumUnavailableError(`CHROMIUM_PATH=${explicit} cannot start: ${problem}`);
    return { executablePath: explicit, args: [...SYSTEM_ARGS], source: 'CHROMIUM_PATH', version: problem.version };
  }

  const tried: string[] = [];
  for (const candidate of options.systemPaths ?? SYSTEM_CHROMIUM_PATHS) {
    if (!existsSync(candidate)) continue;
    const problem = await whyNotRunnable(candidate);
    if (typeof problem !== 'string')
      return { executablePath: candidate, args: [...SYSTEM_ARGS], source: 'system', version: problem.version };
    tried.push(`${candidate}: ${problem}`);
  }
  if (tried.length === 0) tried.push('no system Chromium');

  const entry = options.npmEntry === undefined ? npmPackageEntry() : options.npmEntry;
  if (!entry) {
    tried.push('@sparticuz/chromium is not installed (run npm install)');
  } else {
    try {
      const unpacked = await unpackNpmChromium(entry, options.cacheDir);
      const problem = await whyNotRunnable(unpacked.executablePath);
      if (typeof problem !== 'string') {
        const args = [
          ...COMMON_ARGS,
          ...unpacked.args.filter((arg) => !DROPPED_NPM_ARGS.some((dropped) => arg.startsWith(dropped))),
        ];
        return {
          executablePath: unpacked.executablePath,
          args: [...new Set(args)],
          source: 'npm',
          version: problem.version,
        };
      }
      tried.push(`@sparticuz/chromium (${unpacked.executablePath}): ${problem}`);
    } catch (error) {
      tried.push(
        `@sparticuz/chromium could not be unpacked: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      );
    }
  }
  throw new ChromiumUnavailableError(
    `No Chromium can start (${tried.join('; ')}); set CHROMIUM_PATH to a Chromium or Chrome binary`,
  );
}

function npmPackageEntry(): string | null {
  try {
    return require.resolve('@sparticuz/chromium');
  } catch {
    return null;
  }
}

/** Unpacks into a fresh folder and renames it into place, so a killed unpack never leaves a half binary to reuse. */
async function unpackNpmChromium(
  entry: string,
  cacheDir?: string,
): Promise<{ executablePath: string; args: string[] }> {
  const version = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string })
    .version;
  const target = cacheDir ?? join(tmpdir(), `roundtable-chromium-${version}-${process.getuid?.() ?? 'user'}`);
  const argsFile = join(target, 'args.json');
  if (!existsSync(argsFile)) {
    const staging = mkdtempSync(`${target}.partial-`);
    try {
      // The package is an ES module that unpacks into os.tmpdir(); a child with TMPDIR=staging keeps it out of
      // the shared /tmp and works the same from Jest's CommonJS runtime and from the built server.
      const script =
        'const { default: chromium } = await import(process.argv[1]); await chromium.executablePath(); ' +
        "(await import('fs')).writeFileSync(process.env.TMPDIR + '/args.json', JSON.stringify(chromium.args));";
      await run(
        process.execPath,
        ['--input-type=module', '-e', script, pathToFileURL(entry).href],
        { ...process.env, TMPDIR: staging },
        120_000,
      );
      try {
        renameSync(staging, target);
      } catch (error) {
        // Another process finished first: its unpack is as good as ours.
        if (!existsSync(argsFile)) throw error;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { executablePath: join(target, 'chromium'), args: JSON.parse(readFileSync(argsFile, 'utf8')) as string[] };
}

/** The binary's own `--version` when it runs; otherwise why not, e.g. the shared library it is missing. */
async function whyNotRunnable(path: string): Promise<string | { version: string }> {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return existsSync(path) ? 'not executable' : 'no such file';
  }
  try {
    const { stdout } = await run(path, ['--version'], process.env, 30_000);
    return { version: stdout.trim() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const missingLibrary = /error while loading shared libraries: ([^:\s]+)/.exec(message);
    return missingLibrary ? `missing shared library ${missingLibrary[1]}` : firstLine(message);
  }
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeout: number): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${stderr.trim() || error.message}`));
      else resolve({ stdout });
    });
  });
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? 'unknown error'
  );
}
