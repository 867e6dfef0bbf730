// The README's "Render on the server", followed literally: its Node example runs as it stands (with
// inkwell-elements installed as a link to this build), its Eleventy config is examples/eleventy's, and
// that site is built with Eleventy 3 and read in Chromium and Firefox, without JavaScript and with it.
// Only the example API origin is replaced, by the local server that serves the built site.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { launchChromium, launchFirefox } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXAMPLE = join(ROOT, 'examples/eleventy');
const API = 'https://comments.example.com';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** The fenced block right after `<!-- ssr: name -->`. */
function readmeBlock(name) {
  const match = new RegExp(`<!-- ssr: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!match) throw new Error(`README.md has no code block marked <!-- ssr: ${name} -->`);
  return match[1];
}

/** The text of rendered HTML without Lit's markers, styles and tags. */
const text = (html) =>
  html
    .replace(/<!--[^]*?-->|<\?>/g, '')
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe("the README's \"Render on the server\"", () => {
  const scratch = mkdtempSync(join(tmpdir(), 'inkwell-ssr-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  before(() => assert.ok(existsSync(join(ROOT, 'dist/esm/ssr/ssr.js')), 'run `npm run build` first'));

  it('runs the Node example as it stands', () => {
    const project = join(scratch, 'node');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'try-ssr', private: true, type: 'module' }));
    symlinkSync(ROOT, join(project, 'node_modules/inkwell-elements'), 'dir');
    writeFileSync(join(project, 'render.js'), readmeBlock('node'));
    const html = execFileSync(process.execPath, ['render.js'], { cwd: project, encoding: 'utf8' });
    assert.match(html, /<reading-time\s+minutes="1" lang="en"><template shadowroot="open" shadowrootmode="open">/);
    assert.match(text(html), /1 min read .*The quiet craft of proofreading .*Nushama Wellness .*Nov 20, 2026 .*3 min read .*4 comments .*Comments \(4\)/);
  });

  it("shows examples/eleventy's config", () => {
    assert.equal(readmeBlock('eleventy'), readFileSync(join(EXAMPLE, 'eleventy.config.js'), 'utf8'));
  });
});

describe('examples/eleventy, built with Eleventy', () => {
  const out = mkdtempSync(join(tmpdir(), 'inkwell-eleventy-'));
  let site;

  before(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=eleventy.config.js', `--output=${out}`, '--quiet'], {
      cwd: EXAMPLE,
      encoding: 'utf8',
    });
    site = await serve(out);
  });

  after(async () => {
    await site?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const page = (path) => readFileSync(join(out, path), 'utf8');

  it('renders the listing: a card per post with its image, headline, author, date, minutes and comment count', () => {
    const html = page('index.html');
    const cards = html.match(/<article-card\b[^>]*><template shadowroot="open" shadowrootmode="open">/g) ?? [];
    assert.equal(cards.length, 2);
    const words = text(html);
    assert.match(words, /The quiet craft of proofreading · NW Nushama Wellness · Nov 20, 2026 · 1 min read · 4 comments/);
    assert.match(words, /Why a ruler under the line still works · AL Ada Lovelace · Oct 2, 2026 · 1 min read · 0 comments/);
    assert.match(html, /<img src="\/img\/harbour\.svg"\s+alt="A sailing boat in the harbour" width="1600" height="900"/);
  });

  it('renders a post: the reading time from its text, the badge, the typo hint and the comments heading; the loader beside it', () => {
    const html = page('posts/quiet-craft/index.html');
    assert.match(html, /<reading-time\s+minutes="1" lang="en"><template shadowroot="open" shadowrootmode="open">/);
    const words = text(html);
    for (const shown of ['1 min read', 'Nushama Wellness', '2 posts', 'Nushama edits the Review and reads everything twice.', 'Found a mistake? Select it and press Ctrl + Enter .', 'Comments (4)']) {
      assert.ok(words.includes(shown), `"${shown}" in ${words}`);
    }
    assert.match(html, /<script type="module" src="\/assets\/inkwell\/inkwell\.js"><\/script>/);
    for (const file of ['inkwell.js', 'chunks/lit.js', 'chunks/hydrate.js', 'chunks/comment-box.js']) assert.ok(existsSync(join(out, 'assets/inkwell', file)), file);
  });

  for (const [name, launch] of [
    ['Chromium', () => launchChromium()],
    ['Firefox', () => launchFirefox({ extraPrefsFirefox: { 'javascript.enabled': false } })],
  ]) {
    it(`reads in ${name} without JavaScript`, async () => {
      const browser = await launch();
      try {
        const tab = name === 'Chromium' ? await browser.newPage({ javaScriptEnabled: false }) : await browser.newPage();
        await tab.goto(`${site.url}/`, { waitUntil: 'load' });
        const cards = await tab.evaluate(() =>
          [...document.querySelectorAll('article-card')].map((card) => {
            const root = card.shadowRoot;
            const image = root?.querySelector('[part="image"] img');
            return {
              headline: root?.querySelector('[part="headline"]')?.textContent.trim(),
              author: root?.querySelector('author-badge')?.shadowRoot?.querySelector('[part="name"]')?.textContent.trim(),
              meta: root?.querySelector('[part="meta"]')?.textContent.replace(/\s+/g, ' ').trim(),
              image: image ? image.getBoundingClientRect().width > 100 && image.complete && image.naturalWidth > 0 : false,
            };
          }),
        );
        assert.deepEqual(cards, [
          { headline: 'The quiet craft of proofreading', author: 'Nushama Wellness', meta: '··Nov 20, 2026·1 min read·4 comments', image: true },
          { headline: 'Why a ruler under the line still works', author: 'Ada Lovelace', meta: '··Oct 2, 2026·1 min read·0 comments', image: true },
        ]);
        await tab.goto(`${site.url}/posts/quiet-craft/`, { waitUntil: 'load' });
        const post = await tab.evaluate(() => ({
          minutes: document.querySelector('reading-time').shadowRoot?.querySelector('time')?.textContent,
          heading: document.querySelector('comment-box').shadowRoot?.querySelector('h2')?.textContent,
          badge: document.querySelector('author-badge').shadowRoot?.querySelector('[part="meta"]')?.textContent,
        }));
        assert.deepEqual(post, { minutes: '1 min read', heading: 'Comments (4)', badge: '2 posts' });
        assert.ok(!site.requests.some((path) => path.startsWith('/assets/')), 'no script was fetched');
      } finally {
        await browser.close();
      }
    });
  }

  it('hydrates in Chromium: no error, neither Lit nor its hydration fetched, the thread loads under the same heading, the typo button works', async () => {
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const problems = [];
      tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      tab.on('pageerror', (error) => problems.push(String(error)));
      site.requests.length = 0;
      await tab.goto(`${site.url}/posts/quiet-craft/`, { waitUntil: 'load' });
      await tab.waitForFunction(() => !!document.querySelector('comment-box').shadowRoot.querySelector('[part="comment"]'), undefined, { timeout: 10_000 });
      const chunks = site.requests.filter((path) => path.startsWith('/assets/inkwell/chunks/'));
      // The post's elements all draw without Lit (the comment box for a signed-out reader too): they take the server's
      // nodes over themselves, so neither Lit nor its hydration is fetched.
      const at = (name) => chunks.indexOf(`/assets/inkwell/chunks/${name}.js`);
      for (const name of ['hydrate', 'lit']) assert.ok(at(name) < 0, `${name}.js fetched: ${chunks.join()}`);
      assert.ok(at('comment-box') >= 0, chunks.join());
      assert.ok(at('typo-reporter') >= 0 && !chunks.includes('/assets/inkwell/chunks/machinery.js'), `the typo reporter without its dialog: ${chunks.join()}`);
      assert.equal(await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelectorAll('h2').length), 1);
      assert.equal(await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelector('h2').textContent), 'Comments (1)');
      await tab.evaluate(() => document.querySelector('typo-reporter').shadowRoot.querySelector('[part="report"]').click());
      await tab.waitForFunction(() => !!document.querySelector('typo-reporter').shadowRoot.querySelector('dialog[open]'), undefined, { timeout: 5000 });
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});

/** Serves the built site, its API origin replaced by this server's, with a thread of one comment. */
function serve(dir) {
  const requests = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requests.push(path);
    const origin = `http://127.0.0.1:${server.address().port}`;
    if (path === '/v1/threads/quiet-craft/comments') {
      const comment = { id: 'c1', thread: 'quiet-craft', parentId: null, author: { id: 'a1', name: 'Grace Hopper', guest: false }, body: 'Reading aloud works.', createdAt: '2026-11-21T10:00:00Z', status: 'published' };
      return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ comments: [comment], total: 1, nextCursor: null }));
    }
    if (path === '/favicon.ico') return response.writeHead(204).end();
    let file = normalize(join(dir, path));
    if (path.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return response.writeHead(404).end();
    const body = extname(file) === '.html' ? readFileSync(file, 'utf8').replaceAll(API, origin) : readFileSync(file);
    return response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((closed) => (server.closeAllConnections(), server.close(closed))) }),
    ),
  );
}
