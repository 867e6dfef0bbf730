import { expect, waitUntil } from '@open-wc/testing';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { FakeApi, fakeToken } from '../../mocks/inkwell-api.js';
import { RTL_LANGS, rtlThread } from '../rtl/pages.js';
import { mountRtl, rect } from '../helpers/rtl.js';

describe('<comment-box> right to left', () => {
  let api: FakeApi;
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: '/fake/v1' }).install();
  });
  afterEach(() => api.uninstall());

  for (const lang of RTL_LANGS) {
    it(`indents replies from the right and draws the comment rule on the right (${lang})`, async () => {
      api.comments = rtlThread('rtl', lang);
      const page = await mountRtl('comment-box', lang, 'rtl', `api="/fake/v1" thread="rtl" eager token="${fakeToken('Ada Okafor')}"`);
      const box = page.querySelector<CommentBox>('comment-box')!;
      await waitUntil(() => box.shadowRoot!.querySelectorAll('article').length === 3 && box.shadowRoot!.querySelector('button[type="submit"]'), 'the comments load');
      const [first, reply] = [...box.shadowRoot!.querySelectorAll('article')];
      const parent = rect(first);
      const child = rect(reply);
      expect(parent.right - child.right, 'the reply is indented from the right').to.be.greaterThan(10);
      expect(Math.abs(parent.left - child.left), 'and ends where its parent ends').to.be.lessThan(1);
      const style = getComputedStyle(first);
      expect(style.borderRightWidth).to.equal('2px');
      expect(style.borderLeftWidth).to.equal('0px');
      // The avatar leads the header: at the right.
      const header = first.querySelector('header')!;
      expect(Math.abs(rect(header.querySelector('.avatar')!).right - rect(header).right)).to.be.lessThan(1);
      // The form's note starts the row at the right; the buttons end it at the left.
      const row = box.shadowRoot!.querySelector('.row')!;
      const buttons = [...row.querySelectorAll('button')].map(rect);
      expect(Math.abs(Math.min(...buttons.map((b) => b.left)) - rect(row).left), 'the buttons at the left end').to.be.lessThan(1);
    });

    it(`isolates what readers write and their names from the page's direction (${lang})`, async () => {
      api.comments = rtlThread('rtl', lang);
      const page = await mountRtl('comment-box', lang, 'rtl', `api="/fake/v1" thread="rtl" eager token="${fakeToken('Ada Okafor')}"`);
      const box = page.querySelector<CommentBox>('comment-box')!;
      await waitUntil(() => box.shadowRoot!.querySelectorAll('article').length === 3 && box.shadowRoot!.querySelector('button[type="submit"]'), 'the comments load');
      const root = box.shadowRoot!;
      expect(root.querySelector('textarea')!.getAttribute('dir')).to.equal('auto');
      for (const article of root.querySelectorAll('article')) expect(article.querySelector('[dir="auto"]'), 'the body').not.to.equal(null);
      expect(root.querySelector('article bdi'), 'the author name').not.to.equal(null);
      // "Signed in as Ada Okafor.": the Latin name, isolated, cannot drag the sentence's full stop into its run.
      expect(root.querySelector('.note')!.textContent).to.include('\u2068Ada Okafor\u2069');
    });
  }
});
