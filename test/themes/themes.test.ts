import { expect } from '@open-wc/testing';
import { THEME_PAGES, type ThemePageName } from './pages.js';
import { hosts, openThemePage, openTypoDialog, px, typeComment, type Measured, type ThemeFrame } from '../helpers/theme-frame.js';
import { contrastFailures, seenIn } from '../helpers/rendered.js';
import { textContrast } from '../helpers/contrast.js';


for (const name of Object.keys(THEME_PAGES) as ThemePageName[]) {
  const theme = THEME_PAGES[name];
  describe(`on a ${name} page (the page ${theme.htmlClass || theme.bodyClass ? 'dark by its own class' : 'light'}, the system ${theme.system})`, function () {
    this.timeout(20000);
    let page: ThemeFrame;
    let float: Measured | undefined;

    before(async () => {
      page = await openThemePage(name);
      await typeComment(page);
      ({ float } = await openTypoDialog(page));
    });
    after(() => page.remove());

    it("sizes everything from the element's inherited font size, not the root's", () => {
      const body = px(page.doc.body, 'font-size');
      const smallest = { size: Infinity, where: '' };
      for (const host of page.doc.querySelectorAll('reading-time, author-badge, article-card, typo-reporter, comment-box')) {
        for (const { el, text } of seenIn(host).texts) {
          const size = px(el, 'font-size');
          if (size < smallest.size) Object.assign(smallest, { size, where: `${host.localName}: "${text.slice(0, 30)}"` });
        }
      }
      // A page whose text is 18 px (Casper's 62.5% root and 1.8rem body) gets nothing below about 14 px.
      expect(smallest.size, `smallest text, in ${smallest.where}`).to.be.at.least(body * 0.78);
      const dialog = page.doc.querySelector('typo-reporter')!.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(px(dialog, 'font-size'), 'the typo dialog takes the size of the text it sits in').to.equal(px(page.doc.querySelector('#story')!, 'font-size'));
      expect(float, 'the touch button appeared').to.not.equal(undefined);
      expect(float!.size, 'the touch button').to.be.at.least(body * 0.78);
      const badge = page.doc.querySelector('author-badge[size="small"]')!;
      expect(px(badge.shadowRoot!.querySelector('[part="avatar"]')!, 'width'), 'the byline avatar').to.be.closeTo(1.5 * px(badge, 'font-size'), 0.5);
      const comment = page.doc.querySelector('comment-box')!.shadowRoot!;
      expect(px(comment.querySelector('[part="comment"] .avatar')!, 'width'), 'a comment avatar').to.be.at.least(body * 1.3);
    });

    it('keeps text at 4.5:1 and controls at 3:1 against what they sit on, whatever the system says', () => {
      expect(float!.contrast, 'the touch button').to.be.at.least(4.5);
      expect(contrastFailures(page.doc)).to.deep.equal([]);
    });

    it("keeps a slotted headline link in the card's own colour, not the theme's a { color }", () => {
      for (const card of page.doc.querySelectorAll('article-card')) {
        const link = card.querySelector('a[slot="headline"]')!;
        expect(page.win.getComputedStyle(link).color).to.equal(page.win.getComputedStyle(card).color);
        expect(textContrast(link)).to.be.at.least(4.5);
      }
    });

    it('fills the box that the theme gives each card, whatever display the theme puts on it', () => {
      for (const card of page.doc.querySelectorAll('article-card')) {
        const inner = card.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
        const width = card.clientWidth - px(card, 'padding-left') - px(card, 'padding-right');
        expect(inner.width, `${card.className}`).to.be.closeTo(width, 1);
      }
      // The large card spans the feed's three columns.
      const large = page.doc.querySelector('article-card')!;
      expect(large.getBoundingClientRect().width).to.be.greaterThan(page.doc.querySelector('main')!.clientWidth * 0.8);
    });

    it('draws every element of the page', () => {
      expect(hosts(page.doc).every((el) => el.shadowRoot)).to.equal(true);
    });
  });
}
