import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/article-card/define.js';
import '../../src/author-badge/define.js';

const slow = (ms: number, w = 1600, h = 900) => `/__slow-image.svg?ms=${ms}&w=${w}&h=${h}&n=${Math.random()}`;

function images(root: Element): HTMLImageElement[] {
  const found: HTMLImageElement[] = [];
  for (const host of root.querySelectorAll('article-card, author-badge')) {
    found.push(...host.shadowRoot!.querySelectorAll('img'));
    for (const inner of host.shadowRoot!.querySelectorAll('author-badge')) found.push(...inner.shadowRoot!.querySelectorAll('img'));
  }
  return found;
}

const boxes = (root: Element) =>
  [...root.querySelectorAll('article-card, author-badge, p')].map((el) => {
    const { x, y, width, height } = el.getBoundingClientRect();
    return [x, y, width, height].map(Math.round).join(',');
  });

describe('layout shift', () => {
  it('is zero on a page of 20 cards and 5 badges whose images load late', async () => {
    let shift = 0;
    const supported = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    const observer = supported
      ? new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shift += entry.value;
          }
        })
      : undefined;

    const page = await fixture<HTMLElement>(html`<main style="width: 760px">
      ${Array.from({ length: 5 }, (_, i) => html`<author-badge name="Author ${i}" avatar=${slow(700 + i * 50, 80, 80)} posts=${i} bio="A short bio." loading="eager"></author-badge><p>Text below a badge.</p>`)}
      <article-card featured headline="The lead story" href="/posts/lead" excerpt="A featured card, its image beside the text."
        image=${slow(750)} image-alt="The lead picture" author="Lead Author" minutes="7" comments="12" loading="eager"></article-card>
      <div style="display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px">
        ${Array.from({ length: 20 }, (_, i) => html`<article-card
          headline="Card ${i}"
          href="/posts/${i}"
          excerpt="An excerpt long enough to wrap onto a second line in a narrow card."
          image=${slow(700 + i * 20)}
          image-alt="Picture ${i}"
          author="Author ${i}"
          author-avatar=${slow(800, 80, 80)}
          loading="eager"
          minutes="3"
          comments=${i}
          layout=${i % 3 === 0 ? 'horizontal' : 'stacked'}
        ></article-card>`)}
      </div>
      <p>Text below the listing.</p>
    </main>`);
    await Promise.all([...page.querySelectorAll('article-card')].map((card) => (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    await new Promise(requestAnimationFrame);
    observer?.observe({ type: 'layout-shift', buffered: false });
    const before = boxes(page);
    expect(images(page).some((img) => !img.complete), 'the images should still be loading').to.equal(true);

    await waitUntil(() => images(page).every((img) => img.complete), 'images did not finish loading', { timeout: 8000 });
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    observer?.disconnect();

    expect(boxes(page)).to.deep.equal(before);
    expect(shift).to.equal(0);
  });
});
