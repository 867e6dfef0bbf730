import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/article-card/define.js';
import type { ArticleCard } from '../../src/article-card/article-card.js';
import { commentCount } from '../../src/comment-box/counts.js';

type Fetch = typeof window.fetch;
let realFetch: Fetch;
let urls: string[];

function serve(answer: (url: URL) => Response | Promise<Response>) {
  window.fetch = (async (input: string) => {
    urls.push(String(input));
    return answer(new URL(String(input), location.href));
  }) as Fetch;
}

// What a reader sees of the metadata: the items shown (a count on its way holds an invisible place), without the separators.
const meta = (card: ArticleCard) =>
  [...card.shadowRoot!.querySelectorAll('[part="meta"] .item:not([data-pending])')].map((item) => item.textContent!.replace(/·/g, ' ').replace(/\s+/g, ' ').trim()).join(' ');

describe('comment counts on cards', () => {
  beforeEach(() => {
    realFetch = window.fetch;
    urls = [];
  });
  afterEach(() => (window.fetch = realFetch));

  it('serves every card of a page with one request', async () => {
    serve((url) => {
      const counts = Object.fromEntries(url.searchParams.getAll('thread').map((thread, i) => [thread, i + 1]));
      return new Response(JSON.stringify({ counts }), { headers: { 'content-type': 'application/json' } });
    });
    const holder = await fixture<HTMLElement>(html`<div>
      ${['a', 'b', 'https://example.com/posts/c?x=1', 'd', 'e'].map((thread) => html`<article-card api="/v1" headline="h" thread=${thread}></article-card>`)}
    </div>`);
    const cards = [...holder.querySelectorAll('article-card')];
    await waitUntil(() => cards.every((card) => meta(card).includes('comment')), 'counts did not arrive');
    expect(urls).to.have.length(1);
    expect(new URL(urls[0], location.href).searchParams.getAll('thread')).to.deep.equal(['a', 'b', 'https://example.com/posts/c?x=1', 'd', 'e']);
    expect(cards.map(meta)).to.deep.equal(['1 comment', '2 comments', '3 comments', '4 comments', '5 comments']);
  });

  it('holds the place of a count on its way, so its arrival never adds a line', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    serve(async (url) => {
      await held;
      const counts = Object.fromEntries(url.searchParams.getAll('thread').map((thread) => [thread, 12]));
      return new Response(JSON.stringify({ counts }), { headers: { 'content-type': 'application/json' } });
    });
    const widths = Array.from({ length: 15 }, (_, i) => 220 + i * 15);
    const holder = await fixture<HTMLElement>(html`<div>
      ${widths.map((width, i) => html`<article-card style="display: block; width: ${width}px" api="/v1" headline="h" thread="t${i}"
        author="Nushama Wellness" published="2026-11-20" minutes="3"></article-card>`)}
    </div>`);
    const cards = [...holder.querySelectorAll('article-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    await Promise.all(cards.map((card) => (card.shadowRoot!.querySelector('author-badge') as unknown as ArticleCard).updateComplete));
    await new Promise(requestAnimationFrame);
    const heights = () => cards.map((card) => Math.round(card.getBoundingClientRect().height));
    const before = heights();
    release();
    await waitUntil(() => cards.every((card) => meta(card).includes('12 comments')), 'counts did not arrive');
    expect(heights()).to.deep.equal(before);
  });

  it('leaves cards without a count when the request fails', async () => {
    serve(() => new Response('down', { status: 503 }));
    const card = await fixture<ArticleCard>(html`<article-card api="/v1" headline="h" thread="x" minutes="2"></article-card>`);
    await aTimeout(1500);
    expect(meta(card)).to.equal('2 min read');
  });

  it('keeps the comments attribute until the served count arrives, and asks nothing without a thread', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    serve(async () => {
      await held;
      return new Response(JSON.stringify({ counts: { x: 9 } }), { headers: { 'content-type': 'application/json' } });
    });
    const card = await fixture<ArticleCard>(html`<article-card api="/v1" headline="h" thread="x" comments="4"></article-card>`);
    expect(meta(card)).to.equal('4 comments');
    release();
    await waitUntil(() => meta(card) === '9 comments');
    urls = [];
    await fixture<ArticleCard>(html`<article-card api="/v1" headline="h" comments="1"></article-card>`);
    await aTimeout(50);
    expect(urls).to.deep.equal([]);
  });

  it('splits more than 100 threads into several requests, and answers unknown threads with undefined', async () => {
    serve((url) => new Response(JSON.stringify({ counts: Object.fromEntries(url.searchParams.getAll('thread').filter((t) => t !== 't7').map((t) => [t, 0])) })));
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => commentCount('/v9', `t${i}`)));
    expect(urls).to.have.length(2);
    expect(answers[0]).to.equal(0);
    expect(answers[7]).to.equal(undefined);
  });
});
