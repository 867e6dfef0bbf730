// <comment-box> and the drop-in, this working tree against a base revision, in one run:
//   (a) bytes each kind of page downloads (brotli, quality 11, of every script file the page fetched),
//   (b) time from the listing's response to the 100th comment in the DOM,
//   (c) the longest task while a 500-comment thread is drawn, over INKWELL_BENCH_RUNS runs (default 10).
// It prints figures; it is not a pass/fail test.
//
//   npm run bench:comments [-- --base REV]   (default: the merge-base with main, or HEAD~1 on main itself)
//
// Both revisions are built with their own rollup.config.js (the drop-in files in dist/: the current one
// here, the base's in a temporary directory holding `git archive` of its src/ and build files, resolving
// packages from this checkout's node_modules). Each is served from its own node:http server on 127.0.0.1
// with an API answering GET /v1/threads/<t>/comments; pages load dist/inkwell.js as a module, whatever
// that file is (one bundle, or a loader that fetches chunks: the bytes are those of every .js requested).
// Debian Chromium (CHROMIUM=/usr/bin/chromium), a fresh context per run, runs of the two revisions
// interleaved so that a busy machine weighs on both alike.
//   (b) a thread of 100 top-level comments, <comment-box eager page-size="100">: from the listing's
//       responseEnd (Resource Timing) to the MutationObserver callback that finds 100 <article>s; on an
//       empty page, where the box's dates are the page's first Intl use (its locale data costs 15-25 ms
//       once per page), and on an article page whose other elements were drawn first.
//   (c) 100 top-level comments with chains of 4 replies: PerformanceObserver 'longtask' (which reports only
//       tasks of 50 ms or more) from connecting the element until all 500 are drawn and 300 ms more.
/* global document, customElements, MutationObserver -- the measure functions run in the page */
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { baseRevision, git } from './base-revision.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.INKWELL_BENCH_RUNS ?? 10);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUN_TIMEOUT_MS = 30_000;

const watchdog = setTimeout(() => {
  console.error('bench/comment-box.js: gave up after 10 minutes');
  process.exit(2);
}, 10 * 60_000);
watchdog.unref();

/** Builds the drop-in files (rollup only; the npm modules are not needed) in `dir`. */
function build(dir, label) {
  const rollup = join(ROOT, 'node_modules/rollup/dist/bin/rollup');
  const built = spawnSync(process.execPath, [rollup, '-c', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  if (built.status !== 0) throw new Error(`building ${label} failed`);
}

/** The base revision's sources and build files in a temporary directory, built. */
function buildBase(rev) {
  const dir = mkdtempSync(join(tmpdir(), 'inkwell-bench-cb-'));
  const paths = git('ls-tree', '--name-only', rev, '--', 'src', 'package.json', 'tsconfig.json', 'rollup.config.js').split('\n');
  const archive = execFileSync('git', ['archive', '--format=tar', rev, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  build(dir, `base ${rev.slice(0, 7)}`);
  return dir;
}

// —— the API's threads ——

const NAMES = ['Ada Okafor', 'Lin Mei', 'Jonas Berg', 'Nushama Wellness', 'Tomás Ruiz'];

function makeComment(thread, id, parentId, n, body, start) {
  const name = NAMES[n % NAMES.length];
  return { id, thread, parentId, author: { id: `a${n % NAMES.length}`, name, guest: false }, body, createdAt: new Date(start + n * 60_000).toISOString(), status: 'published' };
}

/** `top` top-level comments, each followed by a chain of `chain` replies, in the API's JSON shape. */
function thread(name, top, chain) {
  const start = Date.now() - 3 * 24 * 3_600_000;
  const comments = [];
  const replies = [];
  for (let i = 0; i < top; i++) {
    const n = i * (chain + 1);
    comments.push(makeComment(name, `c${i}`, null, n, `Comment ${i + 1}: ${i % 4 === 0 ? 'with **emphasis**, `code` and a [link](https://example.com/).' : 'proofreading is reading slowly, on purpose.'}`, start));
    let parent = `c${i}`;
    for (let depth = 1; depth <= chain; depth++) {
      const id = `c${i}-${depth}`;
      replies.push(makeComment(name, id, parent, n + depth, `A reply at depth ${depth}.\n\n> quoting the one above\n\nand a second paragraph.`, start));
      parent = id;
    }
  }
  return JSON.stringify({ comments: [...comments, ...replies], total: comments.length + replies.length, nextCursor: null });
}

const THREADS = { hundred: thread('hundred', 100, 0), long: thread('long', 100, 4) };

const ARTICLE = '<main style="max-width: 42rem"><h1>An article</h1><p>Text above the comments.</p></main>';
const PAGES = {
  'article (reading-time, author-badge, article-card)': {
    tags: ['reading-time', 'author-badge', 'article-card'],
    body: `<reading-time>A few words to count.</reading-time><author-badge name="Ada Okafor"></author-badge><article-card href="https://example.com/" heading="Next"></article-card>${ARTICLE}`,
  },
  'article with comments (+ comment-box)': {
    tags: ['reading-time', 'author-badge', 'article-card', 'comment-box'],
    body: `<reading-time>A few words to count.</reading-time><author-badge name="Ada Okafor"></author-badge><article-card href="https://example.com/" heading="Next"></article-card>${ARTICLE}<comment-box api="/v1" thread="empty" eager></comment-box>`,
  },
  'all five elements': {
    tags: ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'],
    body: `<reading-time>A few words to count.</reading-time><author-badge name="Ada Okafor"></author-badge><article-card href="https://example.com/" heading="Next"></article-card><typo-reporter></typo-reporter>${ARTICLE}<comment-box api="/v1" thread="empty" eager></comment-box>`,
  },
  'bench (empty page)': { tags: [], body: `${ARTICLE}` },
};

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>comment-box bench</title>
<script type="module" src="/inkwell.js"></script></head><body>${body}</body></html>`;

function startServer(dist) {
  const server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://localhost');
    const kind = searchParams.get('page');
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(PAGES[kind]?.body ?? ARTICLE));
      return;
    }
    const listing = /^\/v1\/threads\/([\w-]+)\/comments$/.exec(pathname);
    if (listing && request.method === 'GET') {
      const body = THREADS[listing[1]] ?? '{"comments":[],"total":0,"nextCursor":null}';
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
      return;
    }
    const file = normalize(join(dist, pathname));
    if (file.startsWith(dist) && extname(file) === '.js' && existsSync(file)) {
      response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(readFileSync(file));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"not found"}}');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Runs in the page: connects a comment box and waits for `expected` comments, measuring as the header says. */
async function measure({ threadName, expected, timeoutMs }) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const element = document.createElement('comment-box');
  for (const [name, value] of Object.entries({ api: '/v1', thread: threadName, eager: '', 'page-size': '100' })) element.setAttribute(name, value);
  const t0 = performance.now();
  document.querySelector('main').append(element);
  await customElements.whenDefined('comment-box');
  await new Promise((next) => (element.shadowRoot ? next() : setTimeout(next, 0)));
  let drawn;
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`timed out: ${element.shadowRoot?.querySelectorAll('article').length ?? 0} of ${expected} comments drawn`)), timeoutMs);
    const check = () => {
      if ((element.shadowRoot?.querySelectorAll('article').length ?? 0) < expected) return;
      drawn = performance.now();
      mutations.disconnect();
      clearTimeout(timer);
      done();
    };
    const mutations = new MutationObserver(check);
    const watch = () => (element.shadowRoot ? mutations.observe(element.shadowRoot, { childList: true, subtree: true }) : setTimeout(watch, 1));
    watch();
  });
  await new Promise((next) => setTimeout(next, 300));
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const listing = performance.getEntriesByType('resource').find((entry) => entry.name.includes(`/threads/${threadName}/comments`));
  const during = tasks.filter((task) => task.startTime + task.duration >= t0);
  return {
    afterResponse: drawn - listing.responseEnd,
    longestTask: Math.max(0, ...during.map((task) => task.duration)),
    // start+duration, ms from connecting the element; r marks the listing's responseEnd
    longTasks: during.map((task) => `${Math.round(task.startTime - t0)}+${Math.round(task.duration)}`).join(' ') + ` (r ${Math.round(listing.responseEnd - t0)})`,
    heading: element.shadowRoot.querySelector('h2')?.textContent,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function withPage(browser, port, kind, work) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    const tab = await context.newPage();
    tab.setDefaultTimeout(RUN_TIMEOUT_MS);
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    const scripts = new Set();
    tab.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    await tab.goto(`http://127.0.0.1:${port}/?page=${encodeURIComponent(kind)}`, { waitUntil: 'load' });
    const result = await work(tab, scripts);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** (a) The scripts a page of each kind fetches once its elements are defined and drawn, brotli bytes. */
async function pageBytes(browser, port, dist) {
  const out = {};
  for (const [kind, { tags }] of Object.entries(PAGES)) {
    if (!tags.length) continue;
    out[kind] = await withPage(browser, port, kind, async (tab, scripts) => {
      await tab.waitForFunction((names) => names.every((name) => customElements.get(name)), tags);
      await tab.waitForTimeout(500);
      const files = [...scripts].sort();
      return { bytes: files.reduce((sum, file) => sum + brotli(readFileSync(join(dist, file))), 0), files: files.length };
    });
  }
  return out;
}

async function main() {
  const rev = baseRevision();
  console.log(`current: the working tree at ${git('rev-parse', '--short', 'HEAD')}; base: ${git('log', '-1', '--format=%h %s', rev).slice(0, 100)}`);
  console.log('building both (rollup) …');
  build(ROOT, 'the working tree');
  const baseDir = buildBase(rev);
  const dists = { current: join(ROOT, 'dist'), base: join(baseDir, 'dist') };
  const servers = {};
  let browser;
  try {
    for (const [name, dist] of Object.entries(dists)) servers[name] = await startServer(dist);
    const port = (name) => servers[name].address().port;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'], timeout: 30_000 });
    console.log(`Chromium ${browser.version()}, ${RUNS} runs per revision, interleaved`);

    const bytes = {};
    for (const name of ['current', 'base']) bytes[name] = await pageBytes(browser, port(name), dists[name]);
    console.log('\n(a) JavaScript a page downloads, brotli bytes (files fetched)');
    console.table(
      Object.fromEntries(
        Object.keys(bytes.current).map((kind) => [
          kind,
          { current: `${bytes.current[kind].bytes} (${bytes.current[kind].files})`, base: `${bytes.base[kind].bytes} (${bytes.base[kind].files})`, change: `${(((bytes.current[kind].bytes - bytes.base[kind].bytes) / bytes.base[kind].bytes) * 100).toFixed(1)} %` },
        ]),
      ),
    );

    const runs = { current: { hundred: [], article: [], long: [] }, base: { hundred: [], article: [], long: [] } };
    const cases = [
      ['hundred', 'bench (empty page)', 'hundred', 100],
      ['article', 'article (reading-time, author-badge, article-card)', 'hundred', 100],
      ['long', 'bench (empty page)', 'long', 500],
    ];
    for (let run = 0; run < RUNS; run++) {
      for (const name of run % 2 ? ['base', 'current'] : ['current', 'base']) {
        for (const [key, kind, threadName, expected] of cases) {
          const result = await withPage(browser, port(name), kind, (tab) => tab.evaluate(measure, { threadName, expected, timeoutMs: RUN_TIMEOUT_MS - 5_000 }));
          if (result.heading !== `Comments (${expected})`) throw new Error(`${name}: unexpected heading "${result.heading}"`);
          runs[name][key].push(result);
        }
      }
    }
    const figures = (values) => `median ${median(values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}`;
    const afterResponse = (name, key = 'hundred') => runs[name][key].map((r) => r.afterResponse);
    const longest = (name) => runs[name].long.map((r) => r.longestTask);
    console.log('\n(b) 100 comments: ms from the listing\'s responseEnd to the 100th comment in the DOM');
    console.table(
      Object.fromEntries(
        ['current', 'base'].map((name) => [name, { 'empty page (its first Intl use is the box\'s)': figures(afterResponse(name)), 'article page (three other elements drawn first)': figures(afterResponse(name, 'article')) }]),
      ),
    );
    console.log('\n(c) 500 comments: longest task per run, ms (0: none of 50 ms or more)');
    console.table(
      Object.fromEntries(
        ['current', 'base'].map((name) => [name, { runs: longest(name).map(Math.round).join(' '), 'runs without a task >= 50 ms': `${longest(name).filter((ms) => ms < 50).length} of ${RUNS}` }]),
      ),
    );
    for (const name of ['current', 'base']) {
      console.log(`${name}, long tasks as start+duration from connecting (r: responseEnd): ${runs[name].long.map((r) => r.longTasks).join(' | ')}`);
    }
  } finally {
    await browser?.close();
    for (const server of Object.values(servers)) await new Promise((done) => server.close(done));
    rmSync(baseDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
