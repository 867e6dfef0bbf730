// <comment-moderation> on the demo's /moderation.html against the reference server (pre-moderation on):
// signed out it asks for a moderator; a moderator sees held comments and typo reports, decides with a click
// or a key, takes a decision back, bans a reader, and sees a comment held a moment ago arrive live.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './start-demo.js';
import { launchChromium } from './browser.js';

const THREAD = 'quiet-craft-of-proofreading';

describe('the moderation inbox on the demo (end to end)', () => {
  let demo;
  let browser;
  let moderator;

  before(async () => {
    demo = await startDemo({ INKWELL_MIN_SUBMIT_SECONDS: '0', INKWELL_MODERATION: 'pre' });
    browser = await launchChromium();
    moderator = await tokenFor('Mo Derator', 'moderator');
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function tokenFor(name, role) {
    const answer = await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, ...(role ? { role } : {}) }) });
    return (await answer.json()).token;
  }

  async function api(method, path, { token, body } = {}) {
    const headers = { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const answer = await fetch(`${demo.url}/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    return { status: answer.status, json: answer.status === 204 ? null : await answer.json() };
  }

  const hold = async (token, body) => {
    const { status, json } = await api('POST', `/threads/${THREAD}/comments`, { token, body: { body } });
    assert.equal(status, 201);
    assert.equal(json.status, 'pending');
    return json;
  };

  async function inbox(token) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    if (token) await page.addInitScript((value) => localStorage.setItem('inkwell-token', value), token);
    await page.goto(`${demo.url}/moderation.html`);
    return { page, el: page.locator('comment-moderation'), problems };
  }

  it('asks a signed-out visitor to sign in as a moderator, and tells a reader the inbox is not theirs', async () => {
    const { page, el, problems } = await inbox();
    await el.locator('[part="state"]', { hasText: 'Sign in with a moderator account' }).waitFor();
    const href = await el.getByRole('link', { name: 'Sign In' }).getAttribute('href');
    assert.equal(new URL(href).pathname, '/sign-in.html');
    assert.equal(new URL(href).searchParams.get('return'), `${demo.url}/moderation.html`);
    await page.close();
    const reader = await inbox(await tokenFor('Rita Reader'));
    await reader.el.locator('[part="state"]', { hasText: 'not a moderator' }).waitFor();
    await reader.page.close();
    assert.deepEqual(problems, []);
  });

  it('approves a held comment, takes it back with Undo, and marks a typo report fixed', async () => {
    const rita = await tokenFor('Rita Reader');
    const held = await hold(rita, '<img src=x onerror="document.title=\'pwned\'"> please approve');
    const report = await api('POST', '/typo-reports', {
      body: { url: `${demo.url}/`, title: 'The quiet craft', selection: 'teh', prefix: 'and ', suffix: ' mistake', fragment: `${demo.url}/#:~:text=teh`, suggestion: 'the' },
    });
    assert.equal(report.status, 201);
    const { page, el, problems } = await inbox(moderator);
    const item = el.locator('li[part~="item"]', { hasText: 'please approve' });
    await item.waitFor();
    assert.equal(await el.locator('li img').count(), 0);
    const typo = el.locator('li[part~="item"]', { hasText: 'Typo report' });
    assert.equal(await typo.locator('mark').textContent(), 'teh');
    assert.equal(await typo.getByRole('link', { name: 'Open the passage' }).getAttribute('href'), `${demo.url}/#:~:text=teh`);

    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    await el.locator('[role="status"]', { hasText: 'Approve: 1 item.' }).waitFor();
    assert.equal((await api('GET', `/comments/${held.id}`, { token: moderator })).json.status, 'published');
    await el.getByRole('button', { name: 'Undo' }).click();
    await el.locator('li[part~="item"]', { hasText: 'please approve' }).waitFor();
    assert.equal((await api('GET', `/comments/${held.id}`, { token: moderator })).json.status, 'pending');

    await typo.getByRole('button', { name: 'Mark fixed' }).click();
    await typo.waitFor({ state: 'detached' });
    const fixed = await api('GET', '/typo-reports?status=fixed', { token: moderator });
    assert.deepEqual(fixed.json.reports.map((r) => r.id), [report.json.id]);
    assert.notEqual(await page.title(), 'pwned');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('rejects with the keyboard, bans a reader with their comments hidden, and lists a comment held meanwhile', async () => {
    const sam = await tokenFor('Sam Spammer');
    await hold(sam, 'Buy cheap watches');
    const { page, el, problems } = await inbox(moderator);
    const item = el.locator('li[part~="item"]', { hasText: 'Buy cheap watches' });
    await item.waitFor();
    await item.focus();
    await page.keyboard.press('r');
    await item.waitFor({ state: 'detached' });
    const rejected = await api('GET', '/comments?status=rejected', { token: moderator });
    assert.ok(rejected.json.comments.some((c) => c.body === 'Buy cheap watches'));

    const late = await hold(sam, 'Held while the inbox is open');
    const arrived = el.locator('li[part~="item"]', { hasText: 'Held while the inbox is open' });
    await arrived.waitFor({ timeout: 10_000 });
    await el.locator('[role="status"]', { hasText: '1 new item' }).waitFor();

    await arrived.getByRole('button', { name: 'Ban reader' }).click();
    const dialog = el.getByRole('dialog');
    await dialog.getByLabel('Also hide their comments').check();
    await dialog.getByRole('button', { name: 'Ban', exact: true }).click();
    await el.locator('[role="status"]', { hasText: 'Ban reader: 1 item.' }).waitFor();
    const bans = await api('GET', '/bans', { token: moderator });
    assert.deepEqual(bans.json.bans.map((b) => [b.readerId, b.hideComments]), [[late.author.id, true]]);
    const refused = await api('POST', `/threads/${THREAD}/comments`, { token: sam, body: { body: 'again' } });
    assert.equal(refused.status, 403);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
