// The React bindings at run time, in Chromium: React 19 sets `wpm={100}` on <reading-time> as a
// property and calls `onreading-time-updated`; the @lit/react wrapper (React 18's way) does the same
// through `wpm` and `onReadingTimeUpdated`. The page is bundled by esbuild from fixtures/react-runtime.tsx,
// importing `inkwell-elements/react` and `/react-jsx` by the package's own name (so from dist/).
/* global window -- callbacks run in the page */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

describe('React bindings in the browser', () => {
  let browser;
  let results;
  before(async () => {
    assert.ok(existsSync(join(ROOT, 'dist/frameworks/react.js')), 'run `npm run build` first');
    const bundle = await build({
      entryPoints: [join(ROOT, 'test/types/fixtures/react-runtime.tsx')],
      bundle: true, write: false, format: 'iife', jsx: 'automatic', logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html lang="en"><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    results = await page.waitForFunction(() => window.results.jsx && window.results.wrapper && window.results, null, { timeout: 15_000 })
      .then((handle) => handle.jsonValue(), () => page.evaluate(() => window.results));
    assert.deepEqual(errors, []);
  });
  after(() => browser?.close());

  it('React 19: properties are set as properties and on<event-name> is called with the typed detail', () => {
    assert.deepEqual(results.jsx, { minutes: 6, wpm: 100 });
  });

  it('React 18 wrappers (@lit/react): properties set, onReadingTimeUpdated called', () => {
    assert.deepEqual(results.wrapper, { minutes: 2, wpm: 300 });
  });
});
