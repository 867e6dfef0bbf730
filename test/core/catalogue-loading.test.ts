import { expect, fixture, html } from '@open-wc/testing';
import '../../src/author-badge/define.js';
import '../../src/reading-time/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';

const meta = (el: AuthorBadge) => el.shadowRoot!.querySelector('[part="meta"]')?.textContent;
const requestsFor = (file: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(file)).length;

// A page of its own: the German catalogue has not been fetched before these tests.
describe('catalogues loaded on demand', () => {
  it('shows nothing in English before the strings of its language arrive (only the light-DOM fallback), then renders in that language', async () => {
    expect(requestsFor('/messages/de.')).to.equal(0);
    // Every frame until the German strings are drawn: what the German elements showed. The catalogue
    // may arrive within the first frame (Firefox, a warm cache), so the test watches, not samples once.
    const frames: string[] = [];
    let watching = true;
    const watch = () => {
      for (const el of document.querySelectorAll('[lang^="de"] author-badge, author-badge[lang="de"], reading-time[lang="de"]')) frames.push(el.shadowRoot?.textContent ?? '');
      if (watching) requestAnimationFrame(watch);
    };
    watch();
    const holder = await fixture<HTMLElement>(html`<div>
      <author-badge name="A" posts="1200"></author-badge>
      <author-badge lang="de" name="B" posts="1200"></author-badge>
      <div lang="de-AT"><author-badge name="C" posts="1"></author-badge></div>
      <reading-time lang="de" minutes="3">3 Minuten</reading-time>
    </div>`);
    const [english, german, austrian] = [...holder.querySelectorAll('author-badge')];
    const reading = holder.querySelector('reading-time')!;
    await english.updateComplete;
    expect(meta(english)).to.equal('1,200 posts');
    // Until its strings are here, the reading time shows only its light-DOM fallback, as before the upgrade.
    if (!reading.shadowRoot!.querySelector('time')) {
      const fallback = reading.shadowRoot!.querySelector('slot');
      expect(fallback?.assignedNodes().map((node) => node.textContent).join()).to.equal('3 Minuten');
    }
    await german.updateComplete;
    await austrian.updateComplete;
    expect(meta(german)).to.equal('1.200 Beiträge');
    expect(meta(austrian)).to.equal('1 Beitrag');
    await reading.updateComplete;
    expect(reading.shadowRoot!.textContent!.trim()).to.equal('3 Min. Lesezeit');
    watching = false;
    expect(frames.filter((text) => /posts?\b|min read/.test(text)), 'English drawn in a German element').to.deep.equal([]);
    expect(requestsFor('/messages/de.'), 'one request for the language').to.equal(1);
  });

  it('renders again when a lang in the page changes', async () => {
    const holder = await fixture<HTMLElement>(html`<div lang="en"><author-badge name="A" posts="2"></author-badge></div>`);
    const badge = holder.querySelector('author-badge')!;
    await badge.updateComplete;
    expect(meta(badge)).to.equal('2 posts');
    holder.lang = 'de';
    await new Promise((resolve) => setTimeout(resolve));
    await badge.updateComplete;
    expect(meta(badge)).to.equal('2 Beiträge');
  });

  it('never mixes languages: a language without strings gets English words and English numbers and plurals', async () => {
    // Armenian counts 0 as "one" and groups 1200 as "1 200": "0 post", "1 200 posts" would be the mix.
    const holder = await fixture<HTMLElement>(html`<div lang="hy">
      <author-badge name="A" posts="0"></author-badge>
      <author-badge name="B" posts="1200"></author-badge>
    </div>`);
    const badges = [...holder.querySelectorAll('author-badge')];
    await Promise.all(badges.map((badge) => badge.updateComplete));
    expect(badges.map(meta)).to.deep.equal(['0 posts', '1,200 posts']);
  });
});
