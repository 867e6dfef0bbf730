// Pages styled like two real publisher themes (Ghost's Casper, WordPress's Twenty Twenty-One), written for the
// tests: the browser tests (test/themes/*.test.ts) and the screenshot script (scripts/screenshots.js) build
// the same pages from here. Strings only, so both a browser and Node can use this module.

const CASPER = `
  :root { --ghost-accent-color: #e2175f; }
  html { font-size: 62.5%; }
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.8rem;
    line-height: 1.6em; color: #15171a; background: #fff; }
  a { color: #15171a; text-decoration: none; }
  html.dark-mode body { color: rgb(255 255 255 / 0.85); background: #15171a; }
  .site-header { padding: 2rem 4vmin; font-weight: 800; font-size: 2.2rem; border-bottom: 1px solid rgb(0 0 0 / 0.1); }
  .site-main { max-width: 1100px; margin: 0 auto; padding: 0 4vmin; }
  .article-header { margin: 4rem 0 3rem; }
  .article-title { margin: 0 0 1.2rem; font-size: 4.8rem; font-weight: 800; line-height: 1.1; letter-spacing: -0.015em; }
  .article-byline { display: flex; align-items: center; gap: 1.2rem; margin-top: 1.6rem; font-size: 1.5rem; }
  .gh-content p { margin: 0 0 1.5em; }
  .gh-content a { color: var(--ghost-accent-color); text-decoration: underline; }
  .post-feed { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4.8vmin 4vmin; padding: 6rem 0; }
  .post-card { position: relative; display: flex; flex-direction: column; }
  .post-card-large { grid-column: span 3; display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4vmin; }
  .site-footer { padding: 4rem 4vmin; font-size: 1.4rem; opacity: 0.9; }
  button { font: inherit; }
`;

const TWENTY_TWENTY_ONE = `
  :root { --global--color-background: #d1e4dd; --global--color-primary: #28303d; --global--color-secondary: #28303d;
    --global--font-size-base: 1.25rem; --button--border-radius: 0; --button--border-width: 3px;
    --form--border-width: 3px; --form--border-radius: 0; --heading--font-weight: 400; }
  body.is-dark-theme { --global--color-background: #28303d; --global--color-primary: #f0f0f0; --global--color-secondary: #f0f0f0; }
  body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen-Sans, Ubuntu, Cantarell, sans-serif;
    font-size: var(--global--font-size-base); line-height: 1.7; color: var(--global--color-primary);
    background: var(--global--color-background); }
  a { color: var(--global--color-primary); text-decoration: underline 1px; text-underline-offset: 3px; }
  .site-header { padding: 24px 30px; font-size: 1.5rem; text-transform: uppercase; }
  .site-main { max-width: 610px; margin: 0 auto; padding: 0 30px; }
  .entry-header { margin: 60px 0 30px; border-bottom: 3px solid var(--global--color-primary); padding-bottom: 30px; }
  .entry-title { margin: 0 0 20px; font-size: 3.75rem; font-weight: 300; line-height: 1.1; }
  .entry-meta { display: flex; gap: 1em; align-items: center; font-size: 1rem; }
  .entry-content p { margin: 0 0 1.25em; }
  .wp-block-post-template { display: flex; flex-wrap: wrap; gap: 1.25em; margin: 60px 0; padding: 0; list-style: none; }
  .wp-block-post-template > li { display: flex; width: calc(50% - 0.625em); }
  .wp-block-post-template > li:first-child { width: 100%; }
  .wp-block-post { display: flex; flex: 1; }
  .site-footer { padding: 30px; font-size: 1.1rem; border-top: 3px solid var(--global--color-primary); }
`;

export type ThemePageName = 'casper' | 'casper-dark' | 'tt1' | 'tt1-dark';

export interface ThemePage {
  css: string;
  layout: 'casper' | 'tt1';
  htmlClass: string;
  bodyClass: string;
  /** The scheme the reader's system reports while the page shows itself in its own. */
  system: 'light' | 'dark';
  /** The page's background colour. */
  background: string;
}

/**
 * The test pages. `htmlClass`/`bodyClass` make a page dark by its own class; `system` is the colour scheme
 * the reader's system reports meanwhile (the two disagree on purpose in every page but the first pair's light one).
 */
export const THEME_PAGES: Record<ThemePageName, ThemePage> = {
  casper: { css: CASPER, layout: 'casper', htmlClass: '', bodyClass: '', system: 'dark', background: '#ffffff' },
  'casper-dark': { css: CASPER, layout: 'casper', htmlClass: 'dark-mode', bodyClass: '', system: 'light', background: '#15171a' },
  tt1: { css: TWENTY_TWENTY_ONE, layout: 'tt1', htmlClass: '', bodyClass: '', system: 'dark', background: '#d1e4dd' },
  'tt1-dark': { css: TWENTY_TWENTY_ONE, layout: 'tt1', htmlClass: '', bodyClass: 'is-dark-theme', system: 'light', background: '#28303d' },
};

const PARAGRAPHS = [
  'Every publication has a moment it would rather forget: the misspelt name in a headline, the wrong year in a caption, the figure that lost a zero on its way to print.',
  'Proofreading is the quiet craft that keeps those moments rare. It is slower than writing and less celebrated than editing, and it is the last line of defence between a draft and its readers.',
  'A good proofreader reads twice: once for sense and once for letters. The first pass follows the argument; the second ignores it entirely and looks at each word as a shape.',
  'Readers are proofreaders too. When they find a mistake, the quickest way to tell the author is to <a href="#typos">select it and press Ctrl+Enter</a>, which is what the line below this article offers.',
  'The craft has its tools, style sheets and checklists among them, but mostly it has patience: the willingness to read the same sentence a fourth time as if it were the first.',
  'And when a mistake slips through anyway, as some always will, the best publications correct it in the open, thank the reader who noticed, and move on.',
];

const CARDS: [string, string, string, string][] = [
  ['quiet-craft', 'The quiet craft of proofreading', 'Every publication has a moment it would rather forget, and a craft that keeps those moments rare.', 'editing, craft'],
  ['house-style', 'Why every newsroom needs a house style', 'Consistency is a courtesy to readers: one spelling, one date format, one way to write numbers.', 'style'],
  ['corrections', 'Corrections, in the open', 'How to fix a published mistake without hiding it, and why readers trust you more for it.', 'ethics'],
  ['fonts', 'Reading on small screens', 'Line length, size and contrast decide whether an article is read to the end.', 'design, mobile'],
];

/**
 * The body of a theme page: an article with a reading time under its title, a byline, a typo reporter and
 * an author box, then a listing of cards in the theme's grid, then the comments and the site's footer.
 * `image(i)` gives the URL of the i-th card's picture; `comments` the attributes of the comment box.
 */
export function pageBody(layout: ThemePage['layout'], { image, comments = 'api="/fake/v1" thread="t1"' }: { image: (i: number) => string; comments?: string }): string {
  const paragraphs = [...PARAGRAPHS, ...PARAGRAPHS.slice(1, 5)].map((text) => `<p>${text}</p>`).join('\n');
  const card = ([slug, headline, excerpt, tags]: [string, string, string, string], i: number, cls: string, layout = 'stacked') => `<article-card class="${cls}" layout="${layout}" href="/posts/${slug}" image="${image(i)}"
      image-alt="Cover of ${headline}" published="2026-11-20" minutes="${3 + i}" author="Nushama Wellness" author-href="/authors/nushama"
      tags="${tags}" tag-href="/tags/{tag}" comments="${4 + i}" loading="eager" heading-level="2">
      <a slot="headline" href="/posts/${slug}">${headline}</a>
      <p slot="excerpt">${excerpt}</p>
    </article-card>`;
  const casper = layout === 'casper';
  const listing = casper
    ? `<section class="post-feed">${CARDS.map((c, i) => (i === 0 ? card(c, i, 'post-card post-card-large', 'horizontal') : card(c, i, 'post-card'))).join('\n')}</section>`
    : `<ul class="wp-block-post-template">${CARDS.map((c, i) => `<li>${card(c, i, 'wp-block-post')}</li>`).join('\n')}</ul>`;
  return `
  <header class="site-header">The Proofreader</header>
  <main class="site-main">
    <article id="story" lang="en">
      <header class="${casper ? 'article-header' : 'entry-header'}">
        <h1 class="${casper ? 'article-title' : 'entry-title'}">The quiet craft of proofreading</h1>
        <reading-time for="story"></reading-time>
        <div class="${casper ? 'article-byline' : 'entry-meta'}">
          <author-badge size="small" loading="eager"><a slot="name" href="/authors/nushama">Nushama Wellness</a></author-badge>
          <time datetime="2026-11-20">20 Nov 2026</time>
        </div>
      </header>
      <div class="${casper ? 'gh-content' : 'entry-content'}">
        ${paragraphs}
      </div>
      <typo-reporter for="story" email="corrections@example.com"></typo-reporter>
      <author-badge size="large" posts="12" avatar="" loading="eager">
        <a slot="name" href="/authors/nushama">Nushama Wellness</a>
        <p slot="bio">Nushama is a collective of editors and proofreaders who write about the craft of getting words right, one comma at a time.</p>
      </author-badge>
    </article>
    ${listing}
    <comment-box ${comments}></comment-box>
  </main>
  <footer class="site-footer">© The Proofreader · Made with care</footer>`;
}

export interface PageOptions {
  image: (i: number) => string;
  comments?: string;
  /** The README's reserve CSS (`readmeCss(readme, 'reserve')`), as a page that follows the README carries it. */
  reserveCss: string;
  /** Added to the head: a recipe, scripts. */
  head?: string;
}

/** A whole theme page as HTML. */
export function pageDocument(name: ThemePageName, { image, comments, reserveCss, head = '' }: PageOptions): string {
  const page = THEME_PAGES[name];
  return `<!doctype html>
<html lang="en" class="${page.htmlClass}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>
<style>${page.css}</style>
<style>${reserveCss}</style>
${head}
</head>
<body class="${page.bodyClass}">${pageBody(page.layout, { image, comments })}</body>
</html>`;
}

/** The README's CSS block named `name`: the ```css block right after `<!-- css: name -->`. */
export function readmeCss(markdown: string, name: string): string {
  const match = new RegExp(`<!-- css: ${name} -->\\s*\`\`\`css\\n([\\s\\S]*?)\`\`\``).exec(markdown);
  if (!match) throw new Error(`the README has no css block "${name}"`);
  return match[1];
}
