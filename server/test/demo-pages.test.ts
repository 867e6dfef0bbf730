import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { call, startServer, token, type TestServer } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}; demo page test skipped`;

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

  it('signs in as a moderator, approves a held comment and closes a typo report', async () => {
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
    await page.waitForSelector('#auth:not([hidden])');
    assert.match(await page.textContent('#auth') ?? '', /not signed in/);

    await page.goto(`${s.url}/sign-in.html?return=${encodeURIComponent('/moderation.html')}`);
    await page.fill('#name', 'Moe');
    await page.check('#moderator');
    await Promise.all([page.waitForURL(`${s.url}/moderation.html`), page.click('button[type=submit]')]);
    assert.ok(await page.evaluate(() => localStorage.getItem('inkwell-token')));

    const item = page.locator('#comments > li', { hasText: 'please approve' });
    await item.waitFor();
    assert.match(await item.locator('.text').textContent() ?? '', /<img src=x/);
    assert.equal(await page.locator('#comments img').count(), 0);
    await page.locator('#reports > li', { hasText: 'teh' }).waitFor();
    assert.equal(await page.locator('#reports b').count(), 0);

    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    const after = await call(s.url, 'GET', `/v1/comments/${held.json.id}`);
    assert.equal(after.json.status, 'published');

    await page.locator('#reports > li', { hasText: 'teh' }).getByRole('button', { name: 'Fixed' }).click();
    await page.locator('#reports > li', { hasText: 'teh' }).waitFor({ state: 'detached' });
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
});
