// Properties a page sets before the element's code arrives are kept: the element is defined only after they are set.
// Its own file, so that <typo-reporter> is not defined before the test.
import { expect, waitUntil } from '@open-wc/testing';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';

describe('<typo-reporter> upgraded after its properties were set', () => {
  it('takes them over: the hint shows for the e-mail given, hidden as asked, the maximum length kept', async () => {
    const reporter = document.createElement('typo-reporter') as TypoReporter;
    Object.assign(reporter, { email: 'editor@example.com', hideHint: true, maxLength: 12, theme: 'dark' });
    document.body.append(reporter);
    expect(customElements.get('typo-reporter')).to.equal(undefined);
    await import('../../src/typo-reporter/define.js');
    await waitUntil(() => reporter.shadowRoot?.querySelector('[part="hint"]'), 'the hint was not drawn');
    await reporter.updateComplete;
    expect(reporter.email).to.equal('editor@example.com');
    expect(reporter.maxLength).to.equal(12);
    expect(reporter.hasAttribute('hide-hint'), 'hideHint reflected').to.equal(true);
    expect(reporter.getAttribute('theme')).to.equal('dark');
    expect(reporter.getBoundingClientRect().height, 'the hint is hidden').to.equal(0);
    reporter.remove();
  });
});
