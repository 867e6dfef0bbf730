import { expect } from '@open-wc/testing';
import type { ReadingTime } from '../../src/reading-time/reading-time.js';

// A page of its own: the markup is there before the element is defined, as on a publisher's page.
describe('defining an element on a page in another language', () => {
  it('keeps the tag undefined, with its light-DOM fallback, until the strings arrive', async () => {
    const holder = document.createElement('div');
    holder.lang = 'de';
    holder.innerHTML = '<reading-time minutes="3">3 Min.</reading-time>';
    document.body.append(holder);
    const el = holder.querySelector('reading-time') as ReadingTime;
    try {
      await import('../../src/reading-time/define.js');
      expect(el.matches(':defined'), 'defined before its strings arrived').to.equal(false);
      expect(el.textContent).to.equal('3 Min.');
      await customElements.whenDefined('reading-time');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal('3 Min. Lesezeit');
    } finally {
      holder.remove();
    }
  });
});
