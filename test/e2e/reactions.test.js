// Reactions on the demo article against the reference server: a reader's Like is stored, and another
// reader's open page sees the count arrive over the event stream.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './start-demo.js';
import { launchChromium } from './browser.js';

const THREAD = 'quiet-craft-of-proofreading';

describe('reactions on the demo article (end to end)', () => {
  let demo;
  let browser;

  before(async () => {
    demo = await startDemo({ INKWELL_MIN_SUBMIT_SECONDS: '0' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function tokenFor(name) {
    const answer = await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
    return (await answer.json()).token;
  }

  async function pageOf(token) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    if (token) await page.addInitScript((value) => localStorage.setItem('inkwell-token', value), token);
    await page.goto(`${demo.url}/`);
    const box = page.locator('comment-box');
    await box.scrollIntoViewIfNeeded();
    return { page, box, problems };
  }

  it('stores a Like, shows it pressed after a reload, and sends the count live to another reader', async () => {
    const ada = await tokenFor('Ada Reacts');
    const posted = await fetch(`${demo.url}/v1/threads/${THREAD}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ada}` },
      body: JSON.stringify({ body: 'Worth a like.' }),
    });
    const { id } = await posted.json();

    const watcher = await pageOf(undefined);
    const watched = watcher.box.locator(`#comment-${id} button[data-kind="like"]`);
    await watched.waitFor();
    assert.equal(await watched.getAttribute('aria-label'), 'Like');

    const reader = await pageOf(ada);
    const like = reader.box.locator(`#comment-${id} button[data-kind="like"]`);
    await like.click();
    await reader.box.locator(`#comment-${id} button[data-kind="like"][aria-pressed="true"][aria-label="Like, 1"]`).waitFor();

    // The signed-out reader's open page hears it over the event stream, not pressed for them.
    await watcher.box.locator(`#comment-${id} button[data-kind="like"][aria-label="Like, 1"][aria-pressed="false"]`).waitFor({ timeout: 10_000 });

    const listing = await (await fetch(`${demo.url}/v1/threads/${THREAD}/comments?limit=100`)).json();
    assert.deepEqual(listing.comments.find((c) => c.id === id).reactions, { counts: { like: 1 } });

    await reader.page.reload();
    await reader.box.scrollIntoViewIfNeeded();
    await reader.box.locator(`#comment-${id} button[data-kind="like"][aria-pressed="true"][aria-label="Like, 1"]`).waitFor();

    // Signed out, pressing Like asks to sign in and changes nothing.
    await watched.click();
    await watcher.box.locator(`#comment-${id} .reactions [role="alert"]`, { hasText: 'Sign in to react.' }).waitFor();
    assert.deepEqual([...reader.problems, ...watcher.problems], []);
    await reader.page.close();
    await watcher.page.close();
  });
});
