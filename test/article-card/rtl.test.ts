import { expect } from '@open-wc/testing';
import '../../src/article-card/define.js';
import type { ArticleCard } from '../../src/article-card/article-card.js';
import { RTL_LANGS, SAMPLES } from '../rtl/pages.js';
import { charBox, mountRtl, rect, shadow, textNode } from '../helpers/rtl.js';

describe('<article-card> right to left', () => {
  for (const lang of RTL_LANGS) {
    describe(lang, () => {
      it('mirrors the layouts: horizontal picture on the right, compact picture on the left', async () => {
        const page = await mountRtl('article-card', lang);
        const [horizontal, compact] = [...page.querySelectorAll<ArticleCard>('article-card')];
        expect(rect(shadow(horizontal, '.media')).left).to.be.at.least(rect(shadow(horizontal, '.body')).right - 0.5);
        expect(rect(shadow(compact, '.media')).right).to.be.at.most(rect(shadow(compact, '.body')).left + 0.5);
        expect(Math.abs(rect(shadow(horizontal, '.headline')).right - rect(shadow(horizontal, '.body')).right), 'headline starts at the right').to.be.lessThan(1);
      });

      it('reads the metadata from the right: author first, each later item to the left of the one before', async () => {
        const page = await mountRtl('article-card', lang);
        const card = page.querySelector<ArticleCard>('article-card')!;
        await (card.shadowRoot!.querySelector('author-badge') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const items = [...card.shadowRoot!.querySelectorAll('.item')];
        expect(items).to.have.length(4);
        const contents = items.map((item) => item.lastElementChild!.getBoundingClientRect());
        expect(Math.abs(contents[0].right - rect(shadow(card, '.meta')).right), 'the author at the start (right)').to.be.lessThan(6);
        for (let i = 1; i < contents.length; i++) {
          if (Math.abs(contents[i].top - contents[i - 1].top) > 2) continue;
          expect(contents[i].right, `item ${i} left of item ${i - 1}`).to.be.at.most(contents[i - 1].left + 0.5);
        }
      });

      it('isolates the headline, excerpt, tags and the counts (<bdi>, dir=auto)', async () => {
        const page = await mountRtl('article-card', lang);
        const card = page.querySelector<ArticleCard>('article-card')!;
        expect(shadow(card, '.headline bdi').textContent).to.equal(SAMPLES[lang].headline);
        expect(shadow(card, '.excerpt bdi').textContent).to.equal(SAMPLES[lang].excerpt);
        expect([...card.shadowRoot!.querySelectorAll('[part="tag"] bdi')].map((b) => b.textContent)).to.deep.equal(SAMPLES[lang].tags.split(', '));
        expect(shadow(card, '.meta time').getAttribute('dir')).to.equal('auto');
        const minutes = textNode(card.shadowRoot!, 'min read');
        expect(minutes.parentElement!.localName).to.equal('bdi');
        // Isolated, "3 min read" keeps its order; unisolated in a right-to-left line it reads "min read 3".
        expect(charBox(minutes, '3').left).to.be.lessThan(charBox(minutes, 'min').left);
        const comments = textNode(card.shadowRoot!, 'comments');
        expect(comments.parentElement!.localName).to.equal('bdi');
        expect(charBox(comments, '1').left).to.be.lessThan(charBox(comments, 'comments').left);
      });
    });
  }
});
