import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import WebSocket from 'ws';
import { isAlive } from '../../libs/api/database/src/embedded-postgres';
import { HttpClient } from '../support/http-client';
import { until } from '../support/poll';
import { startServerProcess, type ServerProcessOptions } from '../support/server-process';

/**
 * Ctrl-C in a terminal sends SIGINT to the whole foreground process group. With the embedded PostgreSQL the
 * app must still stop in order (stop accepting, close sockets with 1001, stop the job queue and LISTEN
 * connections, close pools, then PostgreSQL) and say nothing that reads like a crash.
 */
describe('Ctrl-C on the app with the embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'roundtable-ctrl-c-'));
  });
  afterAll(async () => {
    // Only if a test failed half-way: never leave a PostgreSQL behind.
    const pid = postmasterPid();
    if (pid && isAlive(pid)) {
      process.kill(pid, 'SIGINT');
      await until(() => !isAlive(pid), 'the left-over PostgreSQL to stop', 30_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  function postmasterPid(): number | null {
    const file = join(dataDir, 'pg', 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
  }

  /** `exits`: how the signalled process must end (npm's shell re-raises the SIGINT it saw, by Unix convention). */
  async function pressCtrlC(options: ServerProcessOptions, exits: Array<number | NodeJS.Signals>): Promise<void> {
    const server = await startServerProcess(
      { DATA_DIR: dataDir, DATABASE_URL: '', DEMO: 'true', SKIP_BUILD: 'true' },
      undefined,
      { ...options, processGroup: true },
    );
    const group = server.process.pid!;
    try {
      const login = await new HttpClient(server.baseUrl).login('coordinator@example.org');
      const documentId = ((await login.get('/api/documents')).body as Array<{ id: string }>)[0].id;
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${documentId}`, {
        headers: { cookie: login.cookie! },
      });
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const postgres = postmasterPid();
      expect(postgres && isAlive(postgres)).toBe(true);

      const before = server.output().length;
      process.kill(-group, 'SIGINT');
      const exit = await Promise.race([
        server.exited,
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000).unref()),
      ]);
      const after = server.output().slice(before);

      // On failure this shows what the process printed after the signal, too.
      expect({ exit, after }).toMatchObject({
        exit: exits.includes(exit as number) ? exit : `one of ${exits.join(', ')}`,
      });
      expect(after).toContain('SIGINT: closing');
      expect(after).not.toMatch(/error/i);
      expect(await closed).toBe(1001);
      expect(postmasterPid()).toBeNull();
      expect(isAlive(postgres!)).toBe(false);
    } finally {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        /* already gone, as it should be */
      }
    }
  }

  it('the built server (node dist/…/main.js) exits 0 within 10 s with no ERROR, its sockets told 1001, PostgreSQL stopped', async () => {
    await pressCtrlC({}, [0]);
  }, 120_000);

  it('npm start forwards the signal and ends just as quietly, within 10 s', async () => {
    await pressCtrlC({ command: ['npm', 'start'] }, [0, 'SIGINT']);
  }, 120_000);
});
