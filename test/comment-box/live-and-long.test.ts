import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import type { Comment } from '../../src/comment-box/types.js';
import { FakeEventSource } from '../helpers/fake-event-source.js';
import { isFirefox } from '../helpers/a11y.js';

const BASE = '/fake/v1';


async function mount(attributes: string) {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager ${attributes}></comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'did not load', { timeout: 5000 });
  return el;
}

describe('<comment-box> live updates', () => {
  let api: FakeApi;
  const RealEventSource = window.EventSource;
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 3) }).install();
    (window as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    api.uninstall();
    window.EventSource = RealEventSource;
  });

  it('holds others\' new comments behind a button, and applies edits and deletions in place', async () => {
    const el = await mount('live');
    const source = FakeEventSource.last!;
    expect(source.url).to.equal(`${BASE}/threads/t1/events`);
    const root = el.shadowRoot!;
    const fresh = { ...sampleThread('t1', 1)[0], id: 'n1', body: 'Hello from elsewhere', createdAt: new Date().toISOString() };
    source.emit('comment-created', fresh);
    source.emit('comment-created', fresh);
    await el.updateComplete;
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === '1 new comment')!;
    expect(button, 'a "1 new comment" button').to.not.equal(undefined);
    expect(root.querySelector('#comment-n1')).to.equal(null, 'not inserted under the reader');
    button.click();
    await el.updateComplete;
    expect(root.querySelector('#comment-n1 .body')!.textContent!.trim()).to.equal('Hello from elsewhere');
    expect(root.querySelector('h2')!.textContent).to.equal('Comments (4)');

    source.emit('comment-updated', { ...api.comments[0], body: 'Edited elsewhere' });
    source.emit('comment-deleted', { ...api.comments[1], status: 'deleted', body: '' });
    await el.updateComplete;
    expect(root.querySelector('#comment-s0 .body')!.textContent!.trim()).to.equal('Edited elsewhere');
    expect(root.querySelector('#comment-s1 .deleted')).to.not.equal(null);

    el.remove();
    expect(source.closed).to.equal(true);
  });

  it('does not announce the reader\'s own comment as new', async () => {
    const el = await mount(`live token="${fakeToken('Ada')}"`);
    const root = el.shadowRoot!;
    const field = root.querySelector('textarea')!;
    field.value = 'Mine';
    field.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => api.comments.length === 4);
    FakeEventSource.last!.emit('comment-created', { ...api.comments[3], own: undefined });
    await waitUntil(() => root.querySelector('h2')!.textContent === 'Comments (4)');
    await el.updateComplete;
    expect([...root.querySelectorAll('button')].some((b) => /new comment/.test(b.textContent!))).to.equal(false);
  });

  it('keeps Edit and Delete on the reader\'s own comment when the stream sends its public view', async () => {
    api.comments = [{ ...sampleThread('t1', 1)[0], author: { id: 'u-ada', name: 'Ada', guest: false }, createdAt: new Date().toISOString() }];
    const el = await mount(`live token="${fakeToken('Ada')}"`);
    const root = el.shadowRoot!;
    const actions = () => [...root.querySelectorAll('#comment-s0 .actions button')].map((b) => b.textContent!.trim());
    expect(actions()).to.include.members(['Edit', 'Delete']);
    FakeEventSource.last!.emit('comment-updated', { ...api.comments[0], body: 'Edited in another tab', own: undefined });
    await el.updateComplete;
    expect(root.querySelector('#comment-s0 .body')!.textContent!.trim()).to.equal('Edited in another tab');
    expect(actions()).to.include.members(['Edit', 'Delete']);
  });

  it('opens no stream without live', async () => {
    FakeEventSource.last = undefined;
    await mount('');
    expect(FakeEventSource.last).to.equal(undefined);
  });
});

/** 100 top-level comments, each with a chain of four replies: 500 in all. */
function longThread(): Comment[] {
  const top = sampleThread('t1', 100).map((c) => ({ ...c, parentId: null }));
  const replies = top.flatMap((parent, i) =>
    Array.from({ length: 4 }, (_, j) => ({ ...parent, id: `${parent.id}-r${j}`, parentId: j === 0 ? parent.id : `${parent.id}-r${j - 1}`, createdAt: new Date(Date.parse(parent.createdAt) + (j + 1) * 1000 + i).toISOString() })),
  );
  return [...top, ...replies];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('<comment-box> with 500 comments', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi({ base: BASE, comments: longThread() }).install();
  });
  afterEach(() => api.uninstall());

  it('shows its first screen at once and draws them all in short tasks: over ten renders, the median longest task is under 100 ms (one task for all 500 takes 200 ms or more; bench:comments counts renders without any 50 ms task)', async function () {
    if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) this.skip();
    this.timeout(120_000);
    const runs: string[] = [];
    for (let run = 0; run < 10; run++) {
      const long: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
      observer.observe({ type: 'longtask' });
      const el = await mount('page-size="100"');
      // The task the listing arrived in drew more than a screen: twenty comments and their height.
      const first = el.shadowRoot!.querySelectorAll('article');
      expect(first.length, 'drawn with the heading').to.be.at.least(20);
      expect(first[first.length - 1].getBoundingClientRect().bottom - first[0].getBoundingClientRect().top, 'a screen drawn with the heading').to.be.above(innerHeight);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Comments (500)');
      await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 500, 'not all 500 rendered', { timeout: 15000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      long.push(...observer.takeRecords());
      observer.disconnect();
      runs.push(long.map((task) => Math.round(task.duration)).join('+') || '0');
      el.remove();
    }
    console.info(`500 comments: long tasks per run ${runs.join(', ')} ms`);
    // The standard (no 50 ms task in any of ten renders) is measured by bench:comments on a quiet machine;
    // here, on a shared CI machine with coverage instrumentation, the test guards against drawing in one long task.
    const longest = runs.map((tasks) => Math.max(...tasks.split('+').map(Number))).sort((a, b) => a - b);
    expect((longest[4] + longest[5]) / 2, `long tasks per run: ${runs.join(', ')} ms`).to.be.below(100);
  });

  it('draws the rest slice after slice without waiting for a frame', async () => {
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    // Animation frames held back: a slicing that waits for one never gets past its first screens.
    const realFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0;
    try {
      holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager page-size="100"></comment-box>`;
      const articles = () => holder.querySelector('comment-box')!.shadowRoot?.querySelectorAll('article').length ?? 0;
      await waitUntil(() => articles() === 500, 'not all 500 drawn without a frame', { timeout: 5000 });
    } finally {
      window.requestAnimationFrame = realFrame;
    }
  });

  it('keeps a comment\'s nodes when the thread is drawn again, so a focused button keeps focus', async () => {
    const el = await mount(`page-size="100" token="${fakeToken('Ada')}"`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 500, 'not all 500 drawn', { timeout: 15000 });
    const root = el.shadowRoot!;
    const like = root.querySelector<HTMLButtonElement>('#comment-s3-r1 button[data-kind="like"]')!;
    const reply = root.querySelector<HTMLElement>('#comment-s3-r1 [data-action="reply"]');
    like.focus();
    like.click();
    await waitUntil(() => like.getAttribute('aria-pressed') === 'true', 'the toggle is not shown on the same button');
    expect(root.activeElement, 'focus stays on Like').to.equal(like);
    expect(root.querySelector('#comment-s3-r1 button[data-kind="like"]'), 'the same button').to.equal(like);
    expect(root.querySelector('#comment-s3-r1 [data-action="reply"]'), 'the same Reply button').to.equal(reply);
    el.remove();
  });
});

describe('<comment-box> timing of the listing', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  /** A fetch that answers the listing only when `respond` is called. */
  function heldFetch(comments: Comment[]) {
    const held: { requested?: number; respond?: () => void } = {};
    window.fetch = (() => {
      held.requested = performance.now();
      return new Promise<Response>((resolve) => {
        held.respond = () => resolve(new Response(JSON.stringify({ comments, total: comments.length, nextCursor: null }), { headers: { 'content-type': 'application/json' } }));
      });
    }) as typeof fetch;
    return held;
  }

  it('asks for the listing when connected, before its first render', async () => {
    const held = heldFetch([]);
    const el = document.createElement('comment-box');
    el.setAttribute('api', BASE);
    el.thread = 't1';
    el.eager = true;
    document.body.append(el);
    try {
      expect(held.requested, 'requested in connectedCallback').to.be.a('number');
      expect(el.shadowRoot!.querySelector('section'), 'not yet rendered').to.equal(null);
    } finally {
      held.respond?.();
      el.remove();
    }
  });

  it('asks once when the thread is the page\'s URL', async () => {
    const api = new FakeApi({ base: BASE, comments: [] }).install();
    const info = console.info;
    console.info = () => {};
    try {
      const holder = await fixture<HTMLElement>(html`<div></div>`);
      holder.innerHTML = `<comment-box api="${BASE}" eager></comment-box>`;
      const el = holder.querySelector('comment-box')!;
      await waitUntil(() => el.shadowRoot?.querySelector('.empty'), 'did not load');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.requests.map((r) => r.path)).to.deep.equal([`/threads/${encodeURIComponent(location.href.split('#')[0])}/comments`]);
    } finally {
      console.info = info;
      api.uninstall();
    }
  });

  it('has 100 comments in the DOM within 40 ms of the response (median of five)', async function () {
    this.timeout(30_000);
    const comments = sampleThread('t1', 100).map((c) => ({ ...c, parentId: null }));
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const held = heldFetch(comments);
      const holder = await fixture<HTMLElement>(html`<div></div>`);
      holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager page-size="100"></comment-box>`;
      const el = holder.querySelector('comment-box')!;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const drawn = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (el.shadowRoot!.querySelectorAll('article').length < 100) return;
          observer.disconnect();
          resolve(performance.measure('comment-box: 100 comments', 'comment-box: response').duration);
        });
        observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      });
      performance.mark('comment-box: response');
      held.respond!();
      times.push(await drawn);
      holder.remove();
    }
    console.info(`100 comments after the response: ${times.map(Math.round).join(', ')} ms`);
    // The 40 ms figure is for headless Chromium. Gecko draws the same DOM slower (31-91 ms per run at 143a823
    // on this machine kind while other work ran), so in Firefox the test guards only against a gross regression.
    const limit = isFirefox ? 80 : 40;
    expect(median(times), `per run: ${times.map(Math.round).join(', ')} ms`).to.be.below(limit);
  });
});

describe('<comment-box> and the page below it', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 30), delayMs: 50 }).install();
  });
  afterEach(() => api.uninstall());

  it('loads before it is seen, so the footer below never jumps in view', async function () {
    if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) this.skip();
    let shift = 0;
    const shifted: string[] = [];
    type Source = { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    const where = ({ node, previousRect: was, currentRect: now }: Source) =>
      `${node instanceof Element ? node.localName + (node.className ? '.' + node.className : '') : node?.nodeName} ${Math.round(was.y)}→${Math.round(now.y)} (h ${Math.round(was.height)}→${Math.round(now.height)})`;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] })[]) {
        if (entry.hadRecentInput) continue;
        shift += entry.value;
        shifted.push(`${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms, scrollY ${Math.round(scrollY)}: ${entry.sources.map(where).join('; ')}`);
      }
    });
    const page = await fixture<HTMLElement>(html`<div>
      <div style="height: 3000px">An article.</div>
      <comment-box api=${BASE} thread="t1"></comment-box>
      <footer style="height: 200px">The site's footer.</footer>
    </div>`);
    const el = page.querySelector('comment-box') as CommentBox;
    observer.observe({ type: 'layout-shift' });
    expect(api.requests).to.have.length(0);
    // The reader scrolls down a screen at a time, as readers do.
    for (let y = 0; y < 4000 && !el.shadowRoot!.querySelector('article'); y += 300) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length > 0, 'the thread did not load on the way down');
    const box = el.getBoundingClientRect();
    expect(box.top, 'the thread loaded before the element entered the viewport').to.be.greaterThan(innerHeight);
    window.scrollTo(0, page.querySelector('footer')!.getBoundingClientRect().top + scrollY);
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    observer.disconnect();
    window.scrollTo(0, 0);
    expect(shift, shifted.join('\n')).to.equal(0);
  });
});
