import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/comment-box/define.js';
import '../../src/article-card/define.js';
import type { ArticleCard } from '../../src/article-card/article-card.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { captureErrors } from '../helpers/warnings.js';

// The test server answers on every local address but sends no CORS headers: the same server under the
// page's other loopback name is a real second origin that refuses this page, as an API without
// INKWELL_CORS_ORIGINS does.
const otherOrigin = location.hostname === 'localhost' ? location.origin.replace('//localhost', '//127.0.0.1') : location.origin.replace(/\/\/[^:/]+/, '//localhost');
// A port browsers refuse to connect to: a cross-origin API that is simply not there.
const unreachable = 'http://127.0.0.1:1';

/** console.error calls made while `run` runs, then until `until` holds, then for `settleMs` more (the diagnosis runs in the background). */
const errorsDuring = (run: () => Promise<unknown>, until?: (errors: string[]) => boolean, settleMs = 300): Promise<string[]> => {
  const seen: string[] = [];
  return captureErrors(async () => {
    await run();
    if (until) await waitUntil(() => until(seen), 'the expected console errors did not come', { timeout: 8000 }).catch(() => undefined);
    await aTimeout(settleMs);
  }, seen);
};

// What a reader sees of the metadata: the items shown (a count on its way holds an invisible place), without the separators.
const meta = (card: ArticleCard) =>
  [...card.shadowRoot!.querySelectorAll('[part="meta"] .item:not([data-pending])')].map((item) => item.textContent!.replace(/·/g, ' ').replace(/\s+/g, ' ').trim()).join(' ');

describe('a cross-origin API that refuses this page (CORS)', () => {
  it('says so once per page, naming the page origin and the exact setting, while the elements fail as usual', async () => {
    let box!: CommentBox;
    let cards: ArticleCard[] = [];
    const errors = await errorsDuring(
      async () => {
        const holder = await fixture<HTMLElement>(html`<div>
          <comment-box api=${otherOrigin} thread="t1" eager></comment-box>
          <comment-box api=${`${otherOrigin}/v1/`} thread="t2" eager></comment-box>
          <article-card api=${otherOrigin} headline="h" thread="t1" minutes="3"></article-card>
          <article-card api=${otherOrigin} headline="h2" thread="t2" minutes="4"></article-card>
        </div>`);
        box = holder.querySelector('comment-box')!;
        cards = [...holder.querySelectorAll('article-card')];
        await waitUntil(() => box.shadowRoot!.querySelector('[role="alert"]'), 'the comment box did not fail', { timeout: 8000 });
      },
      (errors) => errors.some((e) => e.includes('INKWELL_CORS_ORIGINS')),
    );
    const cors = errors.filter((e) => e.includes('INKWELL_CORS_ORIGINS'));
    expect(cors, errors.join('\n')).to.have.length(1);
    expect(cors[0]).to.include(`INKWELL_CORS_ORIGINS=${location.origin}`);
    expect(cors[0]).to.include(otherOrigin);
    expect(box.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Comments could not be loaded.');
    expect(cards.map(meta)).to.deep.equal(['3 min read', '4 min read']);
  });

  it('blames nothing on CORS when the API cannot be reached at all', async () => {
    let box!: CommentBox;
    const errors = await errorsDuring(
      async () => {
        box = await fixture<CommentBox>(html`<comment-box api=${unreachable} thread="t1" eager></comment-box>`);
        await waitUntil(() => box.shadowRoot!.querySelector('[role="alert"]'), 'the comment box did not fail', { timeout: 8000 });
      },
      undefined,
      500,
    );
    expect(errors.filter((e) => e.includes('INKWELL_CORS_ORIGINS'))).to.deep.equal([]);
    expect(box.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Comments could not be loaded.');
  });
});
