// The inbox in the page's language: its words from the catalogue of `lang`, its layout mirrored right to left.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CommentModeration } from '../../src/comment-moderation/comment-moderation.js';
import { BASE, TOKEN, installFake, $, keys } from './helpers.js';

async function mountIn(lang: string, dir: 'ltr' | 'rtl') {
  installFake();
  const holder = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style="width: 40rem">
    <comment-moderation api=${BASE} token=${TOKEN} no-live></comment-moderation>
  </div>`);
  const el = holder.querySelector('comment-moderation') as CommentModeration;
  await waitUntil(() => keys(el).length === 4, 'listed', { timeout: 5000 });
  return el;
}

describe('<comment-moderation> in other languages', () => {
  it('speaks German on a German page', async () => {
    const el = await mountIn('de', 'ltr');
    expect($(el, 'form.filters')!.textContent).to.include('Zustand').and.include('Wartet auf Entscheidung');
    expect($(el, '.toolbar')!.textContent).to.include('4 Einträge');
    expect($(el, 'li.item [data-action="approve"]')!.textContent!.trim()).to.equal('Freigeben');
  });

  it('speaks Arabic and mirrors its layout on a right-to-left page', async () => {
    const el = await mountIn('ar', 'rtl');
    expect($(el, '.toolbar')!.textContent).to.include('تحديد الكل');
    const item = $(el, 'li.item')!;
    const style = getComputedStyle(item);
    // The current item's mark (border-inline-start) is on the right in right-to-left.
    expect(style.borderRightWidth).to.equal('4px');
    expect(style.borderLeftWidth).not.to.equal('4px');
    const box = $(el, 'li.item input[type="checkbox"]')!.getBoundingClientRect();
    const text = $(el, 'li.item .content')!.getBoundingClientRect();
    expect(box.left, 'the selection box starts the line, on the right').to.be.greaterThan(text.left);
  });
});
