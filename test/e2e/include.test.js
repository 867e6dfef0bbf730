// A site that includes GET /v1/threads/{thread}/comments.html inside <comment-box> (as the README's PHP
// and static-build recipes do), against the reference server and the built loader: without JavaScript the
// comments are there; with it, the element takes them over without asking the server for them again.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './start-demo.js';
import { launchChromium } from './browser.js';

describe('comments included in the page (end to end)', () => {
  let demo;
  let browser;
  let page;

  before(async () => {
    demo = await startDemo({ INKWELL_MIN_SUBMIT_SECONDS: '0' });
    browser = await launchChromium();
    const mint = async (name, role = 'reader') =>
      (await (await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, role }) })).json()).token;
    const post = async (token, body, parentId) => {
      const response = await fetch(`${demo.url}/v1/threads/included/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ body, ...(parentId ? { parentId } : {}) }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      return response.json();
    };
    const first = await post(await mint('Ada'), 'The *first* comment, with <b>tags</b> typed as text.');
    const reply = await post(await mint('Grace'), 'A reply to it.', first.id);
    const another = await post(await mint('Linus'), 'Another comment.');
    // A moderator pins the last comment (listed first) and makes Grace the article's author (labelled).
    const moderator = { authorization: `Bearer ${await mint('Mo', 'moderator')}` };
    assert.equal((await fetch(`${demo.url}/v1/comments/${another.id}/pin`, { method: 'PUT', headers: moderator })).status, 200);
    const authors = await fetch(`${demo.url}/v1/threads/included/authors`, {
      method: 'PUT', headers: { ...moderator, 'content-type': 'application/json' }, body: JSON.stringify({ authors: [reply.author.id] }),
    });
    assert.equal(authors.status, 200, await authors.text());
    // What a PHP template does on each page view: the fragment written inside the element.
    const fragment = await (await fetch(`${demo.url}/v1/threads/included/comments.html`)).text();
    page = `<!doctype html><html lang="en"><head><meta name="inkwell-api" content="${demo.url}/v1">
      <script type="module" src="/dist/inkwell.js"></script></head>
      <body><main><h1>An article</h1><p>Its text.</p>
      <comment-box thread="included" eager live>${fragment}</comment-box></main></body></html>`;
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function open(options) {
    const context = await browser.newContext(options);
    const tab = await context.newPage();
    const requests = [];
    const problems = [];
    tab.on('request', (request) => requests.push(request.url()));
    tab.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
    await tab.route(`${demo.url}/article.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }));
    await tab.goto(`${demo.url}/article.html`);
    return { context, tab, requests, problems };
  }

  it('shows the heading and every comment without JavaScript', async () => {
    const { context, tab } = await open({ javaScriptEnabled: false });
    assert.equal((await tab.locator('comment-box h2').textContent()).trim(), 'Comments (3)');
    const bodies = await tab.locator('comment-box [itemprop=text]').allTextContents();
    assert.deepEqual(bodies, ['Another comment.', 'The first comment, with <b>tags</b> typed as text.', 'A reply to it.'], 'the pinned comment first');
    for (const text of bodies) assert.ok(await tab.getByText(text).isVisible());
    assert.equal(await tab.locator('comment-box [itemtype="https://schema.org/Comment"]').count(), 3);
    const labels = await tab.evaluate(() => [...document.querySelectorAll('comment-box article')]
      .map((a) => [a.querySelector('[itemprop=name]').textContent, [...a.querySelectorAll(':scope > header [data-label]')].map((l) => l.textContent)]));
    assert.deepEqual(labels, [['Linus', ['Pinned']], ['Ada', []], ['Grace', ['Author']]]);
    assert.ok(await tab.getByText('Pinned', { exact: true }).isVisible());
    await context.close();
  });

  it('takes the included page over with JavaScript: drawn by the element, not fetched again, live from there', async () => {
    const { context, tab, requests, problems } = await open({});
    const box = tab.locator('comment-box');
    await box.locator('article .body', { hasText: 'Another comment.' }).waitFor();
    assert.equal(await tab.evaluate(() => document.querySelector('comment-box').shadowRoot.querySelectorAll('article').length), 3);
    assert.equal(await tab.evaluate(() => document.querySelector('comment-box [data-inkwell-comments]').hidden), true);
    assert.equal(await box.locator('article .body em', { hasText: 'first' }).count(), 1);
    // The pin and the label read back from the markup, drawn as the element draws them.
    const drawn = await tab.evaluate(() => [...document.querySelector('comment-box').shadowRoot.querySelectorAll('article')]
      .map((a) => [a.querySelector('.author').textContent, [...a.querySelectorAll('[part="pinned"], [part="author-label"]')].map((l) => l.textContent)]));
    assert.deepEqual(drawn, [['Linus', ['Pinned']], ['Ada', []], ['Grace', ['Author']]]);
    assert.deepEqual(requests.filter((url) => /\/v1\/threads\/included\/comments(\?|$)/.test(url)), [], 'the first page was fetched');
    assert.ok(requests.some((url) => /\/v1\/threads\/included\/events\?lastEventId=\d+$/.test(url)), requests.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
