import { expect, waitUntil } from '@open-wc/testing';
import '../../src/reading-time/define.js';
import { RTL_LANGS } from '../rtl/pages.js';
import { charBox, mountRtl, rect, shadow, textNode } from '../helpers/rtl.js';

describe('<reading-time> right to left', () => {
  for (const lang of RTL_LANGS) {
    it(`isolates the estimate, so "3 min read" keeps its order in ${lang}`, async () => {
      const page = await mountRtl('reading-time', lang);
      const el = page.querySelector('reading-time')!;
      await waitUntil(() => shadow(el, 'time'), 'the estimate shows');
      const time = shadow(el, 'time');
      expect(time.getAttribute('dir')).to.equal('auto');
      const text = textNode(time, 'min read');
      // In a right-to-left paragraph without isolation the number jumps to the far end: "min read 3".
      expect(charBox(text, '3').left).to.be.lessThan(charBox(text, 'min').left);
      // The estimate starts the right-to-left line: it sits at the right of the paragraph.
      expect(Math.abs(rect(time).right - rect(page.querySelector('p')!).right)).to.be.lessThan(1.5);
    });
  }
});
