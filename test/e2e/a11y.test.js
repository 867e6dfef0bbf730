// The demo for a reader who uses the keyboard alone, and for axe in both colour schemes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startDemo } from './start-demo.js';
import { launchChromium } from './browser.js';

const THREAD = 'quiet-craft-of-proofreading';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

describe('accessibility of the demo (end to end)', () => {
  let demo;
  let browser;

  before(async () => {
    demo = await startDemo({ INKWELL_MIN_SUBMIT_SECONDS: '0', INKWELL_POST_LIMIT_USER: '100', INKWELL_POST_LIMIT_ADDRESS: '100' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function token(name, role) {
    const response = await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, ...(role ? { role } : {}) }) });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()).token;
  }

  for (const colorScheme of ['light', 'dark']) {
    it(`has no axe violations on the article, the listing and the hostile page in ${colorScheme} mode`, async () => {
      // hostile.html: the same article under a careless publisher's stylesheet.
      for (const path of ['/', '/listing.html', '/hostile.html']) {
        // The pages' CSP allows no injected script: axe comes in past it.
        const page = await browser.newPage({ colorScheme, bypassCSP: true });
        await page.goto(`${demo.url}${path}`, { waitUntil: 'load' });
        if (path !== '/listing.html') {
          // The loader fetches the comment box as it nears the viewport.
          await page.keyboard.press('End');
          await page.evaluate(() => customElements.whenDefined('comment-box'));
          await page.locator('comment-box h2', { hasText: '(' }).waitFor();
        }
        await page.locator('reading-time time, article-card [part="headline"]').first().waitFor();
        await page.waitForTimeout(300);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () =>
          (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        );
        assert.deepEqual(violations, [], `${path} in ${colorScheme} mode`);
        await page.close();
      }
    });
  }

  it('reports a typo, posts, replies, edits, cancels, deletes and loads more with the keyboard alone, focus never on <body>', async () => {
    // Another page of comments from other readers, so there is more to load (20 top-level comments a page).
    const others = await token('Other Reader');
    for (let i = 1; i <= 21; i++) {
      const response = await fetch(`${demo.url}/v1/threads/${THREAD}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${others}` },
        body: JSON.stringify({ body: `Earlier comment ${i}.` }),
      });
      assert.equal(response.status, 201, await response.clone().text());
    }
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.addInitScript((value) => localStorage.setItem('inkwell-token', value), await token('Kim Keys'));
    await page.goto(`${demo.url}/`, { waitUntil: 'load' });

    // The comments load as the reader scrolls towards them: End, then Home, with keys.
    await page.locator('typo-reporter [part="hint"]').waitFor();
    await page.keyboard.press('End');
    await page.evaluate(() => customElements.whenDefined('comment-box'));
    await page.locator('comment-box #f-top').waitFor();
    await page.keyboard.press('Home');

    /** The focused element, through shadow roots. */
    const focus = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return {
          body: active === document.body || active === null,
          tag: active?.localName,
          id: active?.id ?? '',
          text: (active?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 200),
          label: active?.labels?.[0]?.textContent?.trim() ?? '',
          host: active?.getRootNode()?.host?.localName ?? '',
        };
      });
    const show = (f) => `<${f.tag}${f.id ? `#${f.id}` : ''}> "${f.text || f.label}" in ${f.host || 'the page'}`;
    /** Presses Tab (or Shift+Tab) until `wanted` says yes; focus must never be on <body> on the way. */
    async function tabTo(wanted, what, key = 'Tab') {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press(key);
        const now = await focus();
        assert.ok(!now.body, `focus fell to <body> on the way to ${what}`);
        if (wanted(now)) return now;
      }
      assert.fail(`Tab never reached ${what}`);
    }
    /** Waits until focus is where `wanted` says. */
    async function landsOn(wanted, what) {
      const until = Date.now() + 5000;
      let now = await focus();
      while (!wanted(now) && Date.now() < until) {
        await page.waitForTimeout(30);
        now = await focus();
      }
      assert.ok(wanted(now), `focus is not on ${what} but on ${show(now)}`);
      return now;
    }
    const status = () => page.locator('comment-box [role="status"]').textContent();

    // From the top of the article: the first Tab starts the watch for focus falling to <body> (checked every frame).
    await page.keyboard.press('Tab');
    await page.evaluate(() => {
      window.__drops = [];
      const watch = () => {
        if (document.activeElement === document.body || document.activeElement === null) window.__drops.push(performance.now());
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });

    // 1. Report a typo: the button after the hint; nothing is selected, so the reader quotes the passage.
    assert.match(await page.locator('typo-reporter [part="hint"]').innerText(), /Enter\. Report a mistake$/);
    await tabTo((f) => f.host === 'typo-reporter' && f.text === 'Report a mistake', 'Report a mistake');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.tag === 'textarea' && f.label === 'The passage with the mistake', 'the quote field');
    await page.keyboard.type('thank them in pubilc');
    await page.keyboard.press('Tab');
    await landsOn((f) => f.tag === 'input' && f.label === 'Suggested correction', 'the correction');
    await page.keyboard.type('thank them in public');
    await page.keyboard.press('Control+Enter');
    await page.locator('typo-reporter dialog .status', { hasText: 'Thank you' }).waitFor();
    await landsOn((f) => f.text === 'Close', 'Close');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.host === 'typo-reporter' && f.text === 'Report a mistake', 'Report a mistake again');
    const moderator = await token('Editor', 'moderator');
    const reports = await (await fetch(`${demo.url}/v1/typo-reports`, { headers: { authorization: `Bearer ${moderator}` } })).json();
    const report = (reports.reports ?? reports.items ?? reports).find((r) => r.selection === 'thank them in pubilc');
    assert.ok(report, JSON.stringify(reports));
    assert.equal(report.suggestion, 'thank them in public');
    assert.ok(!report.fragment.includes(':~:text='), 'a quoted passage has no text fragment');

    // 2. Post a comment.
    await tabTo((f) => f.id === 'f-top', 'the comment field');
    await page.keyboard.type('Typed with the keyboard alone.');
    await page.keyboard.press('Control+Enter');
    const posted = await landsOn((f) => f.tag === 'article' && f.text.includes('Typed with the keyboard alone.'), 'the posted comment');
    assert.equal(await status(), 'Your comment was posted.');

    // 3. Reply to it: Reply is the comment's first control.
    await tabTo((f) => f.text === 'Reply', 'Reply');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.tag === 'textarea' && f.label === 'Reply to Kim Keys', 'the reply field');
    await page.keyboard.type('And a reply, also by keys.');
    await page.keyboard.press('Control+Enter');
    const reply = await landsOn((f) => f.tag === 'article' && f.text.includes('And a reply, also by keys.'), 'the reply');
    // The reply is a list of its own inside the comment's item, and says whom it answers.
    const outline = await page.locator(`comment-box li:has(> #${posted.id})`).ariaSnapshot();
    assert.match(outline, /- listitem:\n\s+- article "Kim Keys":[\s\S]*- list:\n\s+- listitem:\n\s+- article "Kim Keys replying to Kim Keys"/);

    // 4. Edit the reply, and save; then edit again and cancel.
    await tabTo((f) => f.text === 'Edit', 'Edit');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.tag === 'textarea' && f.label === 'Edit your comment', 'the editor');
    await page.keyboard.press('End');
    await page.keyboard.type(' Edited.');
    await page.keyboard.press('Control+Enter');
    await landsOn((f) => f.id === reply.id, 'the edited reply');
    await page.locator(`comment-box #${reply.id} .body`, { hasText: 'Edited.' }).waitFor();
    await tabTo((f) => f.text === 'Edit', 'Edit');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.label === 'Edit your comment', 'the editor');
    await tabTo((f) => f.text === 'Cancel', 'Cancel');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.text === 'Edit', 'Edit');

    // 5. Delete it: focus moves into the question, Shift+Tab to its Delete, and stays on the comment after.
    await tabTo((f) => f.text === 'Delete', 'Delete');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.text === 'Cancel', 'the question\'s Cancel');
    assert.equal(await page.locator('comment-box [role="group"][aria-labelledby]').getAttribute('aria-labelledby').then((id) => page.locator(`comment-box #${id}`).textContent()), 'Delete this comment?');
    await page.keyboard.press('Shift+Tab');
    await landsOn((f) => f.text === 'Delete', 'the question\'s Delete');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.id === reply.id && f.text === 'This comment was deleted.', 'the deleted reply');
    assert.equal(await status(), 'Comment deleted.');

    // 6. Load more comments: focus lands on the first comment that arrived.
    await tabTo((f) => f.text === 'Load more comments', 'Load more comments');
    await page.keyboard.press('Enter');
    await landsOn((f) => f.tag === 'article' && f.text.includes('Earlier comment 21.'), 'the first loaded comment');
    // Announced in the frame after focus lands (the live region is cleared first so the same words are read again).
    let said = await status();
    for (let tries = 0; tries < 40 && !/^\d+ more comments? loaded$/.test(said); tries++) {
      await page.waitForTimeout(25);
      said = await status();
    }
    assert.match(said, /^\d+ more comments? loaded$/);

    const drops = await page.evaluate(() => window.__drops.length);
    assert.equal(drops, 0, 'focus was on <body> during the walk');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
