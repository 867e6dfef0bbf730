import { expect } from '@open-wc/testing';
import { readmeCss } from './pages.js';
import { openThemePage, openTypoDialog, px, readmeText, typeComment, type ThemeFrame } from '../helpers/theme-frame.js';
import { contrastFailures } from '../helpers/rendered.js';

// The README's recipes, applied to the theme pages they were written for (scripts/screenshots.js photographs
// the same pages): what they promise to match, and nothing made unreadable on the way.
async function withRecipe(name: 'casper' | 'casper-dark' | 'tt1' | 'tt1-dark', recipe: string): Promise<ThemeFrame> {
  const page = await openThemePage(name, { head: `<style>${readmeCss(await readmeText(), recipe)}</style>` });
  await typeComment(page);
  await openTypoDialog(page);
  return page;
}

const style = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);
const inShadow = (page: ThemeFrame, host: string, selector: string) => page.doc.querySelector(host)!.shadowRoot!.querySelector(selector)!;

describe("the README's recipes", function () {
  this.timeout(20000);

  for (const name of ['casper', 'casper-dark'] as const) {
    it(`makes the elements look like Casper's own on a ${name} page`, async () => {
      const page = await withRecipe(name, 'recipe-casper');
      try {
        const card = page.doc.querySelector('article-card')!;
        const headline = card.shadowRoot!.querySelector('[part="headline"]')!;
        expect(style(headline).fontWeight).to.equal('800');
        expect(px(headline, 'font-size')).to.be.closeTo(1.45 * px(card, 'font-size'), 0.1);
        const tag = card.shadowRoot!.querySelector('[part="tag"]')!;
        expect(style(tag).textTransform).to.equal('uppercase');
        const accent = 'rgb(226, 23, 95)'; // the page's --ghost-accent-color
        for (const button of [inShadow(page, 'comment-box', 'button.primary'), inShadow(page, 'typo-reporter', '[part~="primary-action"]')]) {
          expect(style(button).backgroundColor).to.equal(accent);
          expect(style(button).color).to.equal('rgb(255, 255, 255)');
          expect(style(button).borderTopLeftRadius).to.equal('6px');
        }
        // The accent for links on the light page only: on the dark one the derived accent stays.
        const reply = inShadow(page, 'comment-box', 'button.link');
        expect(style(reply).color === accent).to.equal(name === 'casper');
        expect(contrastFailures(page.doc)).to.deep.equal([]);
      } finally {
        await page.remove();
      }
    });
  }

  for (const name of ['tt1', 'tt1-dark'] as const) {
    it(`makes the elements look like Twenty Twenty-One's own on a ${name} page`, async () => {
      const page = await withRecipe(name, 'recipe-tt1');
      try {
        const body = style(page.doc.body);
        const field = inShadow(page, 'comment-box', 'textarea');
        expect(style(field).borderTopWidth).to.equal('3px');
        expect(style(field).borderTopColor).to.equal(body.color);
        expect(style(field).borderTopLeftRadius).to.equal('0px');
        const post = inShadow(page, 'comment-box', 'button.primary');
        expect(style(post).backgroundColor).to.equal(body.color);
        expect(style(post).color).to.equal(body.backgroundColor);
        expect(style(inShadow(page, 'article-card', '[part="tag"]')).borderTopLeftRadius).to.equal('0px');
        expect(contrastFailures(page.doc)).to.deep.equal([]);
      } finally {
        await page.remove();
      }
    });
  }
});
