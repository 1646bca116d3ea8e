#!/usr/bin/env node
// `npm test`: every check and every test, in order of cost. Starts its own PostgreSQL (embedded, or
// TEST_DATABASE_URL) and builds what the browser tests need. Prints one closing line
// "Tests: N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(title, command, args) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  console.log(
    `=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (result.status !== 0) failures.push(title);
  return result.status === 0;
}

function jest(title, args) {
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-jest-'));
  const report = join(dir, 'report.json');
  run(title, 'npx', ['jest', ...args, '--json', `--outputFile=${report}`]);
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    results.passed += summary.numPassedTests;
    results.failed += summary.numFailedTests + (summary.numRuntimeErrorTestSuites ?? 0);
    results.skipped += summary.numPendingTests + summary.numTodoTests;
  } else {
    results.failed += 1;
  }
  rmSync(dir, { recursive: true, force: true });
}

const only = process.argv[2];
if (!only || only === 'static') {
  // The module-boundaries rule reads Nx's project graph; on a fresh clone it must be computed first,
  // or the rule silently skips.
  run('project graph', 'npx', ['nx', 'show', 'projects']);
  run('format (Prettier)', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
  run('lint (ESLint, module boundaries)', 'npx', ['eslint', '.']);
  // The root tsconfig.json references a project for every TypeScript file in the workspace (incremental).
  run('typecheck (strict, tsc -b)', 'npx', ['tsc', '-b']);
}
if (!only || only === 'unit') jest('unit and integration tests (real PostgreSQL)', ['--config', 'jest.config.js']);
if (!only || only === 'e2e') {
  if (
    run('build (API and web app)', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'])
  ) {
    jest('browser journeys (Chromium)', ['--config', 'jest.e2e.config.js', '--runInBand']);
  }
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
console.log(`Tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(failures.length || results.failed ? 1 : 0);
