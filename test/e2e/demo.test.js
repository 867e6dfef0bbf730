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

  it('lays out the listing without a shift, from its first paint on, while its images arrive late', async () => {
    const browserPage = await browser.newPage();
    // Every shift since the page began: the cards are drawn when their code arrives, which may be after the first paint.
    await browserPage.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), nodes: entry.sources.map((source) => source.node?.nodeName ?? '?').join() });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
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
    // The cards drawn (before any image has arrived): nothing may have moved since the first paint, nor move later.
    await browserPage.evaluate(async () => {
      await customElements.whenDefined('article-card');
      const hosts = [...document.querySelectorAll('article-card, author-badge')];
      for (const card of document.querySelectorAll('article-card')) hosts.push(...card.shadowRoot.querySelectorAll('author-badge'));
      await Promise.all(hosts.map((host) => host.updateComplete));
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
    });
    assert.deepEqual(await browserPage.evaluate(() => window.__shifts), [], 'shifts while the cards were drawn');
    assert.equal(await browserPage.locator('article-card').count(), 7);
    assert.equal(await browserPage.evaluate(() => [...document.querySelectorAll('article-card')].some((card) => [...card.shadowRoot.querySelectorAll('img')].some((img) => !img.complete))), true);
    releaseImages();
    await browserPage.waitForFunction(() =>
      [...document.querySelectorAll('article-card')].every((card) => [...card.shadowRoot.querySelectorAll('img')].every((img) => img.complete)),
    );
    await browserPage.waitForTimeout(300);
    assert.deepEqual(await browserPage.evaluate(() => window.__shifts), [], 'shifts while the images arrived');
    assert.deepEqual(messages.filter((m) => ['error', 'pageerror', 'warning'].includes(m.type)), []);
    await browserPage.close();
  });

  it('follows the reader into dark mode without errors', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/`, { colorScheme: 'dark' });
    await page.locator('reading-time time').waitFor();
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await page.close();
  });

  it('shows nothing a signed-out reader has no use for on the showcase pages, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      for (const path of ['/', '/listing.html', '/sign-in.html', '/moderation.html']) {
        const { page, messages } = await openPage(browser, `${demo.url}${path}`, { colorScheme });
        if (path === '/') {
          await page.evaluate(() => document.querySelector('comment-box').scrollIntoView());
          await page.locator('comment-box h2', { hasText: '(' }).waitFor(); // the thread has loaded
        }
        if (path === '/moderation.html') await page.locator('comment-moderation [part="state"]', { hasText: 'Sign in' }).waitFor();
        await page.waitForTimeout(100);
        // Visible boxes only: a live region that is visually hidden (1 px) is no notice.
        const shown = await page.evaluate(() => {
          const all = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              all.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          const visible = all.filter((el) => el.checkVisibility());
          return {
            stylesheets: [...document.styleSheets].map((sheet) => new URL(sheet.href ?? location.href).pathname),
            hiddenShown: visible.filter((el) => el.hidden).map((el) => `<${el.localName}#${el.id}>`),
            emptyNotices: visible.filter((el) => el.matches('.notice, [role="status"], [role="alert"]') && !el.textContent.trim() && el.getBoundingClientRect().height > 1).map((el) => `<${el.localName}#${el.id}.${el.className}>`),
            buttons: visible.filter((el) => el.localName === 'button').map((el) => el.textContent.trim()),
            borderedImages: visible.filter((el) => el.localName === 'img' && parseFloat(getComputedStyle(el).borderTopWidth) > 0).map((el) => el.src),
          };
        });
        const where = `${path} in ${colorScheme}`;
        assert.ok(shown.stylesheets.includes('/demo.css') && !shown.stylesheets.includes('/hostile.css'), `${where}: the showcase theme, not the tests' stylesheet`);
        assert.deepEqual(shown.hiddenShown, [], `${where}: hidden elements shown`);
        assert.deepEqual(shown.emptyNotices, [], `${where}: empty notices shown`);
        assert.deepEqual(shown.buttons.filter((text) => /sign out|load more/i.test(text)), [], `${where}: Sign out or Load more with nothing to do`);
        assert.deepEqual(shown.borderedImages, [], `${where}: images framed by the page`);
        assert.deepEqual(messages.filter((m) => ['error', 'pageerror', 'warning', 'http'].includes(m.type)), [], where);
        await page.close();
      }
    }
  });

  it('keeps the elements intact under the careless stylesheet of hostile.html', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, messages } = await openPage(browser, `${demo.url}/hostile.html`, { colorScheme });
      await page.evaluate(() => document.querySelector('comment-box').scrollIntoView());
      await page.locator('comment-box h2', { hasText: '(' }).waitFor(); // the thread has loaded
      await page.locator('article-card [part="headline"]').first().waitFor();
      await page.locator('reading-time time').waitFor();
      const found = await page.evaluate(() => {
        const inShadow = [];
        const walk = (root, shadow) => {
          for (const el of root.querySelectorAll('*')) {
            if (shadow) inShadow.push(el);
            if (el.shadowRoot) walk(el.shadowRoot, true);
          }
        };
        walk(document, false);
        return {
          // The page's own stylesheet is in force: its figure carries the pink frame.
          pageImageBorder: getComputedStyle(document.querySelector('figure img')).borderTopColor,
          shadowImages: inShadow.filter((el) => el.localName === 'img').length,
          framedShadowImages: inShadow.filter((el) => el.localName === 'img' && parseFloat(getComputedStyle(el).borderTopWidth) > 0).length,
          hiddenShown: inShadow.filter((el) => el.hidden && el.checkVisibility()).map((el) => `<${el.localName}> in <${el.getRootNode().host.localName}>`),
          hostsShown: [...document.querySelectorAll('reading-time, author-badge, article-card, typo-reporter, comment-box')].filter((el) => !el.checkVisibility()).map((el) => el.localName),
          signedOut: document.querySelector('comment-box').shadowRoot.textContent.includes('Sign In'),
        };
      });
      assert.equal(found.pageImageBorder, 'rgb(255, 105, 180)', 'hostile.css must be in force on hostile.html');
      assert.ok(found.shadowImages >= 4, `avatars and card images drawn (${found.shadowImages})`);
      assert.equal(found.framedShadowImages, 0, `the page's img rule framed ${found.framedShadowImages} images inside the elements`);
      assert.deepEqual(found.hiddenShown, [], `the page's [hidden] rule showed parts of the elements (${colorScheme})`);
      assert.deepEqual(found.hostsShown, [], 'every element is drawn');
      assert.ok(found.signedOut, 'the comment box offers Sign In to a signed-out reader');
      assert.deepEqual(messages.filter((m) => ['error', 'pageerror', 'warning', 'http'].includes(m.type)), [], colorScheme);
      await page.close();
    }
  });

  it('survives the drop-in included twice under a strict CSP: one loader runs, nothing is defined twice', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/double.html`);
    await page.locator('reading-time time').waitFor();
    assert.match(await page.locator('reading-time time').textContent(), /^1 min read$/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), 'the page must not allow inline scripts or eval');
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    // The classic loader imports the module loader beside it: the same module, so one loader and the
    // same chunks. Two different copies warn once per tag (test/e2e/lazy-loading.test.js).
    assert.deepEqual(messages.filter((m) => m.type === 'warning'), []);
    await page.close();
  });
});
