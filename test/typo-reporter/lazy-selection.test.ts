// The dialog's machinery is fetched on the first selection inside the reporter's scope, not before,
// and not for a selection elsewhere. Its own file, so that no earlier test has loaded the machinery.
import { expect, fixture, html, aTimeout, waitUntil } from '@open-wc/testing';
import '../../src/typo-reporter/define.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';

const machineryRequested = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/typo-reporter/machinery.'));

function selectAll(node: Node): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('<typo-reporter> fetching its dialog code', () => {
  it('waits for a selection inside its scope', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <article id="story"><p>Proofreaders read slowly, and the teh mistake hid in plain sight.</p></article>
      <aside id="outside"><p>Outside the article.</p></aside>
      <typo-reporter for="story" api="/api-test"></typo-reporter>
    </div>`);
    const reporter = wrapper.querySelector('typo-reporter') as TypoReporter;
    await reporter.updateComplete;
    await aTimeout(100);
    expect(machineryRequested(), 'nothing fetched at start').to.equal(false);

    selectAll(wrapper.querySelector('#outside p')!);
    await aTimeout(100);
    expect(machineryRequested(), 'nothing fetched for a selection outside its scope').to.equal(false);

    selectAll(wrapper.querySelector('#story p')!);
    await waitUntil(machineryRequested, 'a selection inside its scope did not fetch the dialog code');
    document.getSelection()!.removeAllRanges();
  });
});
