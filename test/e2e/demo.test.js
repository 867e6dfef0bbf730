// The demo as a reader meets it: the built bundle on a publisher page, served by `npm start`'s server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startDemo } from './start-demo.js';
import { launchChromium, openPage } from './browser.js';

describe('demo page (end to end)', () => {
  let demo;
  let browser;

  before(async () => {
    assert.ok(existsSync('dist/inkwell.js') && existsSync('dist/inkwell.iife.js'), 'run `npm run build` first');
    demo = await startDemo();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('renders the reading time on the article page with a clean console', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/`);
    const time = page.locator('reading-time time');
    await time.waitFor();
    assert.match(await time.textContent(), /^\d+ min read$/);
    assert.match(await time.getAttribute('datetime'), /^PT\d+M$/);
    const problems = messages.filter((m) => ['error', 'pageerror', 'warning', 'http'].includes(m.type));
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the author in the byline and in the end-of-article box', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/`);
    await page.locator('author-badge[size="large"] [part~="bio"]').waitFor();
    assert.equal(await page.locator('author-badge[size="small"] [part~="avatar"]').getAttribute('loading'), 'eager');
    assert.match(await page.locator('author-badge[size="large"] [part~="meta"]').textContent(), /^\s*2 posts\s*$/);
    assert.deepEqual(messages.filter((m) => ['error', 'pageerror', 'warning', 'http'].includes(m.type)), []);
    await page.close();
  });

  it('lays out the listing without a shift while its images arrive late', async () => {
    const browserPage = await browser.newPage();
    const messages = [];
    browserPage.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
    browserPage.on('pageerror', (error) => messages.push({ type: 'pageerror', text: String(error) }));
    let releaseImages;
    const imagesHeld = new Promise((resolve) => (releaseImages = resolve));
    await browserPage.route('**/images/**', async (route) => {
      await imagesHeld;
      await route.continue();
    });
    await browserPage.goto(`${demo.url}/listing.html`, { waitUntil: 'domcontentloaded' });
    // Once the cards are drawn (and before any image has arrived), nothing may move.
    await browserPage.evaluate(async () => {
      await customElements.whenDefined('article-card');
      const hosts = [...document.querySelectorAll('article-card, author-badge')];
      for (const card of document.querySelectorAll('article-card')) hosts.push(...card.shadowRoot.querySelectorAll('author-badge'));
      await Promise.all(hosts.map((host) => host.updateComplete));
      await new Promise(requestAnimationFrame);
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift' });
    });
    assert.equal(await browserPage.locator('article-card').count(), 7);
    assert.equal(await browserPage.evaluate(() => [...document.querySelectorAll('article-card')].some((card) => [...card.shadowRoot.querySelectorAll('img')].some((img) => !img.complete))), true);
    releaseImages();
    await browserPage.waitForFunction(() =>
      [...document.querySelectorAll('article-card')].every((card) => [...card.shadowRoot.querySelectorAll('img')].every((img) => img.complete)),
    );
    await browserPage.waitForTimeout(300);
    assert.equal(await browserPage.evaluate(() => window.__shift), 0);
    assert.deepEqual(messages.filter((m) => ['error', 'pageerror', 'warning'].includes(m.type)), []);
    await browserPage.close();
  });

  it('follows the reader into dark mode without errors', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/`, { colorScheme: 'dark' });
    await page.locator('reading-time time').waitFor();
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await page.close();
  });

  it('survives the drop-in included twice under a strict CSP, warning once per tag', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/double.html`);
    await page.locator('reading-time time').waitFor();
    assert.match(await page.locator('reading-time time').textContent(), /^1 min read$/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), 'the page must not allow inline scripts or eval');
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    const warned = messages.filter((m) => m.type === 'warning').map((m) => /<([a-z-]+)> is already defined/.exec(m.text)?.[1]);
    assert.deepEqual(warned.sort(), ['article-card', 'author-badge', 'comment-box', 'reading-time', 'typo-reporter'], 'one warning per tag, naming it');
    await page.close();
  });
});
