// When the dialog's code cannot be fetched, the reader who asked for the dialog is told, and can try again:
// the dialog then opens for the same selection. Its own file, so that the code has not been loaded yet.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/typo-reporter/define.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';
import { enHint } from '../../src/typo-reporter/hint-strings.js';
import { en } from '../../src/core/messages/en.js';
import { captureWarnings } from '../helpers/warnings.js';

describe('<typo-reporter> when its dialog code cannot be fetched', () => {
  it('says so, offers to try again, and opens the dialog for the same selection once the code is here', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <article id="story"><p>Proofreaders read slowly, and the teh mistake hid in plain sight.</p></article>
      <typo-reporter for="story" api="/api-test"></typo-reporter>
    </div>`);
    const reporter = wrapper.querySelector('typo-reporter') as TypoReporter;
    await reporter.updateComplete;
    // Both the fetch and its second try under another address fail.
    await fetch('/__fail-next?path=/src/typo-reporter/machinery.&times=2');
    const text = wrapper.querySelector('p')!.firstChild!;
    const at = text.nodeValue!.indexOf('teh');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 3);
    const warnings = await captureWarnings(async () => {
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      const event = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
      document.body.dispatchEvent(event);
      expect(event.defaultPrevented, 'the shortcut was taken').to.equal(true);
      await waitUntil(() => reporter.shadowRoot!.querySelector('[part="notice"]'), 'no notice that the dialog could not load');
    });
    expect(warnings.some((warning) => warning.includes('<typo-reporter> could not load its dialog'))).to.equal(true);
    const notice = reporter.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.include('Could not reach the server');
    expect(reporter.shadowRoot!.querySelector('dialog')).to.equal(null);
    await expect(reporter).to.be.accessible();

    const retry = notice.querySelector('button')!;
    expect(retry.textContent).to.equal('Try again');
    retry.click();
    await waitUntil(() => reporter.shadowRoot!.querySelector('dialog')?.open, 'the retry did not open the dialog');
    expect(reporter.shadowRoot!.querySelector('mark')!.textContent).to.equal('teh');
    expect(reporter.shadowRoot!.querySelector('[part="notice"]'), 'the notice went with the error').to.equal(null);
    reporter.shadowRoot!.querySelector('dialog')!.close();
    document.getSelection()!.removeAllRanges();
  });

  it('shows its hint and failure in the same English words as the dialog’s', () => {
    for (const [key, value] of Object.entries(enHint)) expect(value, key).to.equal(en[key as keyof typeof enHint]);
  });
});
