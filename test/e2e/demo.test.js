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
    const warnings = messages.filter((m) => m.type === 'warning');
    assert.equal(warnings.filter((m) => m.text.includes('<reading-time>')).length, 1, JSON.stringify(warnings));
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    await page.close();
  });
});
