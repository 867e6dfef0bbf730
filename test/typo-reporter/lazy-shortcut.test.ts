// The dialog's machinery is fetched on demand: the first Ctrl+Enter, pressed before it is here, is
// not lost. Its own file, so that the machinery has not been loaded by an earlier test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/typo-reporter/define.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';

const machineryRequested = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/typo-reporter/machinery.'));

function select(node: Node, word: string): void {
  const text = [...node.childNodes].find((child) => child.nodeValue?.includes(word))!;
  const at = text.nodeValue!.indexOf(word);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + word.length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('<typo-reporter> before its dialog code has loaded', () => {
  it('takes the first Ctrl+Enter and opens the dialog once the code is here', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <article id="story"><p>Proofreaders read slowly, and the teh mistake hid in plain sight.</p></article>
      <typo-reporter for="story" api="/api-test"></typo-reporter>
    </div>`);
    const reporter = wrapper.querySelector('typo-reporter') as TypoReporter;
    await reporter.updateComplete;
    expect(reporter.shadowRoot!.querySelector('[part="hint"]'), 'the hint is drawn at once').not.to.equal(null);
    expect(machineryRequested(), 'nothing fetched before a selection').to.equal(false);

    // No await between selecting and pressing: the selectionchange event has not even run yet.
    select(wrapper.querySelector('p')!, 'teh');
    const event = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented, 'the shortcut was taken').to.equal(true);
    expect(reporter.shadowRoot!.querySelector('dialog'), 'no dialog before its code is here').to.equal(null);

    await waitUntil(() => reporter.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open');
    expect(machineryRequested()).to.equal(true);
    expect(reporter.shadowRoot!.querySelector('mark')!.textContent).to.equal('teh');
    reporter.shadowRoot!.querySelector('dialog')!.close();
    document.getSelection()!.removeAllRanges();
  });
});
