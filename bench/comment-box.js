// <comment-box> and the drop-in, this working tree against a base revision, in one run:
//   (a) bytes each kind of page downloads: `npm run size`'s figures (scripts/size.js of this checkout, run on
//       each revision's build, with this checkout's page kinds from size-budget.json),
//   (b) time from the listing's response to the 100th comment in the DOM, on an empty page and on an article page,
//   (c) the longest task while a 500-comment thread is drawn,
// each timing over INKWELL_BENCH_RUNS runs (default 10) per revision: medians and spread (min, quartiles, max),
// with the machine's load average seen during the runs. It prints figures; it is not a pass/fail test.
//
//   npm run bench:comments [-- --base REV]   (default: the merge-base with main, or HEAD~1 on main itself)
//
// Both revisions are built with their own rollup.config.js (the drop-in files in dist/: the current one
// here, the base's in a temporary directory holding `git archive` of its src/ and build files, resolving
// packages from this checkout's node_modules). Each is served from its own node:http server on 127.0.0.1
// with an API answering GET /v1/threads/<t>/comments; pages load dist/inkwell.js as a module, whatever
// that file is (one bundle, or a loader that fetches chunks).
// Debian Chromium (CHROMIUM=/usr/bin/chromium), a fresh context per run, runs of the two revisions
// interleaved so that a busy machine weighs on both alike.
//   (b) a thread of 100 top-level comments, <comment-box eager page-size="100">: from the listing's
//       responseEnd (Resource Timing) to the MutationObserver callback that finds 100 <article>s; on an
//       empty page, where the box's dates are the page's first Intl use (its locale data costs 15-25 ms
//       once per page), and on an article page (reading-time, author-badge, article-card) drawn first.
//   (c) 100 top-level comments with chains of 4 replies: PerformanceObserver 'longtask' (which reports only
//       tasks of 50 ms or more) from connecting the element until all 500 are drawn and 300 ms more.
/* global document, customElements, MutationObserver, requestAnimationFrame -- the measure functions run in the page */
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
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
  // scripts/: rollup.config.js imports its helpers from there (private-members.js).
  const paths = git('ls-tree', '--name-only', rev, '--', 'src', 'scripts', 'package.json', 'tsconfig.json', 'rollup.config.js').split('\n');
  const archive = execFileSync('git', ['archive', '--format=tar', rev, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  build(dir, `base ${rev.slice(0, 7)}`);
  // The same page kinds for both: this checkout's.
  copyFileSync(join(ROOT, 'size-budget.json'), join(dir, 'size-budget.json'));
  return dir;
}

/** The rows of each console.table in `text`, as objects keyed by the header's column names. */
function parseTables(text) {
  const tables = [];
  let header;
  for (const line of text.split('\n')) {
    if (!line.startsWith('│')) {
      if (line.startsWith('└')) header = undefined;
      continue;
    }
    const cells = line.split('│').slice(1, -1).map((cell) => cell.trim().replace(/^'(.*)'$/, '$1'));
    if (!header) tables.push({ header: (header = cells), rows: [] });
    else tables.at(-1).rows.push(Object.fromEntries(header.map((name, i) => [name, cells[i]])));
  }
  return tables;
}

/** `npm run size`'s figures for the build in `dir`: brotli bytes per page kind (before interaction) and per file. */
function sizeFigures(dir) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/size.js')], { cwd: dir, encoding: 'utf8' });
  const tables = parseTables(run.stdout ?? '');
  const pages = tables.find((table) => table.header.includes('page'))?.rows ?? [];
  const files = tables.find((table) => table.header.includes('file'))?.rows ?? [];
  if (!pages.length) console.warn(`scripts/size.js gave no page figures in ${dir}: ${run.stderr?.trim().split('\n').at(-1)}`);
  return {
    pages: Object.fromEntries(pages.map((row) => [row.page, Number(row['before interaction'])])),
    files: Object.fromEntries(files.map((row) => [row.file, Number(row.brotli)])),
  };
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
  empty: ARTICLE,
  article: `<reading-time>A few words to count.</reading-time><author-badge name="Ada Okafor"></author-badge><article-card href="https://example.com/" heading="Next"></article-card>${ARTICLE}`,
};

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>comment-box bench</title>
<script type="module" src="/inkwell.js"></script></head><body>${body}</body></html>`;

function startServer(dist) {
  const server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://localhost');
    const kind = searchParams.get('page');
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(PAGES[kind] ?? ARTICLE));
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

/** Runs in the page: connects a comment box and waits for `expected` comments, measuring as the header says. */
async function measure({ threadName, expected, timeoutMs }) {
  // The page's own elements first (the article page's three), drawn.
  const others = [...document.body.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
  await Promise.all(others.map((el) => customElements.whenDefined(el.localName).then(() => el.updateComplete)));
  await new Promise((next) => requestAnimationFrame(next));
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

/** The value at fraction `q` of the sorted values, interpolated. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (at - below);
}

/** Median, then the spread: min / lower quartile / upper quartile / max. */
const spread = (values) =>
  `${quantile(values, 0.5).toFixed(1)} (${[0, 0.25, 0.75, 1].map((q) => quantile(values, q).toFixed(0)).join(' / ')})`;

async function withPage(browser, port, kind, work) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    const tab = await context.newPage();
    tab.setDefaultTimeout(RUN_TIMEOUT_MS);
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`http://127.0.0.1:${port}/?page=${encodeURIComponent(kind)}`, { waitUntil: 'load' });
    const result = await work(tab);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
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

    const sizes = { current: sizeFigures(ROOT), base: sizeFigures(baseDir) };
    const change = (now, was) => (Number.isFinite(now) && Number.isFinite(was) ? `${now - was >= 0 ? '+' : ''}${now - was} (${(((now - was) / was) * 100).toFixed(1)} %)` : 'n/a');
    const CHUNK = 'dist/chunks/comment-box.js';
    console.log('\n(a) JavaScript a page downloads before any interaction, brotli bytes (npm run size)');
    console.table(
      Object.fromEntries(
        [...Object.keys(sizes.current.pages).map((kind) => [kind, sizes.current.pages[kind], sizes.base.pages[kind]]), [`${CHUNK} alone`, sizes.current.files[CHUNK], sizes.base.files[CHUNK]]].map(
          ([kind, now, was]) => [kind, { current: now ?? 'n/a', base: was ?? 'n/a', change: change(now, was) }],
        ),
      ),
    );

    const runs = { current: { hundred: [], article: [], long: [] }, base: { hundred: [], article: [], long: [] } };
    const cases = [
      ['hundred', 'empty', 'hundred', 100],
      ['article', 'article', 'hundred', 100],
      ['long', 'empty', 'long', 500],
    ];
    const loads = [];
    for (let run = 0; run < RUNS; run++) {
      for (const name of run % 2 ? ['base', 'current'] : ['current', 'base']) {
        for (const [key, kind, threadName, expected] of cases) {
          loads.push(loadavg()[0]);
          const result = await withPage(browser, port(name), kind, (tab) => tab.evaluate(measure, { threadName, expected, timeoutMs: RUN_TIMEOUT_MS - 5_000 }));
          if (result.heading !== `Comments (${expected})`) throw new Error(`${name}: unexpected heading "${result.heading}"`);
          runs[name][key].push(result);
        }
      }
    }
    const afterResponse = (name, key) => runs[name][key].map((r) => r.afterResponse);
    const longest = (name) => runs[name].long.map((r) => r.longestTask);
    console.log(`\n${RUNS} runs per revision, interleaved; median (min / lower quartile / upper quartile / max), ms`);
    console.log('(b) 100 comments: from the listing\'s responseEnd to the 100th comment in the DOM');
    console.table(
      Object.fromEntries(
        ['current', 'base'].map((name) => [
          name,
          {
            'empty page (its first Intl use is the box\'s)': spread(afterResponse(name, 'hundred')),
            'article page (three other elements drawn first)': spread(afterResponse(name, 'article')),
          },
        ]),
      ),
    );
    console.log('(c) 500 comments: the longest task per run, from connecting the element until all are drawn (0: none of 50 ms or more)');
    console.table(
      Object.fromEntries(
        ['current', 'base'].map((name) => [
          name,
          { 'longest task': spread(longest(name)), 'runs without a task >= 50 ms': `${longest(name).filter((ms) => ms < 50).length} of ${RUNS}`, 'per run': longest(name).map(Math.round).join(' ') },
        ]),
      ),
    );
    for (const name of ['current', 'base']) {
      console.log(`${name}, long tasks as start+duration from connecting (r: responseEnd): ${runs[name].long.map((r) => r.longTasks).join(' | ')}`);
    }
    console.log(`Load average (1 min) during the runs, on ${availableParallelism()} cores: ${spread(loads)}; a loaded machine stretches the timings of both revisions alike.`);
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
