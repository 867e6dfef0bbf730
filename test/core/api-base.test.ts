import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comment-box/define.js';
import '../../src/article-card/define.js';
import '../../src/typo-reporter/define.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';

// What a site owner types first: the API's address, without the version. Every element must reach /v1.
const SITE = 'https://comments.example.com';

type Fetch = typeof window.fetch;
let realFetch: Fetch;
let calls: { method: string; url: string }[];

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function serve() {
  window.fetch = (async (input: string, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    calls.push({ method: init.method ?? 'GET', url: url.href });
    if (!url.pathname.startsWith('/v1/')) return json({ error: { code: 'not_found', message: `Nothing at ${url.pathname}` } }, 404);
    if (url.pathname === '/v1/counts') return json({ counts: Object.fromEntries(url.searchParams.getAll('thread').map((t) => [t, 2])) });
    if (url.pathname === '/v1/typo-reports') return json({ id: 't1', count: 1 }, 201);
    return json({ comments: [], total: 0, nextCursor: null });
  }) as Fetch;
}

describe('an API base given without /v1', () => {
  beforeEach(() => {
    realFetch = window.fetch;
    calls = [];
    serve();
  });
  afterEach(() => {
    window.fetch = realFetch;
    document.head.querySelectorAll('meta[name="inkwell-api"]').forEach((m) => m.remove());
  });

  it('reaches /v1 from <comment-box>', async () => {
    const box = await fixture(html`<comment-box api=${SITE} thread="t1" eager></comment-box>`);
    await waitUntil(() => box.shadowRoot!.querySelector('.empty'), 'the thread did not load');
    expect(calls.map((c) => c.url.split('?')[0])).to.deep.equal([`${SITE}/v1/threads/t1/comments`]);
  });

  it('reaches /v1 from <meta name="inkwell-api">, with a trailing slash', async () => {
    document.head.insertAdjacentHTML('beforeend', `<meta name="inkwell-api" content="${SITE}/">`);
    const box = await fixture(html`<comment-box thread="t1" eager></comment-box>`);
    await waitUntil(() => box.shadowRoot!.querySelector('.empty'), 'the thread did not load');
    expect(calls[0].url.split('?')[0]).to.equal(`${SITE}/v1/threads/t1/comments`);
  });

  it('reaches /v1 for the counts of <article-card>', async () => {
    const card = await fixture(html`<article-card api=${SITE} headline="h" thread="t1"></article-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('[part="meta"]')!.textContent!.includes('2 comments'), 'the count did not arrive');
    expect(calls.map((c) => c.url)).to.deep.equal([`${SITE}/v1/counts?thread=t1`]);
  });

  it('reaches /v1 for the reports of <typo-reporter>', async () => {
    const holder = await fixture(html`<div>
      <article id="api-base-story"><p>The teh mistake.</p></article>
      <typo-reporter for="api-base-story" api=${SITE}></typo-reporter>
    </div>`);
    const reporter = holder.querySelector<TypoReporter>('typo-reporter')!;
    await reporter.updateComplete;
    const text = holder.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 7);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
    const dialog = await waitUntil(() => reporter.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open').then(() => reporter.shadowRoot!.querySelector('dialog')!);
    dialog.querySelector('input')!.value = 'the';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => calls.length > 0, 'nothing was sent');
    document.getSelection()!.removeAllRanges();
    expect(calls).to.deep.equal([{ method: 'POST', url: `${SITE}/v1/typo-reports` }]);
  });
});
