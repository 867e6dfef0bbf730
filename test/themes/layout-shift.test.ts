import { expect, waitUntil } from '@open-wc/testing';
import { frames, moved, openThemePage, visibleBoxes } from '../helpers/theme-frame.js';

// The drop-in arriving after the page is drawn, as a module script at the end of the body or a slow CDN
// makes it; the page carries the README's reserve CSS. Chromium reports layout shifts; in both browsers,
// nothing of the page's own markup that is in view may move.
for (const name of ['casper', 'tt1'] as const) {
  describe(`on a ${name} page, the drop-in loaded late`, function () {
    this.timeout(30000);

    it('moves nothing at the top of the article: the reading time under the title, the byline', async () => {
      const page = await openThemePage(name, { late: true, comments: 'api="/fake/v1" thread="t1"' });
      try {
        expect(page.doc.querySelector('reading-time')!.getBoundingClientRect().bottom, 'the reading time is in view').to.be.below(page.win.innerHeight);
        const before = visibleBoxes(page.doc);
        const shifts = page.watchShifts();
        await page.define();
        expect(page.doc.querySelector('reading-time')!.shadowRoot!.textContent).to.match(/min read/);
        expect(moved(before)).to.deep.equal([]);
        if (shifts) expect(shifts()).to.equal(0);
      } finally {
        await page.remove();
      }
    });

    it("draws each element in the space the README's reserve CSS held for it", async () => {
      const page = await openThemePage(name, { late: true, comments: 'api="/fake/v1" thread="t1"' });
      try {
        const selectors = ['reading-time', 'author-badge[size="small"]', 'typo-reporter', 'comment-box'];
        const size = () =>
          selectors.map((selector) => {
            const { width, height } = page.doc.querySelector(selector)!.getBoundingClientRect();
            // An inline reading time has the width of its text, which arrives with it; its line is what is held.
            return `${selector} ${selector === 'reading-time' ? '' : Math.round(width)}×${Math.round(height)}`;
          });
        const reserved = size();
        await page.define();
        expect(page.doc.querySelector('comment-box')!.shadowRoot!.querySelector('article'), 'the thread is still waiting').to.equal(null);
        expect(size()).to.deep.equal(reserved);
      } finally {
        await page.remove();
      }
    });

    it('moves nothing while a reader flicks down through the article to a long thread', async () => {
      // 100 px a frame is a fast fling (6000 px/s); the thread takes 150 ms to arrive.
      const page = await openThemePage(name, { late: true, comments: 'api="/fake/v1" thread="t1" page-size="100"', thread: 60, delayMs: 150 });
      try {
        await page.define();
        const shifts = page.watchShifts();
        const box = page.doc.querySelector('comment-box')!;
        let arrivedInView = false;
        const moves: string[] = [];
        for (let y = 0; y <= page.doc.documentElement.scrollHeight; y += 100) {
          const before = visibleBoxes(page.doc);
          page.win.scrollTo(0, y);
          await frames(page.win, 1);
          moves.push(...moved(before));
          if (!arrivedInView && box.getBoundingClientRect().top < page.win.innerHeight) {
            arrivedInView = true;
            expect(box.shadowRoot!.querySelectorAll('article').length, 'the thread was there before the reader').to.be.greaterThan(0);
          }
        }
        await waitUntil(() => box.shadowRoot!.querySelectorAll('article').length === 60, 'the whole thread was not drawn');
        await frames(page.win);
        expect(moves).to.deep.equal([]);
        if (shifts) expect(shifts()).to.equal(0);
      } finally {
        await page.remove();
      }
    });
  });
}
