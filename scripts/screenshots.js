// `npm run screenshots [-- demo|themes|rtl [page]]`: pictures for a person to look at, taken in Debian's
// Chromium (playwright-core); nothing leaves the machine. Both sets by default, or only the one named
// (and of the demo, only the pages whose name starts with `page`).
//
// demo:   the demo site as `npm start` serves it (the built bundle, the reference server on a fresh data
//         folder, a few comments posted through the API), each page in light and dark:
//         tmp/screenshots/demo-<page>-<light|dark>.png (whole page), -top.png (the first
//         screen) and, under an article, -end.png (from the typo hint to the end of the comments);
//         the article also in fr, ja and ar (right to left), as demo-article-<lang>-….
//         Needs `npm run build` first.
// themes: the theme pages of the browser tests (test/themes/pages.ts), each as it is and with the README's
//         recipe for its theme: tmp/screenshots/<page>[-recipe]-{page,top,dialog}.png. The elements come
//         from src/ (bundled here by esbuild with the in-browser fake API, so no server is needed).
// rtl:    the right-to-left test pages of the browser tests (test/rtl/pages.ts), every element in Arabic and
//         Hebrew: tmp/screenshots/rtl-<ar|he>.png (all five), rtl-<lang>-<element>.png and
//         rtl-<lang>-typo-dialog.png. Elements from src/ with the fake API, as for themes.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.js';

const OUT = 'tmp/screenshots';
const [only, pagePrefix = ''] = process.argv.slice(2);
if (only && only !== 'demo' && only !== 'themes' && only !== 'rtl') {
  console.error(`npm run screenshots [-- demo|themes|rtl [page]]: unknown set "${only}"`);
  process.exit(2);
}

/** Signs in at the demo's development-only mint, as the sign-in page does. */
async function demoToken(url, name, role) {
  const response = await fetch(`${url}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, ...(role ? { role } : {}) }),
  });
  if (!response.ok) throw new Error(`demo token for ${name}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

/** A conversation under the article, so the comments look as they would on a live site. */
async function seedComments(url) {
  const thread = 'quiet-craft-of-proofreading';
  const post = async (name, body, parentId) => {
    const response = await fetch(`${url}/v1/threads/${thread}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await demoToken(url, name)}` },
      body: JSON.stringify({ body, ...(parentId ? { parentId } : {}) }),
    });
    if (response.status !== 201) throw new Error(`seeding a comment: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()).id;
  };
  const first = await post('Ada Okafor', 'Reading the headline last is the habit I wish I had learned twenty years ago. We once ran *“Harbour plans approved approved”* across five columns.');
  await post('Nushama Wellness', 'Five columns! That one would have stayed with me for a while. Thank you for writing in.', first);
  await post('Lin Mei', 'The point about numbers is the one I would underline. Tired eyes trust a figure because it *looks* precise.');
}

/** A reader's typo report, so the moderation inbox has something in it. */
async function seedTypoReport(url) {
  const response = await fetch(`${url}/v1/typo-reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url: `${url}/`, title: 'The quiet craft of proofreading', selection: 'pubilc', prefix: 'and to thank them in ', suffix: ' when the correction is made',
      fragment: `${url}/#:~:text=pubilc`, suggestion: 'public',
    }),
  });
  if (response.status !== 201) throw new Error(`seeding a typo report: HTTP ${response.status} ${await response.text()}`);
}

/** Every demo page, light and dark, from the real server. */
async function demoShots(browser) {
  if (!existsSync('dist/inkwell.js')) throw new Error('dist/inkwell.js is missing: run `npm run build` first');
  const { startDemo } = await import('../test/e2e/start-demo.js');
  const demo = await startDemo({ INKWELL_MIN_SUBMIT_SECONDS: '0', INKWELL_POST_LIMIT_USER: '100', INKWELL_POST_LIMIT_ADDRESS: '100' });
  const shots = [];
  try {
    await seedComments(demo.url);
    await seedTypoReport(demo.url);
    const reader = await demoToken(demo.url, 'Kim Keys');
    const moderator = await demoToken(demo.url, 'Moe Rator', 'moderator');
    const pages = [
      { name: 'article', path: '/', comments: true },
      { name: 'article-signed-in', path: '/', comments: true, token: reader },
      { name: 'article-phone', path: '/', comments: true, viewport: { width: 390, height: 844 } },
      { name: 'listing', path: '/listing.html' },
      { name: 'sign-in', path: '/sign-in.html' },
      { name: 'moderation', path: '/moderation.html', token: moderator },
      { name: 'double', path: '/double.html' },
      { name: 'hostile', path: '/hostile.html', comments: true },
      // The article's own text stays English; what Inkwell draws follows the page's language.
      { name: 'article-fr', path: '/', comments: true, lang: 'fr' },
      { name: 'article-ja', path: '/', comments: true, lang: 'ja' },
      { name: 'article-ar', path: '/', comments: true, lang: 'ar', dir: 'rtl' },
    ];
    for (const spec of pages.filter((p) => p.name.startsWith(pagePrefix))) {
      for (const colorScheme of ['light', 'dark']) {
        const label = `demo-${spec.name}-${colorScheme}`;
        const page = await browser.newPage({ viewport: spec.viewport ?? { width: 1280, height: 900 }, colorScheme });
        page.on('pageerror', (error) => console.error(`${label}: ${error}`));
        page.on('console', (message) => message.type() === 'error' && console.error(`${label}: ${message.text()}`));
        if (spec.token) await page.addInitScript((value) => localStorage.setItem('inkwell-token', value), spec.token);
        if (spec.lang) {
          // Set as the parser finishes, before the module script runs: as a CMS would write <html lang dir>.
          await page.addInitScript(({ lang, dir }) => document.addEventListener('readystatechange', () => {
            if (document.readyState !== 'interactive') return;
            // The demo marks its English article lang="en" too: the whole page becomes the language shown.
            for (const el of [document.documentElement, ...document.querySelectorAll('[lang]')]) el.lang = lang;
            if (dir) document.documentElement.dir = dir;
          }), { lang: spec.lang, dir: spec.dir });
        }
        await page.goto(`${demo.url}${spec.path}`, { waitUntil: 'load' });
        await page.evaluate(async () => {
          // The comment box's code arrives only as it nears the viewport (below); the rest is here at once.
          await Promise.all([...document.querySelectorAll(':not(:defined):not(comment-box)')].map((el) => customElements.whenDefined(el.localName)));
        });
        if (spec.comments) {
          // The comments load as the reader scrolls towards them.
          await page.evaluate(() => document.querySelector('comment-box').scrollIntoView());
          await page.locator('comment-box h2', { hasText: /\d/ }).waitFor().catch((error) => { throw new Error(`${label}: ${error.message.split('\n')[0]}`); });
        }
        await page.evaluate(() => scrollTo(0, 0));
        await page.evaluate(async () => {
          const images = [...document.images];
          for (const host of document.querySelectorAll('*')) if (host.shadowRoot) images.push(...host.shadowRoot.querySelectorAll('img'));
          await Promise.all(images.map((img) => img.decode().catch(() => {})));
        });
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(OUT, `${label}-top.png`) });
        // A viewport as tall as the page: what lies below the fold (comments skip their rendering off
        // screen, content-visibility: auto) is drawn as a reader scrolling down would see it.
        const viewport = page.viewportSize();
        await page.setViewportSize({ width: viewport.width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.screenshot({ path: join(OUT, `${label}.png`), fullPage: true });
        shots.push(`${label}.png`, `${label}-top.png`);
        if (spec.comments) {
          // The end of the article at full size: the author box, the space after it, the comments.
          const clip = await page.evaluate(() => {
            const from = document.querySelector('typo-reporter').getBoundingClientRect();
            const to = document.querySelector('comment-box').getBoundingClientRect();
            return { x: 0, y: from.top + scrollY - 24, width: innerWidth, height: to.bottom - from.top + 48 };
          });
          await page.screenshot({ path: join(OUT, `${label}-end.png`), clip, fullPage: true });
          shots.push(`${label}-end.png`);
        }
        await page.close();
      }
    }
  } finally {
    await demo.stop();
  }
  return shots;
}

/** Bundles `contents` (TypeScript importing from the repository) into one module for a test page: the elements from src/, no server. */
async function pageScript(contents) {
  const { build } = await import('esbuild');
  const bundle = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    write: false,
    logLevel: 'warning',
  });
  return bundle.outputFiles[0].text;
}

/** The theme pages of the browser tests, as they are and with the README's recipes. */
async function themeShots(browser) {
  const { tsImport } = await import('tsx/esm/api');
  const ORIGIN = 'http://inkwell.test';
  const { THEME_PAGES, pageDocument, readmeCss } = await tsImport('../test/themes/pages.ts', import.meta.url);
  const readme = readFileSync('README.md', 'utf8');
  const RECIPES = { casper: 'recipe-casper', 'casper-dark': 'recipe-casper', tt1: 'recipe-tt1', 'tt1-dark': 'recipe-tt1' };

  const script = await pageScript(`
        import { FakeApi, fakeToken, sampleThread } from './mocks/inkwell-api.ts';
        new FakeApi({ base: '/fake/v1', comments: sampleThread('t1', 8) }).install();
        document.querySelector('comment-box')?.setAttribute('token', fakeToken('Ada'));
        await import('./src/index.ts');
      `);
  const shots = [];
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
  return shots.map((label) => `${label}-{page,top,dialog}.png`);
}

/** Every element's right-to-left test page, in Arabic and Hebrew. */
async function rtlShots(browser) {
  const { tsImport } = await import('tsx/esm/api');
  const ORIGIN = 'http://inkwell.test';
  const { RTL_LANGS, RTL_TAGS, SAMPLES, rtlPage } = await tsImport('../test/rtl/pages.ts', import.meta.url);
  const script = await pageScript(`
        import { FakeApi } from './mocks/inkwell-api.ts';
        import { rtlThread } from './test/rtl/pages.ts';
        new FakeApi({ base: '/fake/v1', comments: rtlThread('rtl', document.documentElement.lang) }).install();
        await import('./src/index.ts');
      `);
  const { fakeToken } = await tsImport('../mocks/inkwell-api.ts', import.meta.url);
  const shots = [];
  for (const lang of RTL_LANGS) {
    const pages = RTL_TAGS.map((tag) => `<h2>${tag}</h2>${rtlPage(tag, lang, { image: '/images/cover-1.svg', comments: `api="/fake/v1" thread="rtl" eager token="${fakeToken('Ada Okafor')}"` })}`);
    const html = `<!doctype html><html lang="${lang}" dir="rtl"><head><meta charset="utf-8"><title>RTL ${lang}</title>
      <style>body { margin: 24px; font: 16px/1.5 sans-serif } h2 { font: 600 13px monospace; color: #777; margin: 32px 0 8px }</style>
      <script type="module" src="/inkwell-screenshots.js"></script></head><body>${pages.join('')}</body></html>`;
    const label = `rtl-${lang}`;
    const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
    page.on('pageerror', (error) => console.error(`${label}: ${error}`));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
      if (path === '/inkwell-screenshots.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      if (path.startsWith('/images/')) return route.fulfill({ contentType: 'image/svg+xml', body: readFileSync(join('demo', path)) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => document.querySelector('comment-box')?.shadowRoot?.querySelectorAll('article').length === 3);
    await page.waitForFunction(() => [...document.querySelectorAll('article-card')].every((card) => [...card.shadowRoot.querySelectorAll('img')].every((img) => img.complete)));
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT, `${label}.png`), fullPage: true });
    for (const tag of RTL_TAGS) await page.locator(`.rtl-page[data-tag="${tag}"]`).screenshot({ path: join(OUT, `${label}-${tag}.png`) });
    // The typo dialog over the misspelt word.
    await page.evaluate((mistake) => {
      const text = document.querySelector('.rtl-page[data-tag="typo-reporter"] article p').firstChild;
      const at = text.nodeValue.indexOf(mistake);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + mistake.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.querySelector('typo-reporter').report();
    }, SAMPLES[lang].mistake);
    await page.locator('typo-reporter dialog[open]').waitFor();
    await page.screenshot({ path: join(OUT, `${label}-typo-dialog.png`) });
    shots.push(`${label}.png`, `${label}-{${RTL_TAGS.join(',')},typo-dialog}.png`);
    await page.close();
  }
  return shots;
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const written = [];
try {
  if (!only || only === 'demo') written.push(...(await demoShots(browser)));
  if (!only || only === 'themes') written.push(...(await themeShots(browser)));
  if (!only || only === 'rtl') written.push(...(await rtlShots(browser)));
} finally {
  await browser.close();
}
console.log(`screenshots in ${OUT}/: ${written.join(', ')}`);
