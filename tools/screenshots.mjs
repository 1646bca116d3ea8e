#!/usr/bin/env node
// `node tools/screenshots.mjs`: pictures of the layout for docs/screenshots/ (issue 13 item 6), taken from the
// built app (`npx nx run-many -t build -p api web` first, or SCREENSHOTS_BUILD=true) with demo data in a fresh
// embedded PostgreSQL, in the same Chromium the browser tests use (findChromium: CHROMIUM_PATH, a system
// Chromium, or the one from npm). Writes the phone layout (390 px: header, open menu, deliverables, a paper
// with its comments below it) and the 1280 px header, in English and Chinese, and a paper with a comment
// beside its passage at 1280 px.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const out = join(root, 'docs', 'screenshots');

if (process.env.SCREENSHOTS_BUILD === 'true') {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { chromium } = require('playwright-core');
const { findChromium } = require(join(root, 'dist/api/libs/api/browser/src/index.js'));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-screenshots-'));
  const child = spawn(process.execPath, [join(root, 'dist/api/apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST: join(root, 'dist/web'),
      // December 2021: the plan's today line sits in M24, where the walk-through saw it overlap the ticks.
      ROUNDTABLE_CLOCK: '2021-12-20T08:00:00Z',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error('the server did not start within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, stop };
}

async function signedIn(browser, baseUrl, locale, width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.addInitScript((chosen) => localStorage.setItem('roundtable.locale', chosen), locale);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', 'coordinator@example.org');
  await page.fill('input[name="password"]', 'roundtable-demo');
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="current-user"]');
  return { context, page };
}

/**
 * Waits until the page's requests are done and no font is loading after two frames (threads are placed after a
 * frame). Chinese subsets load when their characters first appear: content that arrives after an earlier
 * `fonts.ready` starts new loads, and a picture taken then shows boxes where those characters go.
 */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      document.fonts.ready
        .then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
        .then(() => document.fonts.status === 'loaded'),
    undefined,
    { polling: 100, timeout: 15_000 },
  );
}

/** Comments on a passage near the end of the first WG1 paper; returns the paper's path. */
async function commentOnPaper(page, baseUrl) {
  const documents = await (await page.context().request.get(`${baseUrl}/api/documents`)).json();
  const path = `/documents/${documents.find((d) => d.workingGroupCode === 'WG1').id}`;
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('[data-testid="collab-status"][data-status="connected"]');
  await page.waitForSelector('[data-testid="editor"] .ProseMirror h1');
  const sentence = 'A survey of hospitals in three countries will show how care pathways differ.';
  await page.locator('[data-testid="editor"] .ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(sentence);
  // A DOM selection over the sentence; ProseMirror picks it up.
  await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="editor"] .ProseMirror');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return;
    }
  }, sentence);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.click('[data-testid="add-comment"]');
  await page.fill('[data-testid="new-comment-body"]', 'Could we name the partners who run the survey here?');
  await page.click('[data-testid="new-comment-submit"]');
  await page.waitForSelector('[data-testid="comment-thread"]');
  return path;
}

const lookup = await findChromium({ chromiumPath: process.env.CHROMIUM_PATH });
const browser = await chromium.launch({ executablePath: lookup.executablePath, args: lookup.args, headless: true });
const server = await startServer();
mkdirSync(out, { recursive: true });
try {
  const desk = await signedIn(browser, server.baseUrl, 'en', 1280, 900);
  const paper = await commentOnPaper(desk.page, server.baseUrl);
  await settle(desk.page);
  await desk.page.screenshot({ path: join(out, 'paper-1280-en-comments.png') });
  await desk.context.close();
  for (const locale of ['en', 'zh-CN']) {
    const tag = locale === 'en' ? 'en' : 'zh';
    // 1280 px: the header on one line.
    const wide = await signedIn(browser, server.baseUrl, locale, 1280, 720);
    await settle(wide.page);
    await wide.page.locator('[data-testid="app-header"]').screenshot({ path: join(out, `header-1280-${tag}.png`) });
    await wide.context.close();

    // 390 px: the header, the open menu, the plan and a paper with its comments below it.
    const phone = await signedIn(browser, server.baseUrl, locale, 390, 844);
    await settle(phone.page);
    await phone.page.screenshot({ path: join(out, `phone-390-${tag}-home.png`) });
    await phone.page.click('[data-testid="menu-button"]');
    await phone.page.waitForSelector('[data-testid="main-nav"] a:visible');
    await settle(phone.page);
    await phone.page.screenshot({ path: join(out, `phone-390-${tag}-menu.png`) });
    await phone.page.click('[data-testid="nav-plan"]');
    await phone.page.waitForSelector('[data-testid="timeline-today"]');
    await settle(phone.page);
    await phone.page.screenshot({ path: join(out, `phone-390-${tag}-plan.png`), fullPage: true });
    await phone.page.goto(`${server.baseUrl}${paper}`);
    await phone.page.waitForSelector('[data-testid="comment-thread"]');
    await settle(phone.page);
    await phone.page.screenshot({ path: join(out, `phone-390-${tag}-paper.png`), fullPage: true });
    await phone.context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`screenshots written to ${out}`);
