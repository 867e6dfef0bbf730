import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import type { Comment, CommentPage } from '../../src/comment-box/types.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { fragmentHtml, threadHtml } from '../../server/src/comments/html.js';
import { captureWarnings } from '../helpers/warnings.js';
import { includedPage } from '../../src/comment-box/adopt.js';
import { FakeEventSource } from '../helpers/fake-event-source.js';

// <comment-box> takes over the page a site included inside it (GET …/comments.html, made here by the
// server's own renderer from the fake API's page): shown before JavaScript and after, never fetched again.
// No static import of define.js: the first test watches the element being defined.

const BASE = '/fake/v1';
let api: FakeApi;


/** The fake API's anonymous first page, as the server would include it; no request is counted. */
async function included(query = 'sort=oldest&limit=20', facts: { thread?: string; sort?: 'oldest' | 'newest'; renderedAt?: Date } = {}) {
  const page = (await (await fetch(`${BASE}/threads/t1/comments?${query}`)).json()) as CommentPage;
  api.requests.length = 0;
  return fragmentHtml(threadHtml(page, 'en'), page, { thread: facts.thread ?? 't1', sort: facts.sort ?? 'oldest', lastEventId: 7 }, facts.renderedAt ?? new Date());
}

async function mount(fragment: string, attributes = '') {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" ${attributes}>${fragment}</comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'did not show the thread', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const listings = () => api.requests.filter((r) => r.method === 'GET' && /^\/threads\/t1\/comments$/.test(r.path));
const shadowBodies = (el: CommentBox) => [...el.shadowRoot!.querySelectorAll('article .body')].map((b) => b.textContent!.trim());
/** Comments the reader can see, in the included markup or in the element's own rendering. */
const visibleArticles = (el: Element) =>
  [...el.querySelectorAll('article'), ...(el.shadowRoot?.querySelectorAll('article') ?? [])].filter((a) => a.getClientRects().length > 0).length;

describe('<comment-box> adopting an included page', () => {
  const RealEventSource = window.EventSource;
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 8) }).install();
    (window as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    api.uninstall();
    window.EventSource = RealEventSource;
  });

  it('shows the included comments in every frame, before the element is defined and after, then hydrated, without fetching them', async () => {
    expect(customElements.get('comment-box'), 'this test must run before the element is defined').to.equal(undefined);
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager>${await included()}</comment-box>`;
    const el = holder.querySelector('comment-box') as CommentBox;
    const expected = api.comments.filter((c) => c.status === 'published').length;
    const frames: number[] = [];
    let watching = true;
    const watch = () => {
      frames.push(visibleArticles(el));
      if (watching) requestAnimationFrame(watch);
    };
    watch();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await import('../../src/comment-box/define.js');
    await waitUntil(() => el.shadowRoot?.querySelector('article'), 'did not render', { timeout: 5000 });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    watching = false;
    expect(frames.length).to.be.above(5);
    expect(frames, 'every comment, once, in every frame').to.deep.equal(frames.map(() => expected));
    expect(listings(), 'no request for the first page').to.have.length(0);
    // Hydrated: the element's own rendering, in the element's order and with its controls; the markup hidden.
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(`Comments (${expected})`);
    expect(shadowBodies(el)).to.have.length(expected);
    expect(el.shadowRoot!.querySelector('#comment-s0 .body strong')!.textContent).to.equal('emphasis');
    expect(el.shadowRoot!.querySelector('#comment-s0 time')!.textContent).to.match(/ago$/);
    expect(el.querySelector<HTMLElement>('[data-inkwell-comments]')!.hidden).to.equal(true);
    const reply = el.shadowRoot!.querySelector('#comment-s4')!.closest('li')!;
    expect(reply.parentElement!.closest('li'), 'the reply nested under its comment').to.equal(el.shadowRoot!.querySelector('#comment-s3')!.closest('li'));
  });

  it('reads back what the JSON listing says: ids, nesting, authors, pictures, dates, edits, bodies, deleted placeholders, the pin and author labels', async () => {
    const [first, second] = api.comments;
    Object.assign(first, { editedAt: new Date().toISOString(), author: { ...first.author, picture: 'https://pics.example/a.png' } });
    api.pins.set('t1', 's2');
    Object.assign(second, { byAuthor: true });
    Object.assign(api.comments[4]!, { byAuthor: true });
    api.comments.push({ ...second, id: 'gone', status: 'deleted', body: '' }, { ...second, id: 'under-gone', parentId: 'gone', body: 'still here' });
    const listed = (await (await fetch(`${BASE}/threads/t1/comments?sort=oldest&limit=20`)).json()) as CommentPage;
    const host = document.createElement('div');
    host.innerHTML = await included();
    const adopted = includedPage(host, 't1', 'oldest');
    if (typeof adopted !== 'object') throw new Error(`not adopted: ${adopted}`);
    // All the element reads; the author's opaque id, the guest flag and reply counts are not shown, so not carried.
    const shown = (c: Comment) => [c.id, c.parentId, c.status, c.author.name, c.author.picture, c.createdAt, c.editedAt, c.body, c.pinned, c.byAuthor];
    const byId = (a: Comment, b: Comment) => a.id.localeCompare(b.id);
    const topLevel = (comments: Comment[]) => comments.filter((c) => !c.parentId).map((c) => c.id);
    expect(topLevel(adopted.page.comments), 'in the listing\'s order, the pin first').to.deep.equal(topLevel(listed.comments));
    expect(topLevel(adopted.page.comments)[0]).to.equal('s2');
    expect(adopted.page.comments.sort(byId).map(shown)).to.deep.equal(listed.comments.sort(byId).map(shown));
    expect(adopted.page.comments.filter((c) => c.pinned).map((c) => c.id)).to.deep.equal(['s2']);
    expect(adopted.page.comments.filter((c) => c.byAuthor).map((c) => c.id)).to.deep.equal(['s1', 's4', 'under-gone']);
    expect([adopted.page.total, adopted.page.nextCursor]).to.deep.equal([listed.total, listed.nextCursor]);
    expect(adopted.stale).to.equal(undefined);

    const el = await mount(await included(), 'eager');
    expect(listings()).to.have.length(0);
    const root = el.shadowRoot!;
    expect(root.querySelector('#comment-s0 header')!.textContent).to.include('(edited)');
    expect(root.querySelector('#comment-gone')!.textContent).to.include('This comment was deleted.');
    expect(root.querySelector('#comment-under-gone')!.closest('li')!.parentElement!.closest('li')).to.equal(root.querySelector('#comment-gone')!.closest('li'));
    // The labels as the element draws them: the same words as the included markup, the pin first.
    expect(root.querySelector('ol > li > article')!.id).to.equal('comment-s2');
    expect(root.querySelector('#comment-s2 [part="pinned"]')!.textContent).to.equal(el.querySelector('#comment-s2 [data-label="pinned"]')!.textContent);
    expect([...root.querySelectorAll('[part="author-label"]')].map((l) => [l.closest('article')!.id, l.textContent]))
      .to.deep.equal([...el.querySelectorAll('[data-label="author"]')].map((l) => [l.closest('article')!.id, l.textContent]));
    expect(root.querySelectorAll('[part="author-label"]')).to.have.length(3);
    // What the listing would have drawn, drawn from the markup: the same text in the same order.
    const drawn = shadowBodies(el);
    api.requests.length = 0;
    const fetched = await mount('', 'eager');
    expect(listings()).to.have.length(1);
    expect(drawn).to.deep.equal(shadowBodies(fetched));
  });

  it('keeps "Load more", posting, replies and live updates working', async () => {
    const el = await mount(await included('sort=oldest&limit=3'), `eager live page-size="3" token="${fakeToken('Ann')}"`);
    const root = el.shadowRoot!;
    // Signed in: the reader's own view of the first page, fetched behind the included one.
    await waitUntil(() => listings().length === 1, 'the reader\'s view was not fetched');
    const before = shadowBodies(el).length;
    [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Load more comments')!.click();
    await waitUntil(() => shadowBodies(el).length > before, 'Load more added nothing');
    expect(listings()).to.have.length(2);
    root.querySelector<HTMLButtonElement>('#comment-s0 [data-action=reply]')!.click();
    await el.updateComplete;
    const field = root.querySelector<HTMLTextAreaElement>('#comment-s0 ~ form textarea, li form textarea')!;
    field.value = 'A reply to the included comment';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    field.form!.requestSubmit();
    await waitUntil(() => shadowBodies(el).includes('A reply to the included comment'), 'the reply was not posted');
    expect(api.requests.some((r) => r.method === 'POST' && (r.body as { parentId?: string }).parentId === 's0')).to.equal(true);
    // Others' comments from the live stream.
    // From the last event before the page was listed: nothing between its making and now is missed.
    expect(FakeEventSource.last!.url).to.equal(`${BASE}/threads/t1/events?lastEventId=7`);
    FakeEventSource.last!.emit('comment-created', { ...api.comments[0], id: 'live1', body: 'From elsewhere', createdAt: new Date().toISOString() });
    await el.updateComplete;
    [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === '1 new comment')!.click();
    await waitUntil(() => shadowBodies(el).includes('From elsewhere'), 'the live comment did not show');
  });

  it('shows the included page to a signed-in reader at once and fetches their own view behind it', async () => {
    api.options.delayMs = 1000;
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager token="${fakeToken('Ann')}">${await included()}</comment-box>`;
    const el = holder.querySelector('comment-box') as CommentBox;
    // Once the code that reads them is here (fetched for included markup only, see adopt-on-demand.test.ts).
    await waitUntil(() => el.shadowRoot?.querySelector('article'), 'not adopted', { timeout: 5000 });
    await el.updateComplete;
    // The fetch is on its way (a second), the included comments are drawn.
    expect(listings()).to.have.length(1);
    expect(listings()[0].headers.authorization).to.match(/^Bearer /);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    expect(shadowBodies(el)).to.have.length(api.comments.length);
  });

  it('shows a page made long ago, warns and fetches it again behind it', async () => {
    const old = await included('sort=oldest&limit=20', { renderedAt: new Date(Date.now() - 3 * 3600_000) });
    api.comments.push({ ...api.comments[0], id: 'newer', body: 'Posted since the build', createdAt: new Date().toISOString() });
    api.options.delayMs = 150;
    let el!: CommentBox;
    const warnings = await captureWarnings(async () => {
      el = await mount(old, 'eager');
      expect(shadowBodies(el)).not.to.include('Posted since the build');
      await waitUntil(() => shadowBodies(el).includes('Posted since the build'), 'the page was not fetched again');
    });
    expect(warnings.join('\n')).to.match(/<comment-box> the included comments are old \(made 180 minutes ago\)/);
    expect(listings()).to.have.length(1);
  });

  for (const [what, make] of [
    ['another thread', () => included(undefined, { thread: 'other' })],
    ['another order', () => included(undefined, { sort: 'newest' })],
    ['a comment without a body', async () => (await included()).replace(/ data-body="[^"]*"/, '')],
    ['a comment without a date', async () => (await included()).replace(/ datetime="[^"]*"/, ' datetime="soon"')],
    ['no total', async () => (await included()).replace(/ data-total="\d+"/, '')],
  ] as const) {
    it(`falls back to fetching, with a warning, for ${what}`, async () => {
      const fragment = await make();
      let el!: CommentBox;
      const warnings = await captureWarnings(async () => (el = await mount(fragment, 'eager')));
      expect(warnings.join('\n')).to.match(/^\[inkwell\] <comment-box> the included comments cannot be used \(.+\): fetching them$/m);
      expect(listings()).to.have.length(1);
      expect(shadowBodies(el)).to.have.length(api.comments.length);
    });
  }

  it('fetches as before when nothing is included, without a warning', async () => {
    const warnings = await captureWarnings(() => mount('<p>Comments load here.</p>', 'eager'));
    expect(warnings).to.deep.equal([]);
    expect(listings()).to.have.length(1);
  });

  it('is accessible once it has adopted the page', async () => {
    const el = await mount(await included(), 'eager');
    await expect(el).to.be.accessible();
  });
});
