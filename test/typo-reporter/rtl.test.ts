import { expect, waitUntil } from '@open-wc/testing';
import '../../src/typo-reporter/define.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';
import { RTL_LANGS, SAMPLES } from '../rtl/pages.js';
import { mountRtl, rect, shadow, textNode } from '../helpers/rtl.js';

async function openDialog(page: HTMLElement, mistake: string) {
  const text = textNode(page.querySelector('article')!, mistake);
  const at = text.nodeValue!.indexOf(mistake);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + mistake.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  const reporter = page.querySelector<TypoReporter>('typo-reporter')!;
  expect(reporter.report()).to.equal(true);
  await waitUntil(() => reporter.shadowRoot!.querySelector('dialog[open]'), 'the dialog opens');
  return reporter.shadowRoot!.querySelector('dialog')!;
}

describe('<typo-reporter> right to left', () => {
  for (const lang of RTL_LANGS) {
    describe(lang, () => {
      it('keeps the keys in left-to-right order: Ctrl, then Enter', async () => {
        const page = await mountRtl('typo-reporter', lang);
        const reporter = page.querySelector<TypoReporter>('typo-reporter')!;
        const keys = [...reporter.shadowRoot!.querySelectorAll('.hint kbd')];
        expect(keys).to.have.length(2);
        expect(keys[0].closest('bdi')?.getAttribute('dir'), 'the keys are isolated left to right').to.equal('ltr');
        expect(rect(keys[0]).right, `${keys[0].textContent} left of ${keys[1].textContent}`).to.be.at.most(rect(keys[1]).left);
        expect(Math.abs(rect(shadow(reporter, '.hint')).right - rect(page).right), 'the hint starts at the right').to.be.lessThan(1);
        // The English sentence (no catalogue here) is isolated: its full stop stays after "Enter", not before "Found".
        const sentence = shadow(reporter, '.hint slot > bdi');
        expect(sentence.textContent).to.match(/^Found a mistake\?.*Enter\.$/);
        const stop = textNode(sentence, '.');
        const range = document.createRange();
        range.setStart(stop, stop.nodeValue!.indexOf('.'));
        range.setEnd(stop, stop.nodeValue!.indexOf('.') + 1);
        expect(range.getBoundingClientRect().left, 'the full stop right of Enter').to.be.at.least(rect(keys[1]).right - 0.5);
      });

      it('lays the dialog out from the right: quote bar on the right, buttons at the left end', async () => {
        const page = await mountRtl('typo-reporter', lang);
        const dialog = await openDialog(page, SAMPLES[lang].mistake);
        const quote = dialog.querySelector('blockquote')!;
        expect(getComputedStyle(quote).borderRightWidth).to.equal('3px');
        expect(getComputedStyle(quote).borderLeftWidth).to.equal('0px');
        expect(quote.querySelector('bdi mark')!.textContent, 'the quoted passage is isolated').to.equal(SAMPLES[lang].mistake);
        const form = rect(dialog.querySelector('form')!);
        const buttons = [...dialog.querySelectorAll('.actions button')].map(rect);
        expect(Math.abs(buttons[buttons.length - 1].left - form.left), 'Send at the left end').to.be.lessThan(1);
        expect(buttons[0].left, 'Cancel right of Send').to.be.greaterThan(buttons[1].left);
        const status = rect(dialog.querySelector('.status')!);
        expect(Math.abs(status.right - form.right), 'the status at the start (right)').to.be.lessThan(1);
        for (const field of dialog.querySelectorAll('input, textarea')) expect(field.getAttribute('dir'), `${field.getAttribute('name')} follows its text`).to.equal('auto');
        dialog.close();
      });
    });
  }

  it('centres its notice whichever way the page reads', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const page = await mountRtl('typo-reporter', 'ar', dir);
      const reporter = page.querySelector<TypoReporter>('typo-reporter')!;
      reporter.maxLength = 3;
      const text = textNode(page.querySelector('article')!, SAMPLES.ar.mistake);
      const range = document.createRange();
      range.selectNodeContents(text);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      await reporter.updateComplete;
      reporter.report();
      await waitUntil(() => reporter.shadowRoot!.querySelector('.notice'), `the notice shows (${dir})`);
      const notice = rect(shadow(reporter, '.notice'));
      expect(Math.abs(notice.left + notice.width / 2 - innerWidth / 2), `centred (${dir})`).to.be.lessThan(1.5);
      expect(notice.width, `as wide as its text (${dir})`).to.be.lessThan(innerWidth - 10);
    }
  });
});
