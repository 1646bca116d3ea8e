import { spawn, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { freePort } from '../../libs/api/database/src/embedded-postgres';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');

export interface ServerProcess {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  output(): string;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** kill -9: no chance to flush or stop the database. */
  kill9(): Promise<void>;
  /** Resolves with the exit code (or the signal that ended the process). */
  exited: Promise<number | NodeJS.Signals>;
}

export interface ServerProcessOptions {
  /** What to run instead of the built server, e.g. ['npm', 'start']. */
  command?: [string, ...string[]];
  /** In its own process group (as a terminal runs a foreground job), so that `process.kill(-pid)` reaches all of it. */
  processGroup?: boolean;
}

/** Runs the built server (`dist/`) as a real OS process, exactly as `npm start` does. */
export async function startServerProcess(
  env: Record<string, string>,
  port?: number,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build)`);
  const chosenPort = port ?? (await freePort());
  const [command, ...args] = options.command ?? [process.execPath, MAIN];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(chosenPort), HOST: '127.0.0.1', WEB_DIST: join(ROOT, 'dist/web'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const health = await fetch(`${baseUrl}/api/health`);
      if (health.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    port: chosenPort,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}
