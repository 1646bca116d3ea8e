#!/usr/bin/env node
// `npm run bench`: builds the API (Nx caches an unchanged build), then runs every benchmark scenario
// against our server and the reference y-websocket server and writes docs/benchmarks.md.
// BENCH_SKIP_BUILD=true skips the build; BENCH_ROUNDS=n sets the interleaved rounds of S1 and S4 (default 5);
// BENCH_ONLY=S1,S4 runs a subset (docs/benchmarks.md is then
// left alone); BENCH_QUICK=true shortens everything; BENCH_PG_FAST=true runs PostgreSQL with fsync off;
// BENCH_CPU_PROF=<dir> writes CPU profiles of the servers, BENCH_HEAP_SNAPSHOT=<dir> heap snapshots in S2.
// BENCH_HTTP_SCALE=0.2 shrinks S9's large project (HTTP at scale) to a fifth.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

if (process.env.BENCH_SKIP_BUILD !== 'true') {
  const build = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('bench: building the API failed');
    process.exit(build.status ?? 1);
  }
}

// A private copy of the build, so that a rebuild in this checkout during the run cannot break it.
const benchDist = join(root, 'tmp', 'bench-dist', 'api');
rmSync(join(root, 'tmp', 'bench-dist'), { recursive: true, force: true });
mkdirSync(dirname(benchDist), { recursive: true });
cpSync(join(root, 'dist', 'api'), benchDist, { recursive: true });
env.BENCH_DIST = benchDist;

const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'tests/bench/main.mjs')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
