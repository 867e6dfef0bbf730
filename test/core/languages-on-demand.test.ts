import { expect, fixture, html } from '@open-wc/testing';
import '../../src/author-badge/define.js';
import '../../src/reading-time/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';
import { registerMessages } from '../../src/core/i18n.js';

const meta = (el: AuthorBadge) => el.shadowRoot!.querySelector('[part="meta"]')?.textContent;
const requestsFor = (file: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(file)).length;

// A page of its own: nothing has asked for a language other than English before these tests.
describe('the machinery of other languages, on demand', () => {
  it('is not fetched by an English page, with regions and a site\'s own English strings', async () => {
    registerMessages('en-GB', { posts: { one: '{n} article', other: '{n} articles' } });
    const holder = await fixture<HTMLElement>(html`<div lang="en">
      <author-badge name="A" posts="1200"></author-badge>
      <author-badge lang="en-GB" name="B" posts="2"></author-badge>
      <reading-time lang="en-US" minutes="3"></reading-time>
    </div>`);
    const [plain, british] = [...holder.querySelectorAll('author-badge')];
    const reading = holder.querySelector('reading-time')!;
    await Promise.all([plain.updateComplete, british.updateComplete, reading.updateComplete]);
    expect([meta(plain), meta(british)]).to.deep.equal(['1,200 posts', '2 articles']);
    expect(reading.shadowRoot!.textContent!.trim()).to.equal('3 min read');
    expect(requestsFor('/core/languages.'), 'no request for the machinery').to.equal(0);
    expect(requestsFor('/messages/catalogues.'), 'not even the table of catalogues').to.equal(0);
  });

  it('is fetched once, with the catalogue, by the first element in another language', async () => {
    const holder = await fixture<HTMLElement>(html`<div>
      <author-badge lang="de" name="A" posts="1200"></author-badge>
      <author-badge lang="de-AT" name="B" posts="1"></author-badge>
      <author-badge lang="fr" name="C" posts="2"></author-badge>
    </div>`);
    const badges = [...holder.querySelectorAll('author-badge')];
    await Promise.all(badges.map((badge) => badge.updateComplete));
    expect(badges.map(meta)).to.deep.equal(['1.200 Beiträge', '1 Beitrag', '2 articles']);
    expect(requestsFor('/core/languages.'), 'one request for the machinery').to.equal(1);
    expect([requestsFor('/messages/de.'), requestsFor('/messages/fr.')]).to.deep.equal([1, 1]);
  });
});
