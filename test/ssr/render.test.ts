// Every element rendered in Node by `inkwell-elements/ssr` (its sources, run by tsx): what a template
// gives as attributes comes out as declarative shadow DOM, in the language of the element's `lang`,
// without touching a DOM the server does not have. What the browsers show of it (JavaScript off) and
// how it hydrates is test/e2e/ssr.test.js.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import { renderInkwell, renderInkwellStream, estimateReadingTime, type RenderResult } from '../../src/ssr/ssr.js';
import { catalogues } from '../../src/core/messages/catalogues.js';
import { en } from '../../src/core/messages/en.js';
import { formatPlural, messagesFor } from '../../src/core/i18n.js';
import { enHint } from '../../src/core/messages/en-hint.js';
import { enThread } from '../../src/core/messages/en-thread.js';
import { enFailure } from '../../src/core/messages/en-failure.js';

/** The HTML with Lit's hydration markers and the shadow roots' styles left out: what a reader's text is made of. */
const plain = (rendered: string) =>
  rendered
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<\?>/g, '');

/** The text of `rendered` with every tag removed and whitespace collapsed. */
const text = (rendered: string) => plain(rendered).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** Runs `render` and returns what it rendered and every console.warn it caused. */
async function withWarnings(render: () => Promise<string>): Promise<{ out: string; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return { out: await render(), warnings };
  } finally {
    console.warn = original;
  }
}

const shadow = (out: string, tag: string) => {
  const match = new RegExp(`<${tag}\\b[^>]*><template shadowroot="open" shadowrootmode="open">([^]*?)</template>`).exec(out);
  assert.ok(match, `<${tag}> has a declarative shadow root:\n${out.slice(0, 400)}`);
  return match[1];
};

describe('inkwell-elements/ssr renders each element in Node', () => {
  it('<reading-time> shows the minutes the template gives', async () => {
    const { out, warnings } = await withWarnings(() => renderInkwell('<reading-time minutes="3"></reading-time>'));
    const root = shadow(out, 'reading-time');
    assert.match(plain(root), /<time part="time" datetime="PT3M" dir="auto">3 min read<\/time>/);
    assert.deepEqual(warnings, []);
  });

  it('<reading-time> minutes from the estimator the ssr entry exports, run on the article text', async () => {
    const article = 'word '.repeat(1000);
    const { minutes } = estimateReadingTime(article, { lang: 'en' });
    const out = await renderInkwell(`<reading-time minutes="${minutes}"></reading-time>`);
    assert.equal(text(shadow(out, 'reading-time')), `${minutes} min read`);
    assert.ok(minutes >= 4 && minutes <= 5, `${minutes}`);
  });

  it('<reading-time> without minutes keeps its light-DOM fallback for the browser to count', async () => {
    const out = await renderInkwell('<reading-time>3 min read (CMS)</reading-time>');
    assert.match(plain(shadow(out, 'reading-time')), /^<slot><\/slot>$/);
    assert.match(out, /<\/template>3 min read \(CMS\)<\/reading-time>/);
  });

  it('<author-badge> with its picture, name link, post count and bio', async () => {
    const { out, warnings } = await withWarnings(() =>
      renderInkwell('<author-badge name="Ada Lovelace" href="/authors/ada" avatar="/img/ada.jpg" posts="12" bio="Writes about editing."></author-badge>'),
    );
    const root = plain(shadow(out, 'author-badge'));
    assert.match(root, /<img\s+class="avatar"\s+part="avatar"\s+src="\/img\/ada\.jpg"/);
    assert.match(root, /<slot name="name"><a href="\/authors\/ada"><bdi>Ada Lovelace<\/bdi><\/a><\/slot>/);
    assert.match(root, /<div class="meta" part="meta"><bdi>12 posts<\/bdi><\/div>/);
    assert.match(root, /<slot name="bio"><bdi>Writes about editing\.<\/bdi><\/slot>/);
    assert.deepEqual(warnings, []);
  });

  it('<author-badge> without a picture shows initials; a javascript: URL is dropped with a warning naming element and attribute', async () => {
    const { out, warnings } = await withWarnings(() => renderInkwell('<author-badge name="Grace Hopper" href="javascript:alert(1)"></author-badge>'));
    const root = plain(shadow(out, 'author-badge'));
    assert.match(root, /<span class="avatar" part="avatar" aria-hidden="true"\s*>GH<\/span>/);
    assert.doesNotMatch(root, /javascript:/);
    assert.match(root, /<slot name="name"><bdi>Grace Hopper<\/bdi><\/slot>/);
    assert.deepEqual(warnings, ['[inkwell] <author-badge> href: "javascript:" URLs are not allowed (only http:, https: and relative URLs); it is ignored']);
  });

  it('<article-card> complete: image, headline link, author badge, date, minutes, comment count and tags', async () => {
    const { out, warnings } = await withWarnings(() =>
      renderInkwell(
        `<article-card href="/posts/quiet-craft" headline="The quiet craft" image="/img/harbour.jpg" image-alt="A boat"
          published="2026-01-15" minutes="3" author="Nushama Wellness" author-href="/authors/nushama" comments="4" tags="editing, craft" theme="dark"></article-card>`,
      ),
    );
    shadow(out, 'article-card');
    // The card's shadow root holds the byline badge's, so its end is not the first </template>: the whole output is read.
    const root = plain(out);
    assert.match(root, /<slot name="headline"><a href="\/posts\/quiet-craft"><bdi>The quiet craft<\/bdi><\/a><\/slot>/);
    assert.match(root, /<img\s+src="\/img\/harbour\.jpg"[^>]*alt="A boat"\s+width="1600"\s+height="900"/);
    assert.match(root, /<time datetime="2026-01-15" title="January 15, 2026" dir="auto"\s*>Jan 15, 2026<\/time\s*>/);
    assert.match(root, /<bdi>3 min read<\/bdi>/);
    assert.match(root, /<bdi>4 comments<\/bdi>/);
    assert.match(root, /<span part="tag"><bdi>editing<\/bdi><\/span>/);
    // The byline's badge is rendered too, inside the card's shadow root, with its own.
    const badge = shadow(root, 'author-badge');
    assert.match(plain(badge), /<bdi>Nushama Wellness<\/bdi>/);
    assert.match(root, /<author-badge[^>]*theme="dark"/);
    assert.match(out, /<article-card[^>]*theme="dark"/);
    assert.deepEqual(warnings, []);
  });

  it('<article-card> shows a recent date as a date (a built page must not say "yesterday" for ever); the browser makes it relative', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const out = await renderInkwell(`<article-card headline="News" published="${yesterday}"></article-card>`);
    const shown = /<time [^>]*>([^<]*)<\/time/.exec(plain(shadow(out, 'article-card')))?.[1];
    assert.equal(shown, new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(yesterday)));
  });

  it('<typo-reporter> with an api shows its hint; without a destination, nothing', async () => {
    const out = await renderInkwell('<typo-reporter api="https://comments.example.com"></typo-reporter>');
    assert.equal(text(shadow(out, 'typo-reporter')), 'Found a mistake? Select it and press Ctrl + Enter . Report a mistake');
    const { out: none } = await withWarnings(() => renderInkwell('<typo-reporter></typo-reporter>'));
    assert.equal(plain(shadow(none, 'typo-reporter')), '');
  });

  it('<comment-box> renders its heading, with the count when given, and a slot for what the site included', async () => {
    const out = await renderInkwell('<comment-box api="/v1" thread="t"><ol class="first-page"><li>Included</li></ol></comment-box>');
    const root = plain(shadow(out, 'comment-box'));
    assert.match(root, /<h2 id="heading" part="heading" tabindex="-1">Comments<\/h2>/);
    assert.match(root, /<slot><\/slot>/);
    assert.doesNotMatch(root, /Loading comments/, 'a reader without JavaScript is not told the comments are loading');
    assert.match(out, /<\/template><ol class="first-page"><li>Included<\/li><\/ol><\/comment-box>/);
    const counted = await renderInkwell('<comment-box api="/v1" thread="t" count="5"></comment-box>');
    assert.match(plain(shadow(counted, 'comment-box')), /<h2 [^>]*>Comments \(5\)<\/h2>/);
    const { out: bad, warnings } = await withWarnings(() => renderInkwell('<comment-box api="/v1" thread="t" count="many"></comment-box>'));
    assert.match(plain(shadow(bad, 'comment-box')), /<h2 [^>]*>Comments<\/h2>/);
    assert.deepEqual(warnings, ['[inkwell] <comment-box> count: "many" is not a number of at least 0; it is ignored']);
  });

  it('has the English words of all it draws: the typo reporter\'s hint, the comment box\'s thread (they come with their code)', async () => {
    const out = await renderInkwell('<typo-reporter api="/v1"></typo-reporter><comment-box api="/v1" thread="t"></comment-box>');
    assert.doesNotMatch(text(out), /undefined/);
    const shown = messagesFor('en') as unknown as Record<string, unknown>;
    for (const part of [enHint, enThread, enFailure]) for (const [key, value] of Object.entries(part)) assert.deepEqual(shown[key], value, key);
  });

  it('speaks every shipped language, from the element\'s lang, with no wait', async () => {
    for (const [tag, load] of Object.entries(catalogues)) {
      const messages = await load();
      const out = await renderInkwell(`<reading-time minutes="2" lang="${tag}"></reading-time><comment-box api="/v1" lang="${tag}"></comment-box>`);
      assert.equal(text(shadow(out, 'reading-time')), formatPlural(tag, messages.minutesRead, 2, { n: 2 }), tag);
      assert.match(shadow(out, 'comment-box'), new RegExp(`>${messages.commentsTitle.replace(/[()]/g, '\\$&')}<`), tag);
    }
    // Without lang the server cannot see the page's: English.
    assert.equal(text(shadow(await renderInkwell('<reading-time minutes="2"></reading-time>'), 'reading-time')), formatPlural('en', en.minutesRead, 2, { n: 2 }));
  });

  it('renders a whole page as it is, and a Lit template with bindings', async () => {
    const page = await renderInkwell('<!doctype html><html lang="de"><head><title>T</title></head><body><reading-time minutes="1" lang="de"></reading-time></body></html>');
    assert.match(page, /^<!doctype html><html lang="de"><head><title>T<\/title><\/head><body><reading-time/);
    assert.match(text(shadow(page, 'reading-time')), /^1 Min\. Lesezeit$/);
    const name = '<script>alert(1)</script>';
    const out = await renderInkwell(html`<author-badge name=${name} posts=${3}></author-badge>`);
    assert.match(out, /name="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    // Escaped as text (the badge draws without Lit, so no Lit markers around it).
    assert.match(plain(shadow(out, 'author-badge')), /<bdi>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/bdi>/);
    assert.doesNotMatch(out, /<script>alert/);
  });

  it('streams: renderInkwellStream yields the same HTML piece by piece', async () => {
    let streamed = '';
    const drain = async (result: RenderResult): Promise<void> => {
      for (const chunk of result) {
        if (typeof chunk === 'string') streamed += chunk;
        else await drain(await chunk);
      }
    };
    await drain(renderInkwellStream('<reading-time minutes="3"></reading-time>'));
    assert.equal(streamed, await renderInkwell('<reading-time minutes="3"></reading-time>'));
  });
});
