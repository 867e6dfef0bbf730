// The card in the accessibility tree: its name, the names inside it, and tag targets (WCAG 2.5.8).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/article-card/define.js';
import type { ArticleCard } from '../../src/article-card/article-card.js';
import { axNodes, axTree, isFirefox, oneByRole } from '../helpers/a11y.js';

async function card(headline = html`<a slot="headline" href="/posts/quiet-craft">The quiet craft of proofreading</a>`) {
  const holder = await fixture<HTMLElement>(html`<div style="width: 360px">
    <article-card href="/posts/quiet-craft" published="2026-01-20T10:00:00Z" minutes="3" author="Nushama Wellness" author-href="/authors/nushama"
      tags="editing, craft" tag-href="/tags/{tag}" comments="4">${headline}</article-card>
  </div>`);
  const el = holder.querySelector('article-card') as ArticleCard;
  await el.updateComplete;
  await el.shadowRoot!.querySelector('author-badge')!.updateComplete;
  return el;
}

describe('<article-card> accessibility', () => {
  it('names its article by the headline, slotted or given as an attribute', async () => {
    const slotted = await card();
    expect(await oneByRole(slotted.shadowRoot!, 'article', 'The quiet craft of proofreading')).to.equal(slotted.shadowRoot!.querySelector('article'));
    const plain = await card(html``);
    plain.headline = 'Reading aloud, reading backwards';
    await plain.updateComplete;
    expect(await oneByRole(plain.shadowRoot!, 'article', 'Reading aloud, reading backwards')).to.equal(plain.shadowRoot!.querySelector('article'));
  });

  it('keeps the "·" separators out of what the accessibility tree reads', async function () {
    if (isFirefox) this.skip();
    const el = await card();
    const tree = await axTree(el.shadowRoot!.querySelector('article')!);
    const texts = [...axNodes(tree)].map((node) => node.name ?? '').filter(Boolean);
    expect(texts.join(' | ')).to.include('3 min read');
    expect(texts.filter((text) => text.includes('·'))).to.deep.equal([]);
  });

  it('gives each tag a target of at least 24×24 px, all of it the tag\'s link, none of it the article\'s', async () => {
    const el = await card();
    const root = el.shadowRoot!;
    for (const tag of root.querySelectorAll<HTMLAnchorElement>('.tags a')) {
      const box = tag.getBoundingClientRect();
      expect(box.width, tag.textContent!).to.be.at.least(24);
      expect(box.height, tag.textContent!).to.be.at.least(24);
      // The pill's edges and corners: its outline and padding, where the reader sees the tag.
      const pill = box;
      for (const [x, y] of [
        [pill.left + 1, pill.top + pill.height / 2],
        [pill.right - 1, pill.top + pill.height / 2],
        [pill.left + pill.width / 2, pill.top + 1],
        [pill.left + pill.width / 2, pill.bottom - 1],
        [pill.left + 1, pill.top + 1],
        [pill.right - 1, pill.bottom - 1],
      ]) {
        expect(root.elementFromPoint(x, y), `${tag.textContent} at ${Math.round(x - pill.left)},${Math.round(y - pill.top)}`).to.equal(tag);
      }
    }
  });
});
