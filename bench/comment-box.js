// <comment-box> figures: (a) its share of the drop-in bundle, (b) time to first render of a
// 500-comment thread in Chromium, with the longest task. Prints figures; it is not a pass/fail test.
//
//   node bench/comment-box.js      (INKWELL_BENCH_RUNS=5, CHROMIUM=/usr/bin/chromium)
//
// (a) builds src/index.ts and the same entry without ./comment-box/define.js through the production
//     rollup pipeline (rollup.config.js's plugins: esbuild, template-literal minification, terser) and
//     compares raw, gzip (level 9) and brotli (quality 11) sizes. The entry without the comment box
//     re-exports src/elements.ts minus its comment-box lines, so only the box and what it alone pulls in
//     go. <author-badge>, which the box uses, stays: another element registers it too. The box's
//     strings in the built-in message catalogues (core/messages) are shared data and stay as well.
// (b) serves a page with dist/inkwell.js (built by `npm run build` if missing) and an API answering
//     GET /v1/threads/t/comments with 100 top-level comments and 400 replies (chains of 4), from one
//     in-process node:http server on 127.0.0.1; in Debian Chromium it connects
//     <comment-box eager page-size="100"> and measures, from connecting the element: the first comment
//     in its shadow DOM, all 500 there, the longest task (PerformanceObserver 'longtask', which only
//     reports tasks of 50 ms or more) and the longest gap between animation frames.
/* global document, customElements, requestAnimationFrame, MutationObserver -- measure() runs in the page */
import { rollup } from 'rollup';
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.INKWELL_BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUN_TIMEOUT_MS = 30_000;
const TOP_LEVEL = 100;
const CHAIN = 4;

// The whole bench is bounded: builds, browser and server together.
const watchdog = setTimeout(() => {
  console.error('bench/comment-box.js: gave up after 5 minutes');
  process.exit(2);
}, 5 * 60_000);
watchdog.unref();

process.chdir(ROOT); // rollup.config.js's plugin options are relative to the repository

const sizes = (code) => {
  const raw = Buffer.from(code);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

async function bundle(input, plugins) {
  const build = await rollup({
    input,
    plugins,
    onwarn(warning, warn) {
      if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
    },
  });
  try {
    const { output } = await build.generate({ format: 'es' });
    return output[0].code;
  } finally {
    await build.close();
  }
}

async function bundleShare() {
  const { default: config } = await import('../rollup.config.js');
  const dir = mkdtempSync(join(tmpdir(), 'inkwell-bench-cb-'));
  try {
    const src = join(ROOT, 'src');
    const defines = ['reading-time', 'author-badge', 'article-card', 'typo-reporter'].map((name) => `import '${join(src, name, 'define.ts')}';`);
    const exports = readFileSync(join(src, 'elements.ts'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('export') && !line.includes('comment-box'))
      // Absolute paths to the .ts sources: the esbuild plugin maps .js to .ts only inside src.
      .map((line) => line.replace(/'\.\/([^']+)\.js'/, (_, path) => `'${join(src, path)}.ts'`));
    const entry = join(dir, 'without-comment-box.ts');
    writeFileSync(entry, [...defines, ...exports, ''].join('\n'));

    const full = sizes(await bundle(join(src, 'index.ts'), config.plugins));
    const without = sizes(await bundle(entry, config.plugins));
    const rows = {
      'all five elements (src/index.ts)': full,
      'without comment-box': without,
      'comment-box share': Object.fromEntries(Object.keys(full).map((key) => [key, full[key] - without[key]])),
    };
    console.log('\n(a) <comment-box> in the drop-in bundle (ES module, production rollup pipeline), bytes');
    console.table(rows);
    const share = rows['comment-box share'];
    console.log(`comment-box share: ${(share.brotli / 1024).toFixed(2)} KB brotli, ${(share.gzip / 1024).toFixed(2)} KB gzip, ${(share.raw / 1024).toFixed(2)} KB raw (${((100 * share.brotli) / full.brotli).toFixed(1)} % of the brotli bundle)`);
    if (existsSync('dist/inkwell.js')) {
      const dist = readFileSync('dist/inkwell.js', 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '').length;
      console.log(`(dist/inkwell.js without its sourceMappingURL line: ${dist} bytes; this build: ${full.raw}${dist === full.raw ? ', the same' : ', differs: dist or src changed since the last npm run build'})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// —— (b) time to first render ——

const NAMES = ['Ada Okafor', 'Lin Mei', 'Jonas Berg', 'Nushama Wellness', 'Tomás Ruiz'];

/** 100 top-level comments and 400 replies in the API's JSON shape (server/README.md, "The API"). */
function thread() {
  const start = Date.now() - 3 * 24 * 3_600_000;
  const comments = [];
  const make = (id, parentId, n, body) => {
    const name = NAMES[n % NAMES.length];
    return { id, thread: 't', parentId, author: { id: `a${n % NAMES.length}`, name, guest: false }, body, createdAt: new Date(start + n * 60_000).toISOString(), status: 'published' };
  };
  const replies = [];
  for (let i = 0; i < TOP_LEVEL; i++) {
    const n = i * (CHAIN + 1);
    comments.push(make(`c${i}`, null, n, `Comment ${i + 1}: ${i % 4 === 0 ? 'with **emphasis**, `code` and a [link](https://example.com/).' : 'proofreading is reading slowly, on purpose.'}`));
    let parent = `c${i}`;
    for (let depth = 1; depth <= CHAIN; depth++) {
      const id = `c${i}-${depth}`;
      replies.push(make(id, parent, n + depth, `A reply at depth ${depth}.\n\n> quoting the one above\n\nand a second paragraph.`));
      parent = id;
    }
  }
  return { comments: [...comments, ...replies], total: comments.length + replies.length, nextCursor: null };
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>comment-box bench</title>
<script type="module" src="/inkwell.js"></script></head>
<body><main style="max-width: 42rem"><h1>An article</h1><p>Text above the comments.</p></main></body></html>`;

function startServer() {
  const bundleCode = readFileSync(join(ROOT, 'dist/inkwell.js'));
  const body = JSON.stringify(thread());
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (pathname === '/inkwell.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundleCode);
    } else if (/^\/chunks\/[\w-]+\.js$/.test(pathname)) {
      // The loader imports each element's chunk from beside it.
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(ROOT, 'dist', pathname)));
    } else if (pathname === '/v1/threads/t/comments' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"not found"}}');
    }
  });
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)));
}

/** Runs in the page: connects the element and measures until all comments are in its shadow DOM. */
async function measure({ expected, timeoutMs }) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let framing = true;
  let lastFrame = performance.now();
  let longestFrameGap = 0;
  const frame = (now) => {
    longestFrameGap = Math.max(longestFrameGap, now - lastFrame);
    lastFrame = now;
    if (framing) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  await new Promise((next) => requestAnimationFrame(next));

  const element = document.createElement('comment-box');
  for (const [name, value] of Object.entries({ api: '/v1', thread: 't', eager: '', 'page-size': '100' })) element.setAttribute(name, value);
  let first;
  let all;
  const t0 = performance.now();
  document.querySelector('main').append(element);
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`timed out: ${element.shadowRoot?.querySelectorAll('article').length ?? 0} of ${expected} comments rendered`)), timeoutMs);
    const mutations = new MutationObserver(() => {
      const count = element.shadowRoot.querySelectorAll('article').length;
      const now = performance.now();
      if (count > 0 && first === undefined) first = now - t0;
      if (count >= expected) {
        all = now - t0;
        mutations.disconnect();
        clearTimeout(timer);
        done();
      }
    });
    mutations.observe(element.shadowRoot, { childList: true, subtree: true });
  });
  // Let the last frame be drawn and its task be reported.
  await new Promise((next) => setTimeout(next, 300));
  framing = false;
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const during = tasks.filter((task) => task.startTime + task.duration >= t0);
  return {
    first,
    all,
    longestTask: Math.max(0, ...during.map((task) => task.duration)),
    longTasks: during.length,
    longTaskTimes: during.map((task) => `${Math.round(task.startTime - t0)}+${Math.round(task.duration)}`),
    longestFrameGap,
    heading: element.shadowRoot.querySelector('h2')?.textContent,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function firstRender() {
  if (!existsSync(join(ROOT, 'dist/inkwell.js'))) {
    console.log('\ndist/inkwell.js is missing: npm run build');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const server = await startServer();
  const { port } = server.address();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      timeout: 30_000,
    });
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(RUN_TIMEOUT_MS);
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
        await page.waitForFunction(() => customElements.get('comment-box') !== undefined);
        const result = await page.evaluate(measure, { expected: TOP_LEVEL * (CHAIN + 1), timeoutMs: RUN_TIMEOUT_MS - 5_000 });
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
        if (result.heading !== `Comments (${TOP_LEVEL * (CHAIN + 1)})`) throw new Error(`unexpected heading "${result.heading}"`);
        runs.push(result);
      } finally {
        await context.close();
      }
    }
    const version = browser.version();
    const row = (key) => ({ median: Number(median(runs.map((r) => r[key])).toFixed(1)), max: Number(Math.max(...runs.map((r) => r[key])).toFixed(1)) });
    console.log(`\n(b) <comment-box eager page-size="100">, ${TOP_LEVEL} top-level comments + ${TOP_LEVEL * CHAIN} replies, dist/inkwell.js, Chromium ${version}, ${RUNS} runs, ms from connecting the element`);
    console.table({
      'first comment rendered': row('first'),
      'all 500 rendered': row('all'),
      'longest task (longtask, >= 50 ms only)': row('longestTask'),
      'long tasks (count)': row('longTasks'),
      'longest gap between frames': row('longestFrameGap'),
    });
    console.log('runs:', runs.map((r) => `first ${r.first.toFixed(1)}, all ${r.all.toFixed(1)}, long tasks [${r.longTaskTimes.join(', ')}], frame gap ${r.longestFrameGap.toFixed(1)}`).join(' | '));
    console.log('(long tasks as start+duration in ms from connecting; a longest task of 0 means none reached 50 ms; the first comment includes the loopback fetch)');
  } finally {
    await browser?.close();
    await new Promise((done) => server.close(done));
  }
}

try {
  await bundleShare();
  await firstRender();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
