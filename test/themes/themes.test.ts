import { expect } from '@open-wc/testing';
import { THEME_PAGES, type ThemePageName } from './pages.js';
import { frames, hosts, openThemePage, type ThemeFrame } from '../helpers/theme-frame.js';
import { seenIn } from '../helpers/rendered.js';
import { paintContrast, textContrast } from '../helpers/contrast.js';

const px = (el: Element, property: string) => parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).getPropertyValue(property));

interface Measured {
  size: number;
  contrast: number;
}

/** Opens the typo dialog on a few words of the article, after measuring the touch button that appears first. */
async function openTypoDialog(page: ThemeFrame): Promise<{ float?: Measured }> {
  const { doc, win } = page;
  const reporter = doc.querySelector('typo-reporter') as HTMLElement & { report(): boolean; updateComplete: Promise<unknown> };
  const text = doc.querySelector('#story p')!.firstChild!;
  doc.dispatchEvent(new win.PointerEvent('pointerdown', { pointerType: 'touch' }));
  const range = doc.createRange();
  range.setStart(text, 6);
  range.setEnd(text, 16);
  win.getSelection()!.removeAllRanges();
  win.getSelection()!.addRange(range);
  const float = await new Promise<Element | null>((resolve) => {
    const started = Date.now();
    const poll = () => {
      const found = reporter.shadowRoot!.querySelector('.float, [part="button"]');
      if (found || Date.now() - started > 3000) resolve(found);
      else setTimeout(poll, 50);
    };
    poll();
  });
  const measured = float ? { size: px(float, 'font-size'), contrast: textContrast(float) } : undefined;
  expect(reporter.report()).to.equal(true);
  await reporter.updateComplete;
  await frames(win);
  return { float: measured };
}

async function typeComment(page: ThemeFrame) {
  const box = page.doc.querySelector('comment-box') as HTMLElement & { updateComplete: Promise<unknown> };
  const start = Date.now();
  while (!box.shadowRoot!.querySelector('textarea') && Date.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
  const field = box.shadowRoot!.querySelector('textarea')!;
  field.value = 'A kind word about commas.';
  field.dispatchEvent(new page.win.Event('input', { bubbles: true, composed: true }));
  await box.updateComplete;
}

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
      const failures: string[] = [];
      for (const host of page.doc.querySelectorAll('reading-time, author-badge, article-card, typo-reporter, comment-box')) {
        const { texts, controls } = seenIn(host);
        for (const { el, text } of texts) {
          const ratio = textContrast(el);
          if (ratio < 4.5) failures.push(`${host.localName}: "${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
        }
        for (const control of controls) {
          const style = page.win.getComputedStyle(control);
          if (parseFloat(style.borderTopWidth) > 0) {
            const ratio = paintContrast(control, style.borderTopColor);
            if (ratio < 3) failures.push(`${host.localName}: border of <${control.localName} class="${control.className}"> ${ratio.toFixed(2)}:1`);
          }
        }
      }
      expect(float!.contrast, 'the touch button').to.be.at.least(4.5);
      expect(failures).to.deep.equal([]);
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
