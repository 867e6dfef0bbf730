// `npm run screenshots`: the theme pages of the browser tests (test/themes/pages.ts), each as it is and with
// the README's recipe for its theme, photographed in Debian's Chromium for a person to look at:
// tmp/screenshots/<page>[-recipe]-{page,top,dialog}.png. The elements come from src/ (bundled here by
// esbuild with the in-browser fake API, so no server is needed); nothing leaves the machine.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { chromiumArgs, chromiumPath } from './chromium.js';

const OUT = 'tmp/screenshots';
const ORIGIN = 'http://inkwell.test';
const { THEME_PAGES, pageDocument, readmeCss } = await tsImport('../test/themes/pages.ts', import.meta.url);
const readme = readFileSync('README.md', 'utf8');
const RECIPES = { casper: 'recipe-casper', 'casper-dark': 'recipe-casper', tt1: 'recipe-tt1', 'tt1-dark': 'recipe-tt1' };

const bundle = await build({
  stdin: {
    contents: `
      import { FakeApi, fakeToken, sampleThread } from './mocks/inkwell-api.ts';
      new FakeApi({ base: '/fake/v1', comments: sampleThread('t1', 8) }).install();
      document.querySelector('comment-box')?.setAttribute('token', fakeToken('Ada'));
      await import('./src/index.ts');
    `,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].text;

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const shots = [];
try {
  for (const name of Object.keys(THEME_PAGES)) {
    for (const recipe of [false, true]) {
      const label = `${name}${recipe ? '-recipe' : ''}`;
      const head = `${recipe ? `<style>${readmeCss(readme, RECIPES[name])}</style>` : ''}<script type="module" src="/inkwell-screenshots.js"></script>`;
      const html = pageDocument(name, {
        image: (i) => `/images/cover-${(i % 6) + 1}.svg`,
        comments: 'api="/fake/v1" thread="t1" eager',
        reserveCss: readmeCss(readme, 'reserve'),
        head,
      });
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: THEME_PAGES[name].system });
      page.on('pageerror', (error) => console.error(`${label}: ${error}`));
      await page.route(`${ORIGIN}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
        if (path === '/inkwell-screenshots.js') return route.fulfill({ contentType: 'text/javascript', body: script });
        if (path.startsWith('/images/')) return route.fulfill({ contentType: 'image/svg+xml', body: readFileSync(join('demo', path)) });
        return route.fulfill({ status: 404, body: '' });
      });
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => document.querySelector('comment-box')?.shadowRoot?.querySelector('textarea'));
      // A few words in the comment form, so its Post button shows enabled.
      await page.locator('comment-box textarea').fill('A kind word about commas.');
      await page.locator('comment-box textarea').blur();
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForFunction(() => [...document.querySelectorAll('article-card')].every((card) => [...card.shadowRoot.querySelectorAll('img')].every((img) => img.complete)));
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(OUT, `${label}-page.png`), fullPage: true });
      await page.screenshot({ path: join(OUT, `${label}-top.png`) });
      // The typo dialog over a selection in the article.
      await page.evaluate(() => {
        const text = document.querySelector('#story p').firstChild;
        const range = document.createRange();
        range.setStart(text, 6);
        range.setEnd(text, 17);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        document.querySelector('typo-reporter').report();
      });
      await page.locator('typo-reporter dialog[open]').waitFor();
      await page.screenshot({ path: join(OUT, `${label}-dialog.png`) });
      shots.push(label);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`${shots.length * 3} screenshots in ${OUT}/: ${shots.map((label) => `${label}-{page,top,dialog}.png`).join(', ')}`);
