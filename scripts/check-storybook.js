// Loads the built Storybook (`npm run build-storybook`, or the folder given) in headless Chromium and
// checks what a reader of the docs sees: no story warns "Multiple versions of Lit loaded"; each docs page
// renders, and the comment-box page shows comments from the fake API; attribute controls are filed as
// properties (not under "CSS shadow parts") and `headline` & co. have text controls.
// Usage: node scripts/check-storybook.js [storybook-static | http://127.0.0.1:6006 (a running `npm run storybook`)]
// Lit's "Multiple versions" warning exists only in its development build, which the dev server serves.
/* global document, window -- callbacks run in the page */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const target = process.argv[2] ?? 'storybook-static';
const live = /^https?:/.test(target);
const dir = resolve(target);
if (!live && !existsSync(join(dir, 'index.json'))) {
  console.error(`${dir} holds no built Storybook: run npm run build-storybook first`);
  process.exit(1);
}
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((request, response) => {
  let path = join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!path.startsWith(dir) || !existsSync(path)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
let origin = target.replace(/\/+$/, '');
if (!live) {
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
}

const index = live ? await (await fetch(`${origin}/index.json`)).json() : JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries);
const failures = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  let messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));

  // Every story: Lit is loaded once (the warning is printed when a second copy is evaluated).
  let litWarnings = 0;
  for (const entry of entries.filter((candidate) => candidate.type === 'story')) {
    messages = [];
    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=story`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, { timeout: 15_000 }).catch(() => failures.push(`${entry.id}: nothing rendered`));
    const lit = messages.filter((message) => /Multiple versions of Lit/.test(message));
    litWarnings += lit.length;
    if (lit.length) failures.push(`${entry.id}: ${lit[0]}`);
    const errors = messages.filter((message) => message.startsWith('pageerror'));
    if (errors.length) failures.push(`${entry.id}: ${errors.join('; ')}`);
  }
  console.log(`stories loaded: ${entries.filter((entry) => entry.type === 'story').length}, "Multiple versions of Lit" warnings: ${litWarnings}`);

  // Controls: what the docs table files each name under, and which control it gets.
  await page.goto(`${origin}/iframe.html?id=elements-article-card--stacked&viewMode=story`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('article-card')?.shadowRoot);
  const argTypes = await page.evaluate(async () => {
    const preview = window.__STORYBOOK_PREVIEW__;
    const story = await preview.storyStoreValue.loadStory({ storyId: 'elements-article-card--stacked' });
    return Object.fromEntries(Object.entries(story.argTypes).map(([name, argType]) => [name, { category: argType.table?.category, control: argType.control?.type ?? argType.control }]));
  });
  for (const name of ['headline', 'excerpt', 'image', 'tags']) {
    console.log(`article-card ${name}: category ${argTypes[name]?.category}, control ${argTypes[name]?.control}`);
    if (argTypes[name]?.category !== 'properties' || argTypes[name]?.control !== 'text') failures.push(`article-card ${name}: ${JSON.stringify(argTypes[name])}`);
  }
  const parts = Object.entries(argTypes).filter(([, argType]) => argType.category === 'css shadow parts').map(([name]) => name);
  console.log(`article-card parts: ${parts.join(' ')}`);
  if (parts.some((name) => !name.startsWith('::part('))) failures.push(`parts that are not parts: ${parts.join(', ')}`);

  // Docs pages: each renders; the comment box's shows comments from the fake API.
  for (const entry of entries.filter((candidate) => candidate.type === 'docs')) {
    messages = [];
    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=docs`, { waitUntil: 'load' });
    const rendered = await page.waitForFunction(() => document.querySelectorAll('.docs-story').length > 0, null, { timeout: 20_000 }).then(() => true, () => false);
    if (!rendered) failures.push(`${entry.id}: the docs page rendered no story`);
    if (messages.some((message) => /Multiple versions of Lit/.test(message))) failures.push(`${entry.id}: Multiple versions of Lit`);
    if (entry.id !== 'elements-comment-box--docs') continue;
    const shown = await page.waitForFunction(() => {
      const boxes = [...document.querySelectorAll('comment-box')];
      const withComments = boxes.filter((box) => box.shadowRoot?.querySelector('[part~="comment"]'));
      // The first box is the page's primary story, at its top: it must have loaded.
      return withComments.length >= 3 && withComments[0] === boxes[0] && { boxes: boxes.length, withComments: withComments.length, first: withComments[0].shadowRoot.querySelector('[part~="comment"]').textContent.trim().replace(/\s+/g, ' ').slice(0, 80) };
    }, null, { timeout: 30_000 }).then((handle) => handle.jsonValue(), () => null);
    const loading = await page.evaluate(() => [...document.querySelectorAll('comment-box')].filter((box) => /Loading comments/.test(box.shadowRoot?.textContent ?? '')).length);
    console.log(`comment-box docs: ${shown ? `${shown.withComments} of ${shown.boxes} boxes show comments, e.g. "${shown.first}"` : 'no comments shown'}; still loading: ${loading}`);
    if (!shown) failures.push('comment-box docs page shows no comments');
  }
} finally {
  await browser.close();
  if (!live) server.close();
}
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(failures.length ? `storybook: ${failures.length} problems` : 'storybook: all checks passed');
process.exit(failures.length ? 1 : 0);
