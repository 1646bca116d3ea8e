#!/usr/bin/env node
// `npm run db:migrate` / `npm run db:revert`: applies or reverts migrations on DATABASE_URL, or on the
// embedded database in ./.data when DATABASE_URL is unset.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (command !== 'migrate' && command !== 'revert') {
  console.error('usage: node tools/db.mjs migrate|revert');
  process.exit(2);
}
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const require = createRequire(import.meta.url);
const { migrate, revertLastMigration } = require(join(root, 'dist/api/apps/api/src/database/data-source.js'));
const { startEmbeddedPostgres } = require(join(root, 'dist/api/libs/api/database/src/embedded-postgres.js'));

let embedded = null;
let url = process.env.DATABASE_URL;
if (!url) {
  embedded = await startEmbeddedPostgres({
    dataDir: resolve(root, process.env.DATA_DIR ?? '.data'),
    persistent: true,
    debug: process.env.ROUNDTABLE_DEBUG_PG === 'true',
  });
  url = embedded.url;
}
try {
  if (command === 'migrate') {
    const applied = await migrate(url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } else {
    await revertLastMigration(url);
    console.log('Reverted the last migration.');
  }
} finally {
  await embedded?.stop();
}
