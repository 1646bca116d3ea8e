#!/usr/bin/env node
// `npm start`: builds the API and the web app (Nx caches unchanged builds), then runs the server.
// Without DATABASE_URL the server starts an embedded PostgreSQL in ./.data and seeds the demo project.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

if (process.env.SKIP_BUILD !== 'true') {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [join(root, 'dist/api/apps/api/src/main.js')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// Forwarded (a Ctrl-C in a terminal also reaches the server directly; it stops once). The server stops its
// embedded PostgreSQL last and exits 0.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
