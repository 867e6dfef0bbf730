// A reader reports a typo on the demo article; a moderator finds it, and its link leads to the word.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './start-demo.js';
import { launchChromium, openPage } from './browser.js';

describe('typo reports (end to end)', () => {
  let demo;
  let browser;

  before(async () => {
    demo = await startDemo();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('goes from a selected word and Ctrl+Enter to the moderators, with a link that scrolls to the word', async () => {
    const { page, messages } = await openPage(browser, `${demo.url}/`, { viewport: { width: 1000, height: 700 } });
    await page.locator('typo-reporter [part="hint"]').waitFor();
    await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('#story p')].find((p) => p.textContent.includes('pubilc'));
      const text = paragraph.firstChild;
      const at = text.nodeValue.indexOf('pubilc');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'pubilc'.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await page.keyboard.press('Control+Enter');
    const dialog = page.locator('typo-reporter dialog');
    await dialog.waitFor();
    assert.equal(await dialog.locator('mark').textContent(), 'pubilc');
    const correction = dialog.locator('input[name="suggestion"]');
    assert.equal(await correction.inputValue(), 'pubilc');
    await correction.fill('public');
    await dialog.locator('textarea').fill('Two letters swapped.');
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.status', { hasText: 'Thank you' }).waitFor();
    assert.deepEqual(messages.filter((m) => ['error', 'pageerror', 'warning'].includes(m.type)), []);

    const { token } = await (
      await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Editor', role: 'moderator' }) })
    ).json();
    const listing = await (await fetch(`${demo.url}/v1/typo-reports`, { headers: { authorization: `Bearer ${token}` } })).json();
    const reports = listing.reports ?? listing.items ?? listing;
    const report = reports.find((r) => r.selection === 'pubilc');
    assert.ok(report, JSON.stringify(listing));
    assert.equal(report.suggestion, 'public');
    assert.equal(report.comment, 'Two letters swapped.');
    assert.equal(report.modifiedAt, '2026-11-21T09:30:00Z');
    assert.match(report.prefix, /thank them in\s?$/);
    assert.match(report.suffix, /^\s?when the correction/);
    assert.ok(report.fragment.startsWith(`${demo.url}/#:~:text=`), report.fragment);
    await page.close();

    const reader = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await reader.goto(report.fragment, { waitUntil: 'load' });
    await reader.waitForFunction(() => scrollY > 0, undefined, { timeout: 5000 });
    const visible = await reader.evaluate(() => {
      const paragraph = [...document.querySelectorAll('#story p')].find((p) => p.textContent.includes('pubilc'));
      const box = paragraph.getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0;
    });
    assert.equal(visible, true, 'the fragment link scrolled to the reported word');
    await reader.close();
  });
});
