import { expect, waitUntil } from '@open-wc/testing';
import '../../src/author-badge/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';
import { RTL_LANGS, SAMPLES } from '../rtl/pages.js';
import { charBox, mountRtl, rect, shadow, textNode } from '../helpers/rtl.js';

describe('<author-badge> right to left', () => {
  for (const lang of RTL_LANGS) {
    describe(lang, () => {
      it('puts the avatar on the right of the name, and "more" with its fade at the inline end (left)', async () => {
        const page = await mountRtl('author-badge', lang);
        const [medium, small, large] = [...page.querySelectorAll<AuthorBadge>('author-badge')];
        for (const badge of [medium, small, large]) {
          expect(rect(shadow(badge, '.avatar')).left, `${badge.size}: avatar right of the text`).to.be.at.least(rect(shadow(badge, '.text')).right - 0.5);
        }
        expect(rect(shadow(large, '.actions')).right, 'actions at the left end').to.be.at.most(rect(shadow(large, '.text')).left + 0.5);
        await waitUntil(() => shadow(medium, '.toggle'), 'the long bio gets "more"');
        const bio = shadow(medium, '#bio');
        const toggle = shadow(medium, '.toggle');
        expect(Math.abs(rect(toggle).left - rect(bio).left), '"more" at the left edge of the bio').to.be.lessThan(1);
        expect(Math.abs(rect(toggle).bottom - rect(bio).bottom), '"more" on the last line').to.be.lessThan(1);
        // The mask fades towards the inline end: the left, where "more" sits.
        const mask = getComputedStyle(bio).maskImage || getComputedStyle(bio).getPropertyValue('-webkit-mask-image');
        expect(mask).to.match(/to right/);
      });

      it('keeps a Latin name in order inside a right-to-left page (<bdi>)', async () => {
        const page = await mountRtl('author-badge', lang);
        const badge = page.querySelector<AuthorBadge>('author-badge')!;
        const bdi = shadow(badge, '.name bdi');
        expect(bdi, 'the name is isolated').to.not.equal(null);
        expect(bdi.textContent).to.equal(SAMPLES[lang].name);
        const name = textNode(bdi, SAMPLES[lang].name);
        expect(charBox(name, 'N').left, 'the name reads left to right').to.be.lessThan(charBox(name, 'W').left);
        expect(shadow(badge, '.meta bdi').textContent).to.equal('2 posts');
        expect(shadow(badge, '#bio bdi').textContent).to.equal(SAMPLES[lang].bio);
      });
    });
  }

  it('fades at the right in a left-to-right page', async () => {
    const page = await mountRtl('author-badge', 'ar', 'ltr');
    const badge = page.querySelector<AuthorBadge>('author-badge')!;
    await waitUntil(() => shadow(badge, '.toggle'), 'the long bio gets "more"');
    expect(Math.abs(rect(shadow(badge, '.toggle')).right - rect(shadow(badge, '#bio')).right)).to.be.lessThan(1);
    expect(getComputedStyle(shadow(badge, '#bio')).maskImage || getComputedStyle(shadow(badge, '#bio')).getPropertyValue('-webkit-mask-image')).to.match(/to left/);
  });
});
