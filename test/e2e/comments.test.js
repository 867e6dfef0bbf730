// The demo's comment section as a reader uses it, against the reference server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './start-demo.js';
import { launchChromium } from './browser.js';

describe('comments on the demo article (end to end)', () => {
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

  async function signedInPage(name) {
    const { token } = await (
      await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) })
    ).json();
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.addInitScript((value) => localStorage.setItem('inkwell-token', value), token);
    await page.goto(`${demo.url}/`);
    const box = page.locator('comment-box');
    await box.scrollIntoViewIfNeeded();
    await box.locator('textarea').waitFor();
    return { page, box, problems };
  }

  it('signs in, posts, replies, and finds both after a reload; the listing shows the count', async () => {
    const { page, box, problems } = await signedInPage('Ada Reader');
    await box.locator('#f-top').fill('A **fine** essay.');
    await box.locator('#f-top').press('Control+Enter');
    await box.locator('article .body', { hasText: 'A fine essay.' }).waitFor();
    await box.locator('article .actions button', { hasText: 'Reply' }).first().click();
    const reply = box.locator('li form textarea');
    await reply.fill('And a reply to it.');
    await reply.press('Control+Enter');
    await box.locator('article .body', { hasText: 'And a reply to it.' }).waitFor();
    assert.equal(await box.locator('h2').textContent(), 'Comments (2)');

    await page.reload();
    await box.scrollIntoViewIfNeeded();
    await box.locator('h2', { hasText: 'Comments (2)' }).waitFor();
    assert.equal(await box.locator('article').count(), 2);
    assert.deepEqual(problems, []);

    await page.goto(`${demo.url}/listing.html`);
    const lead = page.locator('article-card.lead [part="meta"]');
    await lead.filter({ hasText: '2 comments' }).waitFor();
    await page.close();
  });

  it('never posts twice when the answer is lost and the reader retries', async () => {
    const { page, box } = await signedInPage('Lin Retry');
    let lost = 0;
    await page.route('**/v1/threads/*/comments', async (route) => {
      if (route.request().method() !== 'POST' || lost >= 3) return route.continue();
      lost++;
      await route.fetch(); // the server stores the comment ...
      await route.abort('connectionreset'); // ... and the answer never arrives
    });
    await box.locator('#f-top').fill('Posted exactly once.');
    await box.locator('form button[type="submit"]').click();
    await box.locator('.note.error').waitFor({ timeout: 20_000 });
    assert.match(await box.locator('.note').textContent(), /Could not reach the server/);
    assert.equal(await box.locator('#f-top').inputValue(), 'Posted exactly once.');
    await box.locator('form button[type="submit"]', { hasText: 'Try again' }).click();
    await box.locator('article .body', { hasText: 'Posted exactly once.' }).waitFor();

    const listing = await (await fetch(`${demo.url}/v1/threads/quiet-craft-of-proofreading/comments?limit=100`)).json();
    assert.equal(listing.comments.filter((c) => c.body === 'Posted exactly once.').length, 1);
    assert.ok(lost >= 3, `the answer was lost ${lost} times`);
    await page.close();
  });
});
