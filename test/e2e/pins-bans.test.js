// Pins and bans on the demo article against the reference server: a moderator's Pin moves the comment
// first for a reader whose page is open (over the event stream), and a banned reader is told why their
// comment was refused, with their text kept.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './start-demo.js';
import { launchChromium } from './browser.js';

const THREAD = 'quiet-craft-of-proofreading';

describe('pins and bans on the demo article (end to end)', () => {
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

  async function tokenFor(name, role) {
    const answer = await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, ...(role ? { role } : {}) }) });
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

  const post = async (token, body) => {
    const answer = await fetch(`${demo.url}/v1/threads/${THREAD}/comments`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ body }),
    });
    assert.equal(answer.status, 201);
    return answer.json();
  };

  it('pins a comment from the moderator\'s page; another reader\'s open page shows it first, marked', async () => {
    const ada = await tokenFor('Ada Pinworthy');
    const { id } = await post(ada, 'Pin me, please.');
    const watcher = await pageOf(undefined);
    await watcher.box.locator(`#comment-${id}`).waitFor();

    const moderator = await pageOf(await tokenFor('Mo Derator', 'moderator'));
    await moderator.box.locator(`#comment-${id} button[data-action="pin"]`).click();
    await moderator.box.locator(`#comment-${id} [part="pinned"]`, { hasText: 'Pinned' }).waitFor();

    await watcher.box.locator(`#comment-${id} [part="pinned"]`).waitFor({ timeout: 10_000 });
    const firstId = await watcher.box.locator('article[id^="comment-"]').first().getAttribute('id');
    assert.equal(firstId, `comment-${id}`);

    const listing = await (await fetch(`${demo.url}/v1/threads/${THREAD}/comments?sort=newest`)).json();
    assert.deepEqual([listing.comments[0].id, listing.comments[0].pinned], [id, true]);
    assert.deepEqual([...watcher.problems, ...moderator.problems], []);
    await watcher.page.close();
    await moderator.page.close();
  });

  it('tells a banned reader why their comment was refused, and keeps the text', async () => {
    const troll = await tokenFor('Tro Ll');
    const { author } = await post(troll, 'Before the ban.');
    const mod = await tokenFor('Mo Derator', 'moderator');
    const banned = await fetch(`${demo.url}/v1/bans/${author.id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${mod}` }, body: JSON.stringify({ hideComments: true }),
    });
    assert.equal(banned.status, 200);

    const reader = await pageOf(troll);
    const field = reader.box.locator('#f-top');
    await field.fill('Why can I not post?');
    await reader.box.locator('form button[type="submit"]').first().click();
    await reader.box.getByText('A moderator has banned you from commenting here.', { exact: false }).waitFor();
    assert.equal(await field.inputValue(), 'Why can I not post?');
    const listing = await (await fetch(`${demo.url}/v1/threads/${THREAD}/comments?limit=100`)).json();
    assert.ok(!JSON.stringify(listing).includes('Before the ban.'), 'hidden with the ban');
    assert.deepEqual(reader.problems, []);
    await reader.page.close();
  });
});
