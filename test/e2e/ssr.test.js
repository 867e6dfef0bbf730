// Server-side rendering, in the browsers: a page rendered in Node by `inkwell-elements/ssr` (the built
// package, dist/esm/ssr/ssr.js) is read with JavaScript off in Chromium and Firefox (the reading time,
// the badge, a complete card and the comments heading are there, visible, from the declarative shadow
// roots alone), then with JavaScript and the drop-in loader: the elements hydrate the server's DOM
// (the same nodes, nothing duplicated, nothing moved, CLS 0 in Chromium) and their events work.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { launchChromium, launchFirefox } from './browser.js';

const TYPES = { '.js': 'text/javascript', '.map': 'application/json' };
const PICTURE = (fill) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90" viewBox="0 0 160 90"><rect width="160" height="90" fill="${fill}"/></svg>`;
const COMMENTS = {
  comments: [
    { id: 'c1', thread: 'quiet-craft', parentId: null, author: { id: 'a1', name: 'Grace Hopper', guest: false }, body: 'Reading aloud works.', createdAt: '2026-11-02T10:00:00Z', status: 'published' },
    { id: 'c2', thread: 'quiet-craft', parentId: null, author: { id: 'a2', name: 'Ada Lovelace', guest: false }, body: 'So does a ruler under the line.', createdAt: '2026-11-03T10:00:00Z', status: 'published' },
  ],
  total: 2,
  nextCursor: null,
};

/** The template a CMS would have: every element given what it shows as attributes. */
const TEMPLATE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The quiet craft of proofreading</title>
<style>body { margin: 0; font: 16px/1.5 sans-serif } main { width: 640px; margin: 0 auto }</style>
SCRIPT</head>
<body><main>
<article id="story">
  <h1>The quiet craft of proofreading</h1>
  <reading-time minutes="4" lang="en"></reading-time>
  <p>Proofreaders read slowly, often aloud, and the teh mistake hid in plain sight.</p>
  <author-badge name="Ada Lovelace" href="/authors/ada" avatar="/img/ada.svg" posts="12" bio="Ada writes about the craft of editing." lang="en"></author-badge>
  <typo-reporter for="story" api="/v1" lang="en"></typo-reporter>
</article>
<article-card href="/posts/quiet-craft" headline="The quiet craft of proofreading" image="/img/harbour.svg" image-alt="A sailing boat in the harbour"
  published="2026-01-15" minutes="3" author="Nushama Wellness" author-href="/authors/nushama" comments="4" lang="en"></article-card>
<comment-box api="/v1" thread="quiet-craft" count="2" eager lang="en"><p class="included">Reading aloud works. — Grace Hopper</p></comment-box>
</main></body></html>`;

/** The thread's first page as the server's comments.html writes it (server/src/comments/html.ts), made just now. */
const INCLUDED = `<div data-inkwell-comments slot="included" data-thread="quiet-craft" data-sort="oldest" data-total="2" data-rendered-at="${new Date().toISOString()}"><h2>Comments (2)</h2><ol>${COMMENTS.comments
  .map((c) => `<li><article id="comment-${c.id}" data-body="${c.body}"><header><span itemprop="author"><span itemprop="name">${c.author.name}</span></span> <time itemprop="dateCreated" datetime="${c.createdAt}">${c.createdAt.slice(0, 10)}</time></header><p>${c.body}</p></article></li>`)
  .join('')}</ol></div>`;

async function renderSite() {
  assert.ok(existsSync('dist/esm/ssr/ssr.js') && existsSync('dist/inkwell.js'), 'run `npm run build` first');
  const { renderInkwell } = await import(new URL('../../dist/esm/ssr/ssr.js', import.meta.url).href);
  return {
    // The inline script marks the page if scripts run: they must not, or the test proves nothing.
    'nojs.html': await renderInkwell(TEMPLATE.replace('SCRIPT', "<script>document.documentElement.setAttribute('data-js', 'ran')</script>")),
    'hydrate.html': await renderInkwell(TEMPLATE.replace('SCRIPT', '<script type="module" src="/dist/inkwell.js"></script>')),
    'bundle.html': await renderInkwell(TEMPLATE.replace('SCRIPT', '<script defer src="/dist/inkwell.bundle.js"></script>')),
    // The comment box holding the page the site included: read by code fetched for it (chunks/adopt.js) after hydration.
    'included.html': await renderInkwell(
      TEMPLATE.replace('SCRIPT', '<script type="module" src="/dist/inkwell.js"></script>').replace('<p class="included">Reading aloud works. — Grace Hopper</p>', INCLUDED),
    ),
    'included-nojs.html': await renderInkwell(
      TEMPLATE.replace('SCRIPT', "<script>document.documentElement.setAttribute('data-js', 'ran')</script>").replace('<p class="included">Reading aloud works. — Grace Hopper</p>', INCLUDED),
    ),
  };
}

function startSite(pages) {
  const requests = [];
  let held = Promise.resolve();
  let release = () => {};
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    requests.push(path);
    const send = (status, type, body) => response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (path.startsWith('/dist/')) {
      const file = normalize(join('dist', path.slice('/dist/'.length)));
      if (!file.startsWith('dist/') || !existsSync(file)) return send(404, 'text/plain', 'not found');
      return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    if (path === '/img/ada.svg') return send(200, 'image/svg+xml', PICTURE('#8a5a2b'));
    if (path === '/img/harbour.svg') return send(200, 'image/svg+xml', PICTURE('#2b5a8a'));
    if (path === '/v1/threads/quiet-craft/comments') {
      await held;
      return send(200, 'application/json', JSON.stringify(COMMENTS));
    }
    if (path === '/favicon.ico') return send(204, 'text/plain', '');
    const html = pages[path.slice(1)];
    return html ? send(200, 'text/html; charset=utf-8', html) : send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        /** Holds the thread's listing until `release()`: the comment box's own loading is measured apart from hydration. */
        holdComments: () => (held = new Promise((resolve) => (release = resolve))),
        release: () => release(),
        close: () => new Promise((done) => (release(), server.closeAllConnections(), server.close(done))),
      }),
    ),
  );
}

/** What a reader sees of each element: texts and boxes read through the (declarative) shadow roots. */
function reading() {
  const box = (node) => {
    if (!node) return null;
    const rect = node.getBoundingClientRect();
    return { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
  };
  const visible = (node) => !!node && node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden' && node.getBoundingClientRect().width > 0;
  const text = (node) => (visible(node) ? node.textContent.replace(/\s+/g, ' ').trim() : null);
  const root = (tag) => document.querySelector(tag).shadowRoot;
  const card = root('article-card');
  const cardImage = card?.querySelector('[part="image"] img');
  const badge = root('author-badge');
  return {
    templates: document.querySelectorAll('template[shadowrootmode], template[shadowroot]').length,
    readingTime: text(root('reading-time')?.querySelector('time')),
    readingTimeBox: box(root('reading-time')?.querySelector('time')),
    badgeName: text(badge?.querySelector('[part="name"]')),
    badgePosts: text(badge?.querySelector('[part="meta"]')),
    badgeBio: text(badge?.querySelector('[part="bio"]')),
    badgeAvatar: box(badge?.querySelector('[part="avatar"]')),
    badgeAvatarLoaded: !!badge?.querySelector('img[part="avatar"]')?.naturalWidth,
    cardHeadline: text(card?.querySelector('[part="headline"]')),
    cardHeadlineHref: card?.querySelector('[part="headline"] a')?.getAttribute('href') ?? null,
    cardMeta: text(card?.querySelector('[part="meta"]')),
    cardAuthor: text(card?.querySelector('author-badge')?.shadowRoot?.querySelector('[part="name"]')),
    cardImage: box(cardImage),
    cardImageLoaded: !!cardImage?.naturalWidth,
    cardBox: box(card?.querySelector('[part="base"]')),
    commentsHeading: text(root('comment-box')?.querySelector('h2')),
    commentsHeadingBox: box(root('comment-box')?.querySelector('h2')),
    included: text(document.querySelector('comment-box > .included')),
    typoHint: text(root('typo-reporter')?.querySelector('[part="hint"]')),
  };
}

/** `loaded`: the pictures have arrived (not yet when parsing ends). */
function assertServerRendered(seen, browser, loaded = true) {
  assert.equal(seen.templates, 0, `${browser} did not attach the declarative shadow roots`);
  assert.equal(seen.readingTime, '4 min read');
  assert.equal(seen.badgeName, 'Ada Lovelace');
  assert.equal(seen.badgePosts, '12 posts');
  assert.equal(seen.badgeBio, 'Ada writes about the craft of editing.');
  assert.ok(seen.badgeAvatar.width >= 20 && seen.badgeAvatar.height >= 20 && (seen.badgeAvatarLoaded || !loaded), `the badge's picture: ${JSON.stringify(seen.badgeAvatar)}`);
  assert.equal(seen.cardHeadline, 'The quiet craft of proofreading');
  assert.equal(seen.cardHeadlineHref, '/posts/quiet-craft');
  for (const part of ['Jan 15, 2026', '3 min read', '4 comments']) assert.ok(seen.cardMeta?.includes(part), `the card's meta line has "${part}": ${seen.cardMeta}`);
  assert.equal(seen.cardAuthor, 'Nushama Wellness');
  assert.ok(seen.cardImage.width > 300 && Math.abs(seen.cardImage.height / seen.cardImage.width - 9 / 16) < 0.02 && (seen.cardImageLoaded || !loaded), `the card's image: ${JSON.stringify(seen.cardImage)}`);
  assert.equal(seen.commentsHeading, 'Comments (2)');
  assert.equal(seen.included, 'Reading aloud works. — Grace Hopper');
  assert.match(seen.typoHint ?? '', /Found a mistake\? Select it and press Ctrl\+Enter\./);
}

/**
 * Runs before any script of the page: collects layout shifts from the first paint, and when parsing ends
 * (before the loader runs) keeps what the server rendered and its nodes.
 */
const WATCH = `(() => {
  const reading = ${reading};
  window.__reading = reading;
  window.__shifts = [];
  try {
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((entry) => entry.value))).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // Firefox has no Layout Instability API: the boxes compared below stand for it.
  }
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const pick = (tag, selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector);
    window.__before = reading();
    window.__server = {
      time: pick('reading-time', 'time'),
      heading: pick('comment-box', 'h2'),
      card: pick('article-card', '[part="base"]'),
      badge: pick('author-badge', '[part="base"]'),
      hint: pick('typo-reporter', '[part="hint"]'),
    };
  });
})();`;

for (const [name, launch, jsOff] of [
  ['Chromium', launchChromium, (browser) => browser.newPage({ javaScriptEnabled: false })],
  ['Firefox', launchFirefox, undefined],
]) {
  describe(`server-rendered elements in ${name}`, () => {
    let site;
    let browser;

    before(async () => {
      site = await startSite(await renderSite());
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
    });

    async function viewport(tab) {
      if (tab.setViewportSize) await tab.setViewportSize({ width: 1000, height: 1400 });
      else await tab.setViewport({ width: 1000, height: 1400 });
    }

    /** A tab that records the console and page errors and, before the page's scripts, what the server drew (WATCH). */
    async function watchedTab() {
      const tab = await browser.newPage();
      const messages = [];
      tab.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      tab.on('pageerror', (error) => messages.push(`pageerror: ${error}`));
      if (tab.addInitScript) await tab.addInitScript(WATCH);
      else await tab.evaluateOnNewDocument(WATCH);
      await viewport(tab);
      site.requests.length = 0;
      return { tab, messages };
    }

    /** Opens `page` with JavaScript off and hands the tab to `check`. */
    async function withoutJavaScript(page, check) {
      site.requests.length = 0;
      let tab;
      let firefox;
      if (jsOff) tab = await jsOff(browser);
      else {
        // Firefox: a browser of its own whose profile turns JavaScript off for pages.
        firefox = await launchFirefox({ extraPrefsFirefox: { 'javascript.enabled': false } });
        tab = await firefox.newPage();
      }
      try {
        await viewport(tab);
        await tab.goto(`${site.url}/${page}`, { waitUntil: 'load' });
        // Scripts are off: the page could not have run one (the probe itself runs in the driver's own world).
        assert.equal(await tab.evaluate(() => document.documentElement.getAttribute('data-js')), null, 'JavaScript is off');
        await check(tab);
        assert.ok(!site.requests.some((path) => path.startsWith('/dist/')), 'no script was fetched');
      } finally {
        await tab.close();
        await firefox?.close();
      }
    }

    it('shows the reading time, the badge, a complete card and the comments heading with JavaScript off', () =>
      withoutJavaScript('nojs.html', async (tab) => assertServerRendered(await tab.evaluate(reading), name)));

    it('shows an included page in place of the comment box\'s own heading with JavaScript off: one heading', () =>
      withoutJavaScript('included-nojs.html', async (tab) => {
        const seen = await tab.evaluate(() => {
          const box = document.querySelector('comment-box');
          const shown = (nodes) => [...nodes].filter((node) => node.getClientRects().length > 0).map((node) => node.textContent.trim());
          return { headings: shown([...box.shadowRoot.querySelectorAll('h2'), ...box.querySelectorAll('h2')]), comments: shown(box.querySelectorAll('article')).length, loading: shown(box.shadowRoot.querySelectorAll('.status')) };
        });
        assert.deepEqual(seen, { headings: ['Comments (2)'], comments: 2, loading: [] });
      }));

    it('hydrates with the loader: the same nodes, nothing duplicated, nothing moved, events work', async () => {
      const { tab, messages } = await watchedTab();
      site.holdComments();
      await tab.goto(`${site.url}/hydrate.html`, { waitUntil: 'load' });
      const before = await tab.evaluate(() => window.__before);
      assertServerRendered(before, name, false);

      // Every element defined, hydrated and settled (the render after hydration included).
      const settle = async (what, test) => {
        const deadline = Date.now() + 10_000;
        while (!(await tab.evaluate(test))) {
          assert.ok(Date.now() < deadline, `${what}: ${messages.join('\n')}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await settle('the elements did not hydrate', async () => {
        const tags = ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'];
        if (!tags.every((tag) => customElements.get(tag))) return false;
        for (let i = 0; i < 3; i++) await Promise.all(tags.map((tag) => document.querySelector(tag).updateComplete));
        return true;
      });
      const chunks = site.requests.filter((path) => path.startsWith('/dist/chunks/'));
      // Every element here draws without Lit (a signed-out reader's comment box too): each patches the server's nodes
      // itself, so neither Lit's hydration nor Lit is fetched.
      for (const chunk of ['hydrate.js', 'lit.js']) assert.ok(!chunks.includes(`/dist/chunks/${chunk}`), `${chunk} was fetched: ${chunks.join()}`);

      const after = await tab.evaluate(() => {
        const pick = (tag, selector) => document.querySelector(tag).shadowRoot.querySelectorAll(selector);
        const server = window.__server;
        const count = (tag, selector) => pick(tag, selector).length;
        return {
          kept: {
            time: pick('reading-time', 'time')[0] === server.time,
            heading: pick('comment-box', 'h2')[0] === server.heading,
            card: pick('article-card', '[part="base"]')[0] === server.card,
            badge: pick('author-badge', '[part="base"]')[0] === server.badge,
            hint: pick('typo-reporter', '[part="hint"]')[0] === server.hint,
          },
          counts: {
            time: count('reading-time', 'time'),
            heading: count('comment-box', 'h2'),
            card: count('article-card', '[part="base"]'),
            cardImage: count('article-card', 'img'),
            badge: count('author-badge', '[part="base"]'),
            hint: count('typo-reporter', '[part="hint"]'),
            styles: count('reading-time', 'style'),
          },
          shifts: window.__shifts,
          hydrated: ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'].every((tag) => !document.querySelector(tag).hasAttribute('defer-hydration')),
        };
      });
      assert.deepEqual(after.kept, { time: true, heading: true, card: true, badge: true, hint: true }, 'hydration kept the server-rendered nodes');
      assert.deepEqual(after.counts, { time: 1, heading: 1, card: 1, cardImage: 1, badge: 1, hint: 1, styles: 1 }, 'nothing was drawn twice');
      assert.equal(after.shifts.reduce((sum, value) => sum + value, 0), 0, `layout shifts: ${after.shifts}`);

      const settled = await tab.evaluate(() => window.__reading());
      for (const key of ['readingTimeBox', 'badgeAvatar', 'cardImage', 'cardBox', 'commentsHeadingBox']) assert.deepEqual(settled[key], before[key], `${key} did not move`);
      assertServerRendered(settled, name);

      // The thread arrives and takes the included page's place, under the same heading.
      site.release();
      await settle('the thread did not load', () => !!document.querySelector('comment-box').shadowRoot.querySelector('[part="comment"]'));
      assert.equal(await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelectorAll('h2').length), 1);
      assert.equal((await tab.evaluate(() => window.__reading())).commentsHeading, 'Comments (2)');

      // Events bound by hydration: the typo reporter's button opens its dialog, the comment box's sort works.
      await tab.evaluate(() => document.querySelector('typo-reporter').shadowRoot.querySelector('[part="report"]').click());
      for (const until = Date.now() + 5000; ; ) {
        if (await tab.evaluate(() => !!document.querySelector('typo-reporter').shadowRoot.querySelector('dialog[open]'))) break;
        assert.ok(Date.now() < until, 'the report button did not open the dialog');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(
        messages.filter((message) => /^(error|pageerror)/.test(message) || /hydrat|mismatch/i.test(message)),
        [],
      );
      await tab.close();
    });

    it('takes over a server-rendered comment box holding an included page: its heading kept, the page not fetched, no hydration', async () => {
      const { tab, messages } = await watchedTab();
      await tab.goto(`${site.url}/included.html`, { waitUntil: 'load' });
      for (const until = Date.now() + 10_000; ; ) {
        if (await tab.evaluate(() => !!document.querySelector('comment-box').shadowRoot.querySelector('[part="comment"]'))) break;
        assert.ok(Date.now() < until, `the included page was not taken over: ${messages.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seen = await tab.evaluate(() => {
        const root = document.querySelector('comment-box').shadowRoot;
        return {
          kept: root.querySelector('h2') === window.__server.heading,
          headings: root.querySelectorAll('h2').length,
          heading: root.querySelector('h2').textContent.trim(),
          bodies: [...root.querySelectorAll('article .body')].map((body) => body.textContent.trim()),
          hidden: document.querySelector('[data-inkwell-comments]').hidden,
        };
      });
      assert.deepEqual(seen, { kept: true, headings: 1, heading: 'Comments (2)', bodies: ['Reading aloud works.', 'So does a ruler under the line.'], hidden: true });
      // The comment box draws without Lit: over the server's nodes, with no hydration chunk.
      assert.ok(!site.requests.includes('/dist/chunks/hydrate.js') && site.requests.includes('/dist/chunks/adopt.js'), site.requests.join());
      assert.ok(!site.requests.includes('/v1/threads/quiet-craft/comments'), 'the included page was fetched again');
      assert.deepEqual(messages.filter((message) => /^(error|warn|pageerror)/.test(message) || /hydrat|mismatch/i.test(message)), []);
      await tab.close();
    });

    it('with the single-file bundle (no hydration), draws the elements again over the server\'s DOM, once', async () => {
      const tab = await browser.newPage();
      const messages = [];
      tab.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      tab.on('pageerror', (error) => messages.push(`pageerror: ${error}`));
      site.requests.length = 0;
      site.holdComments();
      await tab.goto(`${site.url}/bundle.html`, { waitUntil: 'load' });
      for (const until = Date.now() + 10_000; ; ) {
        const drawn = await tab.evaluate(async () => {
          const tags = ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'];
          if (!tags.every((tag) => customElements.get(tag))) return false;
          for (let i = 0; i < 3; i++) await Promise.all(tags.map((tag) => document.querySelector(tag).updateComplete));
          return true;
        });
        if (drawn) break;
        assert.ok(Date.now() < until, `the bundle did not define the elements: ${messages.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const counts = await tab.evaluate(() => {
        const count = (tag, selector) => document.querySelector(tag).shadowRoot.querySelectorAll(selector).length;
        return [count('reading-time', 'time'), count('comment-box', 'h2'), count('article-card', '[part="base"]'), count('author-badge', '[part="base"]'), count('typo-reporter', '[part="hint"]')];
      });
      assert.deepEqual(counts, [1, 1, 1, 1, 1], 'each element drawn once');
      assertServerRendered(await tab.evaluate(reading), name);
      assert.ok(!site.requests.includes('/dist/chunks/hydrate.js'));
      assert.deepEqual(messages.filter((message) => /^(error|pageerror)/.test(message)), []);
      site.release();
      await tab.close();
    });
  });
}
