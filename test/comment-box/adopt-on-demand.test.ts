import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import type { CommentPage } from '../../src/comment-box/types.js';
import { adoptCode } from '../../src/comment-box/adopt-code.js';
import { FakeApi, sampleThread } from '../../mocks/inkwell-api.js';
import { fragmentHtml, threadHtml } from '../../server/src/comments/html.js';
import { captureWarnings } from '../helpers/warnings.js';

// The code that reads an included page (chunks/adopt.js in the drop-in build) is fetched only by a box holding
// one; here that fetch is held back or fails, as on a slow or broken network: the included comments stay shown.
const BASE = '/fake/v1';
const realLoad = adoptCode.load;
let api: FakeApi;
let loads = 0;

/** Holds the adoption code back until `release()` (or fails it with `fail()`), counting the fetches. */
function holdAdoption() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  adoptCode.load = () => {
    loads++;
    return gate.then(() => realLoad());
  };
  return { release, fail };
}

async function included() {
  const page = (await (await fetch(`${BASE}/threads/t1/comments?sort=oldest&limit=20`)).json()) as CommentPage;
  api.requests.length = 0;
  return fragmentHtml(threadHtml(page, 'en'), page, { thread: 't1', sort: 'oldest', lastEventId: 7 }, new Date());
}

async function place(fragment: string) {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager>${fragment}</comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await el.updateComplete;
  return el;
}

const listings = () => api.requests.filter((r) => r.method === 'GET' && /^\/threads\/t1\/comments$/.test(r.path));
const shown = (el: CommentBox) => waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent?.includes('('), 'the thread was not shown', { timeout: 5000 });
/** The included comments the reader sees (slotted, not hidden). */
const visibleIncluded = (el: CommentBox) => [...el.querySelectorAll('article')].filter((a) => a.getClientRects().length > 0).length;
/** The headings the reader sees, the element's and the included page's. */
const visibleHeadings = (el: CommentBox) =>
  [...el.shadowRoot!.querySelectorAll('h2'), ...el.querySelectorAll('h2')].filter((h2) => h2.getClientRects().length > 0).map((h2) => h2.textContent!.trim());

describe('<comment-box> included page, its code fetched on demand', () => {
  beforeEach(() => {
    localStorage.clear();
    loads = 0;
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 3) }).install();
  });
  afterEach(() => {
    adoptCode.load = realLoad;
    api.uninstall();
  });

  it('fetches no adoption code for a box without included markup, and fetches it for one with it', async () => {
    holdAdoption().release();
    const plain = await place('<p>Comments load here.</p>');
    await shown(plain);
    expect(loads, 'without markup').to.equal(0);
    expect(listings()).to.have.length(1);
    api.requests.length = 0;
    const adopting = await place(await included());
    await shown(adopting);
    expect(loads, 'with markup').to.equal(1);
    expect(listings(), 'the included page is not fetched').to.have.length(0);
  });

  it('shows only the included markup while the code is on its way, then the element\'s own drawing', async () => {
    const { release } = holdAdoption();
    const el = await place(await included());
    const expected = api.comments.length;
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    // Neither the element's heading nor "Loading comments…" beside the included ones: no second heading, no shift.
    expect([...el.shadowRoot!.querySelectorAll('h2, .status, article')].filter((node) => node.getClientRects().length > 0)).to.deep.equal([]);
    expect(visibleHeadings(el)).to.deep.equal([`Comments (${expected})`]);
    expect(visibleIncluded(el)).to.equal(expected);
    expect(listings()).to.have.length(0);
    release();
    await shown(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(expected);
    expect(visibleIncluded(el)).to.equal(0);
    expect(visibleHeadings(el), 'the element\'s own heading, once').to.deep.equal([`Comments (${expected})`]);
    expect(el.shadowRoot!.querySelector('h2')!.getClientRects().length).to.be.greaterThan(0);
    expect(listings()).to.have.length(0);
  });

  it('gives markup made before the wrapper had its slot the included page\'s place', async () => {
    const { release } = holdAdoption();
    const el = await place((await included()).replace(' slot="included"', ''));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(el.querySelector('[data-inkwell-comments]')!.getAttribute('slot')).to.equal('included');
    expect(visibleHeadings(el)).to.deep.equal([`Comments (${api.comments.length})`]);
    expect(el.shadowRoot!.querySelector('h2')!.getClientRects().length, 'the element\'s heading').to.equal(0);
    release();
    await shown(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.getClientRects().length).to.be.greaterThan(0);
    expect(visibleIncluded(el)).to.equal(0);
  });

  it('says so and fetches the thread when the code cannot be fetched; the included comments stay shown meanwhile', async () => {
    const { fail } = holdAdoption();
    api.options.delayMs = 300;
    let el!: CommentBox;
    const warnings = await captureWarnings(async () => {
      el = await place(await included());
      fail(new TypeError('Failed to fetch dynamically imported module'));
      await waitUntil(() => listings().length === 1, 'the thread was not fetched', { timeout: 5000 });
      expect(visibleIncluded(el), 'while the listing loads').to.equal(api.comments.length);
      await shown(el);
    });
    expect(warnings.join('\n')).to.match(/^\[inkwell\] <comment-box> the included comments cannot be read \(TypeError: Failed to fetch dynamically imported module\): fetching them$/m);
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(api.comments.length);
    // The fetched thread replaces the included page under the element's own heading.
    await el.updateComplete;
    expect(visibleIncluded(el)).to.equal(0);
    expect(visibleHeadings(el)).to.deep.equal([`Comments (${api.comments.length})`]);
    expect(loads).to.equal(1);
  });

  it('keeps the included comments in view when neither their code nor the thread can be fetched, with a retry', async () => {
    const { fail } = holdAdoption();
    let el!: CommentBox;
    await captureWarnings(async () => {
      el = await place(await included());
      api.fail('offline', 'offline', 'offline');
      fail(new TypeError('Failed to fetch dynamically imported module'));
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error state', { timeout: 8000 });
    });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Comments could not be loaded.');
    expect(visibleIncluded(el), 'the included comments').to.equal(api.comments.length);
    expect(visibleHeadings(el)).to.deep.equal([`Comments (${api.comments.length})`]);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!.click();
    await shown(el);
    await el.updateComplete;
    expect(visibleIncluded(el)).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(api.comments.length);
  });

  it('starts again when taken away while the code was on its way and put back', async () => {
    const { release } = holdAdoption();
    const el = await place(await included());
    const parent = el.parentElement!;
    el.remove();
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('article'), 'not adopted while away').to.equal(null);
    parent.append(el);
    await shown(el);
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(api.comments.length);
    expect(loads).to.equal(2);
    expect(listings()).to.have.length(0);
  });
});
