// The drop-in loader in Chromium and Firefox, under a strict CSP (script-src 'self'): each element's
// chunk is fetched when its tag appears, the comment box's only when it nears the viewport, the typo
// dialog's code on the first selection, and the first Ctrl+Enter is not lost while that code loads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { launchChromium, launchFirefox } from './browser.js';
import { pageFiles } from '../../scripts/page-files.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };
// {"alg":"none"}.{"sub":"ada","name":"Ada"}: the box reads the name; this server never checks it.
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEiLCJuYW1lIjoiQWRhIn0.x';
const ARTICLE = '<article id="story"><p>Proofreaders read slowly, often aloud, and the teh mistake hid in plain sight.</p></article>';

const page = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inkwell loader</title>
<link rel="stylesheet" href="/page.css"><script src="/watch.js"></script>${head}</head><body>${body}</body></html>`;
const MODULE = '<script type="module" src="/dist/inkwell.js"></script>';
const CLASSIC = '<script src="/dist/inkwell.iife.js"></script>';
// A thread's first page as the server's comments.html writes it (server/src/comments/html.ts), made just now.
const INCLUDED = `<div data-inkwell-comments data-thread="t" data-sort="oldest" data-total="1" data-rendered-at="${new Date().toISOString()}">
<h2>Comments (1)</h2><ol><li><article id="comment-c1" itemscope itemtype="https://schema.org/Comment" data-body="Included *first*">
<header><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada</span></span>
<time itemprop="dateCreated" datetime="2026-01-02T03:04:05.000Z">2 January 2026</time></header><div itemprop="text"><p>Included <em>first</em></p></div></article></li></ol></div>`;
const PAGES = {
  'lazy.html': page(MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<div class="spacer"></div><comment-box api="/v1" thread="t"></comment-box>`),
  'eager.html': page(MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<div class="spacer"></div><comment-box api="/v1" thread="t" eager></comment-box>`),
  'classic.html': page(CLASSIC, `<reading-time for="story"></reading-time>${ARTICLE}<div class="spacer"></div><comment-box api="/v1" thread="t"></comment-box>`),
  'typo.html': page(MODULE, `${ARTICLE}<typo-reporter for="story" api="/v1"></typo-reporter>`),
  'twice.html': page(MODULE + CLASSIC, `<reading-time for="story"></reading-time>${ARTICLE}<author-badge name="Ada Lovelace"></author-badge>`),
  'copies.html': page('<script src="/dist/inkwell.bundle.js"></script>' + MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<author-badge name="Ada Lovelace"></author-badge>`),
  'later.html': page(MODULE, `${ARTICLE}<div id="later"></div>`),
  // The page kind of size-budget.json's first budget, without and with a comment count served by the API.
  'cards.html': page(MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<author-badge name="Ada Lovelace"></author-badge><article-card headline="Proofreading" author="Ada Lovelace" comments="3"></article-card>`),
  // The same page in German: the machinery of other languages and the German catalogue, nothing else more.
  'german.html': page(MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<author-badge name="Ada Lovelace"></author-badge><article-card headline="Proofreading" author="Ada Lovelace" comments="3"></article-card>`).replace('lang="en"', 'lang="de"'),
  'japanese.html': page(MODULE, '<reading-time for="story"></reading-time><article id="story"><p>校正者はゆっくりと、しばしば声に出して読む。</p></article>'),
  'thai.html': page(MODULE, '<reading-time for="story"></reading-time><article id="story"><p>นักพิสูจน์อักษรอ่านช้า มักอ่านออกเสียง</p></article>'),
  // A comment box read signed out, and by a signed-in reader (the fake server reads no token), whose box fetches its forms at once.
  'comments.html': page(MODULE, `<comment-box api="/v1" thread="t" eager></comment-box>`),
  'signed-in.html': page(MODULE, `<comment-box api="/v1" thread="t" eager token="${TOKEN}"></comment-box>`),
  // A comment box holding the page the site included, whose code that reads it comes on demand.
  'included.html': page(MODULE, `<comment-box api="/v1" thread="t" eager>${INCLUDED}</comment-box>`),
  // The page kind of size-budget.json's third budget: the three light elements and the typo reporter, none of them on Lit.
  'typo-cards.html': page(MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<author-badge name="Ada Lovelace"></author-badge><article-card headline="Proofreading" author="Ada Lovelace" comments="3"></article-card><typo-reporter for="story" api="/v1"></typo-reporter>`),
  'counted.html': page(MODULE, `<reading-time for="story"></reading-time>${ARTICLE}<author-badge name="Ada Lovelace"></author-badge><article-card headline="Proofreading" thread="t" api="/v1"></article-card>`),
};
// Violations of the CSP and uncaught errors, collected by a same-origin script (inline ones are refused).
const WATCH = `window.__problems = [];
document.addEventListener('securitypolicyviolation', (e) => __problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
addEventListener('error', (e) => __problems.push('error: ' + e.message));`;

/** The page's own view of a drop-in script's requests: what was asked for, in order, and when. */
function startSite() {
  const requests = [];
  let holdMachinery = 0;
  let machineryAnswered = false;
  let failForms = 0;
  let failAdopt = 0;
  let failMachinery = 0;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    requests.push(path);
    const send = (status, type, body, headers = {}) =>
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': CSP, ...headers }).end(body);
    if (path.startsWith('/dist/')) {
      const file = normalize(join('dist', path.slice('/dist/'.length)));
      if (!file.startsWith('dist/') || !existsSync(file)) return send(404, 'text/plain', 'not found');
      if (file.endsWith('machinery.js') && failMachinery > 0) return (failMachinery--, send(503, 'text/plain', 'unavailable'));
      if (file.endsWith('machinery.js') && holdMachinery) await new Promise((resolve) => setTimeout(resolve, holdMachinery));
      if (file.endsWith('machinery.js')) machineryAnswered = true;
      if (file.endsWith('comment-forms.js') && failForms > 0) return (failForms--, send(503, 'text/plain', 'unavailable'));
      if (file.endsWith('adopt.js') && failAdopt > 0) return (failAdopt--, send(503, 'text/plain', 'unavailable'));
      return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    if (path === '/watch.js') return send(200, 'text/javascript', WATCH);
    if (path === '/page.css') return send(200, 'text/css', 'body { margin: 0; font: 16px/1.5 sans-serif } .spacer { height: 4000px }');
    if (/^\/v1\/threads\/[^/]+\/comments$/.test(path)) return send(200, 'application/json', JSON.stringify({ comments: [], total: 0, nextCursor: null }));
    if (/^\/v1\/threads\/[^/]+\/events$/.test(path)) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' }).write(': open\n\n');
      return undefined;
    }
    if (path === '/v1/counts') return send(200, 'application/json', JSON.stringify({ counts: { t: 7 } }));
    if (path === '/favicon.ico') return send(204, 'text/plain', '');
    const html = PAGES[path.slice(1)];
    return html ? send(200, 'text/html; charset=utf-8', html) : send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        holdMachinery: (ms) => ((holdMachinery = ms), (machineryAnswered = false)),
        machineryAnswered: () => machineryAnswered,
        failForms: (times) => (failForms = times),
        failAdopt: (times) => (failAdopt = times),
        failMachinery: (times) => (failMachinery = times),
        close: () => new Promise((done) => (server.closeAllConnections(), server.close(done))),
      }),
    ),
  );
}

/** Polls `fn` in the page until it returns something truthy (the same in playwright and puppeteer; return plain values, not nodes). */
async function until(page, fn, arg, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const chunksAsked = (site) => site.requests.filter((path) => path.startsWith('/dist/chunks/') && path.endsWith('.js')).map((path) => path.slice('/dist/chunks/'.length));
const upgraded = (tag) => customElements.get(tag) !== undefined && [...document.querySelectorAll(tag)].every((el) => el.shadowRoot);

for (const [name, launch] of [['Chromium', launchChromium], ['Firefox', launchFirefox]]) {
  describe(`the loader in ${name}`, () => {
    let site;
    let browser;

    before(async () => {
      assert.ok(existsSync('dist/inkwell.js') && existsSync('dist/chunks/lit.js'), 'run `npm run build` first');
      site = await startSite();
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
    });

    async function open(path) {
      const tab = await browser.newPage();
      if (tab.setViewportSize) await tab.setViewportSize({ width: 1000, height: 700 });
      else await tab.setViewport({ width: 1000, height: 700 });
      const messages = [];
      tab.on('console', (message) => messages.push({ type: message.type() === 'warn' ? 'warning' : message.type(), text: message.text() }));
      tab.on('pageerror', (error) => messages.push({ type: 'pageerror', text: String(error) }));
      site.requests.length = 0;
      await tab.goto(`${site.url}/${path}`, { waitUntil: 'load' });
      const problems = async () => [
        ...(await tab.evaluate(() => window.__problems)),
        ...messages.filter((m) => m.type === 'error' || m.type === 'pageerror').map((m) => m.text),
      ];
      return { tab, messages, problems };
    }

    it('fetches the comment box only when it comes within 800 px of the viewport', async () => {
      const { tab, problems } = await open('lazy.html');
      await until(tab, upgraded, 'reading-time', 'reading-time upgraded');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(chunksAsked(site).includes('reading-time.js') && chunksAsked(site).includes('core.js'), chunksAsked(site).join());
      assert.ok(!chunksAsked(site).includes('lit.js'), `a reading time does not need Lit: ${chunksAsked(site).join()}`);
      assert.ok(!chunksAsked(site).includes('comment-box.js'), 'the comment box was fetched far from the viewport');
      // 1000 px below the viewport: still not.
      await tab.evaluate(() => scrollTo(0, document.querySelector('comment-box').getBoundingClientRect().top + scrollY - innerHeight - 1000));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!chunksAsked(site).includes('comment-box.js'), 'fetched 1000 px away');
      // 400 px below the viewport: now.
      await tab.evaluate(() => scrollTo(0, document.querySelector('comment-box').getBoundingClientRect().top + scrollY - innerHeight - 400));
      await until(tab, upgraded, 'comment-box', 'comment-box upgraded after scrolling near it');
      await until(tab, () => !!document.querySelector('comment-box').shadowRoot.querySelector('h2'), undefined, 'the comment box drew its heading');
      assert.equal(chunksAsked(site).filter((chunk) => chunk === 'comment-box.js').length, 1);
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('fetches the comment box at once with eager, or when the address points to a comment', async () => {
      for (const path of ['eager.html', 'lazy.html#comment-c1']) {
        const { tab, problems } = await open(path);
        await until(tab, upgraded, 'comment-box', `comment-box upgraded on ${path} without scrolling`);
        assert.equal(await tab.evaluate(() => scrollY), 0, path);
        assert.deepEqual(await problems(), [], path);
        await tab.close();
      }
    });

    it('loads the same chunks from the classic script', async () => {
      const { tab, problems } = await open('classic.html');
      await until(tab, upgraded, 'reading-time', 'reading-time upgraded by the classic script');
      assert.ok(!chunksAsked(site).includes('comment-box.js'));
      await tab.evaluate(() => document.querySelector('comment-box').scrollIntoView());
      await until(tab, upgraded, 'comment-box', 'comment-box upgraded after scrolling to it');
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('opens the typo dialog on the first Ctrl+Enter although its code was not loaded yet', async () => {
      site.holdMachinery(700);
      const { tab, problems } = await open('typo.html');
      await until(tab, () => !!document.querySelector('typo-reporter')?.shadowRoot?.querySelector('[part="hint"]'), undefined, 'the hint is drawn at once');
      assert.ok(!chunksAsked(site).includes('machinery.js'), 'the dialog code was fetched before any selection');
      for (const chunk of ['lit.js', 'interactive.js']) assert.ok(!chunksAsked(site).includes(chunk), `${chunk} fetched before any selection`);
      await tab.evaluate(() => {
        const text = document.querySelector('#story p').firstChild;
        const at = text.nodeValue.indexOf('teh');
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 3);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await tab.keyboard.down('Control');
      await tab.keyboard.press('Enter');
      await tab.keyboard.up('Control');
      assert.equal(site.machineryAnswered(), false, 'the dialog code was already here: the test proves nothing');
      const mark = await until(tab, () => document.querySelector('typo-reporter').shadowRoot.querySelector('dialog[open] mark')?.textContent, undefined, 'the dialog opened');
      assert.equal(mark, 'teh');
      // The dialog's English words come with its code (chunks/machinery.js): none missing when it opens.
      const words = await tab.evaluate(() => document.querySelector('typo-reporter').shadowRoot.querySelector('dialog[open]').textContent.replace(/\s+/g, ' '));
      for (const word of ['Report a mistake', 'Suggested correction', 'Comment (optional)', 'Send', 'Cancel']) assert.ok(words.includes(word), `${word} in: ${words}`);
      assert.doesNotMatch(words, /undefined|typo[A-Z]/);
      assert.equal(chunksAsked(site).filter((chunk) => chunk === 'machinery.js').length, 1);
      assert.deepEqual(await problems(), []);
      site.holdMachinery(0);
      await tab.close();
    });

    it('tells the reader when the dialog code cannot be fetched, and fetches it again on Try again', async () => {
      // Every request fails (the selection's prefetch, the shortcut's fetch and its second try) until the network is back.
      site.failMachinery(Infinity);
      const { tab, messages, problems } = await open('typo.html');
      await until(tab, () => !!document.querySelector('typo-reporter')?.shadowRoot?.querySelector('[part="hint"]'), undefined, 'the hint is drawn');
      await tab.evaluate(() => {
        const text = document.querySelector('#story p').firstChild;
        const at = text.nodeValue.indexOf('teh');
        getSelection().setBaseAndExtent(text, at, text, at + 3);
      });
      await tab.keyboard.down('Control');
      await tab.keyboard.press('Enter');
      await tab.keyboard.up('Control');
      const notice = await until(tab, () => document.querySelector('typo-reporter').shadowRoot.querySelector('[part="notice"][role="alert"]')?.textContent, undefined, 'the failure is told');
      assert.match(notice, /Could not reach the server.*Try again$/);
      assert.equal(await tab.evaluate(() => !!document.querySelector('typo-reporter').shadowRoot.querySelector('dialog')), false);
      site.failMachinery(0);
      await tab.evaluate(() => document.querySelector('typo-reporter').shadowRoot.querySelector('[part="notice"] button').click());
      const mark = await until(tab, () => document.querySelector('typo-reporter').shadowRoot.querySelector('dialog[open] mark')?.textContent, undefined, 'the dialog opened on Try again');
      assert.equal(mark, 'teh');
      assert.ok(chunksAsked(site).filter((chunk) => chunk === 'machinery.js').length >= 2, chunksAsked(site).join());
      // The failed fetch is the network's (the console reports it); nothing else went wrong.
      assert.ok(messages.some((m) => m.type === 'warning' && m.text.includes('could not load its dialog')));
      assert.deepEqual((await problems()).filter((problem) => !/machinery\.js|503|Failed to load resource/.test(problem)), []);
      await tab.close();
    });

    it('works with the same loader included twice, as a module and as a classic script: one loader, no warning', async () => {
      const { tab, messages, problems } = await open('twice.html');
      await until(tab, upgraded, 'author-badge', 'author-badge upgraded');
      await until(tab, upgraded, 'reading-time', 'reading-time upgraded');
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const chunk of ['core.js', 'reading-time.js', 'author-badge.js']) assert.equal(chunksAsked(site).filter((c) => c === chunk).length, 1, chunk);
      assert.deepEqual(messages.filter((m) => m.type === 'warning'), []);
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('warns once per tag when another copy (the single-file bundle) defined the elements first', async () => {
      const { tab, messages, problems } = await open('copies.html');
      await until(tab, upgraded, 'author-badge', 'author-badge upgraded');
      await until(tab, () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/chunks/')).length >= 3, undefined, 'the loader fetched its chunks');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const warned = messages.filter((m) => m.type === 'warning').map((m) => /<([a-z-]+)> is already defined/.exec(m.text)?.[1]);
      assert.deepEqual(warned.sort(), ['author-badge', 'reading-time']);
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('downloads exactly the files `npm run size` counts for a page of reading time, badge and card', async () => {
      const TAGS = ['reading-time', 'author-badge', 'article-card'];
      const chunkNames = (files) => files.filter((file) => file.startsWith('dist/chunks/')).map((file) => file.slice('dist/chunks/'.length));
      const { eager, onDemand } = pageFiles(TAGS);
      for (const [path, expected] of [
        ['cards.html', chunkNames(eager)],
        // A served count is fetched on demand, with what the size report lists for it.
        ['counted.html', [...chunkNames(eager), ...chunkNames(onDemand).filter((chunk) => chunk === 'counts.js' || chunk === 'interactive.js')]],
      ]) {
        const { tab, problems } = await open(path);
        for (const tag of TAGS) await until(tab, upgraded, tag, `${tag} upgraded on ${path}`);
        await until(tab, (count) => document.querySelector('article-card').shadowRoot?.querySelector('.meta')?.textContent.includes(count), path === 'cards.html' ? '3 comments' : '7 comments', `the card's count on ${path}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(chunksAsked(site).sort(), expected.sort(), path);
        assert.deepEqual(await problems(), [], path);
        await tab.close();
      }
      assert.ok(chunkNames(onDemand).includes('counts.js'), 'the size report lists the count batcher as on demand');
    });

    it('downloads exactly the files `npm run size` counts for that page with a typo reporter: no Lit', async () => {
      const TAGS = ['reading-time', 'author-badge', 'article-card', 'typo-reporter'];
      const chunkNames = (files) => files.filter((file) => file.startsWith('dist/chunks/')).map((file) => file.slice('dist/chunks/'.length));
      const { eager } = pageFiles(TAGS);
      assert.ok(!chunkNames(eager).includes('lit.js') && !chunkNames(eager).includes('interactive.js'), chunkNames(eager).join());
      const { tab, problems } = await open('typo-cards.html');
      for (const tag of TAGS) await until(tab, upgraded, tag, `${tag} upgraded`);
      await until(tab, () => !!document.querySelector('typo-reporter').shadowRoot.querySelector('[part="hint"]'), undefined, 'the hint is drawn');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(chunksAsked(site).sort(), chunkNames(eager).sort());
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('fetches the machinery of other languages only for a page in one, with its catalogue', async () => {
      const { eager, onDemand } = pageFiles(['reading-time', 'author-badge', 'article-card']);
      const chunks = (files) => files.filter((file) => file.startsWith('dist/chunks/')).map((file) => file.slice('dist/chunks/'.length));
      assert.ok(chunks(onDemand).includes('languages.js'), 'the size report lists it as on demand');
      const { tab, problems } = await open('german.html');
      const shown = await until(tab, () => document.querySelector('article-card').shadowRoot?.querySelector('.meta')?.textContent, undefined, 'the card drawn');
      assert.match(shown, /3 Kommentare/);
      assert.deepEqual(chunksAsked(site).sort(), [...chunks(eager), 'languages.js', 'messages/de.js'].sort());
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('fetches the full word counter only for text beyond Latin, Greek and Cyrillic letters and punctuation', async () => {
      for (const [path, fetched] of [['cards.html', false], ['japanese.html', true], ['thai.html', true]]) {
        const { tab, problems } = await open(path);
        const shown = await until(tab, () => document.querySelector('reading-time').shadowRoot?.querySelector('time')?.textContent, undefined, `the count on ${path}`);
        assert.equal(shown, '1 min read', path);
        assert.equal(chunksAsked(site).includes('count.js'), fetched, `${path}: ${chunksAsked(site).join()}`);
        assert.deepEqual(await problems(), [], path);
        await tab.close();
      }
    });

    it("fetches the comment forms' code, and Lit, only for a reader who may comment: exactly the files `npm run size` counts", async () => {
      const chunkNames = (files) => files.filter((file) => file.startsWith('dist/chunks/')).map((file) => file.slice('dist/chunks/'.length));
      // The diagnosis of a cross-origin API that refuses the page (src/core/cors.ts) comes only after a failed request.
      assert.ok(chunkNames(pageFiles(['comment-box']).onDemand).includes('cors.js'), 'the size report lists the CORS diagnosis as on demand');
      for (const chunk of ['comment-forms.js', 'lit.js']) assert.ok(chunkNames(pageFiles(['comment-box']).onDemand).includes(chunk), `the size report lists ${chunk} as on demand`);
      for (const [path, signedIn, shown] of [['comments.html', false, '.prompt'], ['signed-in.html', true, 'button[type="submit"]']]) {
        const { tab, problems } = await open(path);
        await until(tab, (selector) => !!document.querySelector('comment-box').shadowRoot?.querySelector(selector), shown, `${shown} on ${path}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(chunksAsked(site).sort(), chunkNames(pageFiles(['comment-box'], { signedIn }).eager).sort(), path);
        // The thread's English words come with the element, the forms' with their code: none missing in either state.
        const words = await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.textContent.replace(/\s+/g, ' '));
        const expected = signedIn ? ['Comments', 'Your comment', 'Preview', 'Post'] : ['Comments', 'You must be logged in to comment.', 'Sign In', 'Sign Up'];
        for (const word of expected) assert.ok(words.includes(word), `${word} in: ${words}`);
        assert.doesNotMatch(words, /undefined/, path);
        // Lit comes with the forms only: a signed-out reader's comment box draws without it.
        assert.equal(chunksAsked(site).includes('lit.js'), signedIn, `${path}: ${chunksAsked(site).join()}`);
        assert.deepEqual(await problems(), [], path);
        await tab.close();
      }
    });

    it('keeps what a signed-in reader typed when the forms cannot be fetched, and fetches them again on "Try again"', async () => {
      site.failForms(1);
      const { tab, messages } = await open('signed-in.html');
      await until(tab, () => !!document.querySelector('comment-box').shadowRoot?.querySelector('textarea[data-form]'), undefined, 'the stand-in field');
      await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelector('textarea').focus());
      await tab.keyboard.type('Typed offline');
      const error = await until(tab, () => document.querySelector('comment-box').shadowRoot.querySelector('form [role="alert"]')?.textContent, undefined, 'the error');
      assert.equal(error, 'Could not reach the server. Check your connection and try again.');
      await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelector('form button').click());
      await until(tab, () => !!document.querySelector('comment-box').shadowRoot.querySelector('button[type="submit"]'), undefined, 'the real form after Try again');
      assert.equal(await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelector('textarea').value), 'Typed offline');
      assert.equal(chunksAsked(site).filter((chunk) => chunk === 'comment-forms.js').length, 2);
      // The failed module fetch itself is the only error the browser reports.
      assert.ok(messages.filter((m) => m.type === 'error' || m.type === 'pageerror').every((m) => /503|comment-forms|Failed to load|module/i.test(m.text)), JSON.stringify(messages));
      await tab.close();
    });

    it('fetches the code that reads an included page only for a box holding one, and takes the page over without fetching it', async () => {
      const chunkNames = (files) => files.filter((file) => file.startsWith('dist/chunks/')).map((file) => file.slice('dist/chunks/'.length));
      const { eager, onDemand } = pageFiles(['comment-box']);
      assert.ok(chunkNames(onDemand).includes('adopt.js') && !chunkNames(eager).includes('adopt.js'), 'the size report lists it as on demand');
      const { tab, problems } = await open('included.html');
      const body = await until(tab, () => document.querySelector('comment-box').shadowRoot?.querySelector('#comment-c1 .body')?.innerHTML, undefined, 'the included comment drawn by the element');
      assert.match(body, /Included <em>first<\/em>/);
      assert.equal(await tab.evaluate(() => document.querySelector('[data-inkwell-comments]').hidden), true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(chunksAsked(site).sort(), [...chunkNames(eager), 'adopt.js'].sort());
      assert.ok(!site.requests.some((path) => /^\/v1\/threads\/t\/comments$/.test(path)), `the included page was fetched again: ${site.requests.join()}`);
      assert.deepEqual(await problems(), []);
      await tab.close();
    });

    it('fetches the thread, with a warning, when the code that reads an included page cannot be fetched', async () => {
      site.failAdopt(1);
      const { tab, messages } = await open('included.html');
      await until(tab, () => !!document.querySelector('comment-box').shadowRoot?.querySelector('.empty'), undefined, 'the fetched thread (empty on this server)');
      assert.ok(site.requests.some((path) => /^\/v1\/threads\/t\/comments$/.test(path)), site.requests.join());
      assert.ok(messages.some((m) => m.type === 'warning' && /<comment-box> the included comments cannot be read \(.+\): fetching them/.test(m.text)), JSON.stringify(messages));
      // The failed module fetch itself is the only error the browser reports.
      assert.ok(messages.filter((m) => m.type === 'error' || m.type === 'pageerror').every((m) => /503|adopt|Failed to load|module/i.test(m.text)), JSON.stringify(messages));
      await tab.close();
    });

    it('defines elements added later, keeping properties set before the upgrade', async () => {
      const { tab, problems } = await open('later.html');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(chunksAsked(site), [], 'nothing fetched for a page without elements');
      await tab.evaluate(() => {
        const badge = document.createElement('author-badge');
        badge.name = 'Ada Lovelace';
        document.getElementById('later').append(badge);
      });
      const text = await until(tab, () => document.querySelector('author-badge').shadowRoot?.textContent.includes('Ada Lovelace') && 'drawn', undefined, 'the badge drew the name set before its upgrade');
      assert.equal(text, 'drawn');
      assert.ok(chunksAsked(site).includes('author-badge.js'));
      assert.deepEqual(await problems(), []);
      await tab.close();
    });
  });
}
