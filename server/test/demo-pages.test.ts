import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { call, REPO_ROOT, startServer, token, type TestServer } from './helpers.js';
// @ts-expect-error plain JS module of the demo
import { safeReturn } from '../../demo/sign-in.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}; demo page test skipped`;
const noBundle = fs.existsSync(`${REPO_ROOT}/dist/inkwell.js`) ? false : 'no dist/inkwell.js (run `npm run build`); article round trip skipped';

describe('the demo sign-in page\'s return address', () => {
  const o = 'http://127.0.0.1:8080';
  it('returns to the absolute same-origin URL that <comment-box> sends, with its query and hash', () => {
    assert.equal(safeReturn('?return=' + encodeURIComponent(`${o}/essays/x.html?a=1#comments`), o), '/essays/x.html?a=1#comments');
  });
  it('never leaves the origin, even through a path that starts with two slashes', () => {
    for (const bad of ['http://127.0.0.1:8081/', 'https://127.0.0.1:8080/', `${o}//evil.example/`, '/.//evil.example/', 'http:/\\evil.example', 'ftp://127.0.0.1:8080/']) {
      assert.equal(safeReturn('?return=' + encodeURIComponent(bad), o), '/', bad);
    }
  });
});

describe('demo sign-in and moderation pages in Chromium', { skip }, () => {
  let s: TestServer;
  let browser: Browser;
  before(async () => {
    s = await startServer('sqlite', { INKWELL_MODERATION: 'pre', INKWELL_DEMO: 'on' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('signs in as a moderator, approves a held comment and closes a typo report in <comment-moderation>', { skip: noBundle }, async () => {
    const reader = await token({ sub: 'r', name: 'Rita' });
    const nasty = '<img src=x onerror="document.title=\'pwned\'"> please approve';
    const held = await call(s.url, 'POST', '/v1/threads/story/comments', { token: reader, body: { body: nasty } });
    assert.equal(held.json.status, 'pending');
    const report = await call(s.url, 'POST', '/v1/typo-reports', {
      body: { url: 'https://news.example/a', title: '<b>Story</b>', selection: 'teh', prefix: 'is ', suffix: ' end', fragment: 'javascript:alert(1)//https://x', suggestion: 'the' },
    });
    // The fragment must be an http(s) URL, so the API refuses this one…
    assert.equal(report.status, 422);
    const ok = await call(s.url, 'POST', '/v1/typo-reports', {
      body: { url: 'https://news.example/a', title: '<b>Story</b>', selection: 'teh', prefix: 'is ', suffix: ' end', fragment: 'https://news.example/a#:~:text=teh', suggestion: 'the' },
    });
    assert.equal(ok.status, 201);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });

    await page.goto(`${s.url}/moderation.html`);
    const inbox = page.locator('comment-moderation');
    await inbox.locator('[part="state"]', { hasText: 'Sign in with a moderator account' }).waitFor();

    await page.goto(`${s.url}/sign-in.html?return=${encodeURIComponent('/moderation.html')}`);
    await page.fill('#name', 'Moe');
    await page.check('#moderator');
    await Promise.all([page.waitForURL(`${s.url}/moderation.html`), page.click('button[type=submit]')]);
    assert.ok(await page.evaluate(() => localStorage.getItem('inkwell-token')));

    const item = inbox.locator('li[part~="item"]', { hasText: 'please approve' });
    await item.waitFor();
    assert.match(await item.locator('p.text').textContent() ?? '', /<img src=x/);
    assert.equal(await inbox.locator('li img').count(), 0);
    const typo = inbox.locator('li[part~="item"]', { hasText: 'teh' });
    await typo.waitFor();
    assert.equal(await inbox.locator('li b').count(), 0);

    // The item leaves at once (optimistic); the server has the decision when its PATCH answers.
    const decided = (id: string) => page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(id) && r.ok());
    await Promise.all([decided(held.json.id), item.getByRole('button', { name: 'Approve' }).click()]);
    await item.waitFor({ state: 'detached' });
    const after = await call(s.url, 'GET', `/v1/comments/${held.json.id}`);
    assert.equal(after.json.status, 'published');

    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/typo-reports/') && r.ok()), typo.getByRole('button', { name: 'Mark fixed' }).click()]);
    await typo.waitFor({ state: 'detached' });
    const mod = await token({ sub: 'm', role: 'moderator' });
    const fixed = await call(s.url, 'GET', '/v1/typo-reports?status=fixed', { token: mod });
    assert.equal(fixed.json.total, 1);

    assert.notEqual(await page.title(), 'pwned');
    assert.deepEqual(problems, []);
  });

  it('returns to the home page for a foreign return URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${s.url}/sign-in.html?return=${encodeURIComponent('https://evil.example/')}`);
    await page.fill('#name', 'Rita');
    await Promise.all([page.waitForURL((u) => u.origin === s.url && u.pathname === '/'), page.click('button[type=submit]')]);
  });

  it('shows Sign out only to a signed-in reader', async () => {
    const page = await browser.newPage();
    await page.goto(`${s.url}/sign-in.html`);
    assert.equal(await page.locator('#sign-out').isVisible(), false);
    assert.equal(await page.locator('#current').isVisible(), false);
    await page.evaluate(async () => {
      const res = await fetch('/demo/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sam' }) });
      localStorage.setItem('inkwell-token', (await res.json()).token);
    });
    await page.reload();
    assert.equal(await page.locator('#sign-out').isVisible(), true);
    assert.match(await page.locator('#current').textContent() ?? '', /Signed in as Sam/);
    await page.click('#sign-out');
    assert.equal(await page.locator('#sign-out').isVisible(), false);
    await page.close();
  });

  it('brings the reader back to the comments they were reading after signing in from the comment box', { skip: noBundle }, async () => {
    const page = await browser.newPage();
    const article = `${s.url}/?from=newsletter#comments`;
    await page.goto(article);
    const box = page.locator('comment-box');
    await page.evaluate(() => document.querySelector('comment-box')!.scrollIntoView());
    await Promise.all([page.waitForURL(/\/sign-in\.html\?/), box.getByRole('link', { name: 'Sign In' }).click()]);
    assert.equal(new URL(page.url()).searchParams.get('return'), article);
    await page.fill('#name', 'Rita');
    await Promise.all([page.waitForURL(article), page.click('button[type=submit]')]);
    await box.locator('textarea').waitFor();
    await page.close();
  });
});
