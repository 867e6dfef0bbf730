// Reporting a typo without a mouse (WCAG 2.1.1): the "Report a mistake" button, the passage a screen reader
// selected, and a passage the reader quotes when nothing is selected.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/typo-reporter/define.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';
import { chord, expectFocusOn, focusLandsOn, forcedColors, isFirefox, oneByRole } from '../helpers/a11y.js';

const ARTICLE = 'The harbour was quiet before the first edition. Proofreaders read slowly, and the teh mistake hid in plain sight.';

async function page(attributes: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="before">Before</button>
    <article id="story"><p>${ARTICLE}</p></article>
  </div>`);
  const reporter = document.createElement('typo-reporter');
  reporter.setAttribute('for', 'story');
  reporter.setAttribute('api', '/typo-a11y');
  for (const [name, value] of Object.entries(attributes)) reporter.setAttribute(name, value);
  wrapper.append(reporter);
  await reporter.updateComplete;
  return { article: wrapper.querySelector('article')!, reporter, before: wrapper.querySelector<HTMLButtonElement>('#before')! };
}

function select(root: Node, word: string) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode();
  while (text && !text.nodeValue!.includes(word)) text = walker.nextNode();
  const at = text!.nodeValue!.indexOf(word);
  const range = document.createRange();
  range.setStart(text!, at);
  range.setEnd(text!, at + word.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

const dialogOf = (reporter: TypoReporter) => reporter.shadowRoot!.querySelector('dialog');
const reportButton = (reporter: TypoReporter) => oneByRole(reporter.shadowRoot!, 'button', 'Report a mistake');

let realFetch: typeof window.fetch;
let sent: Record<string, string>[];

describe('<typo-reporter> without a mouse', () => {
  beforeEach(() => {
    sent = [];
    realFetch = window.fetch;
    window.fetch = (async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ id: 't_9', count: 1 }), { status: 201, headers: { 'content-type': 'application/json' } });
    }) as typeof window.fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
    getSelection()!.removeAllRanges();
  });

  it('offers a "Report a mistake" button that Tab reaches, which reports the selection and gets focus back', async () => {
    const { article, reporter, before } = await page();
    const button = await reportButton(reporter);
    expect(button.getAttribute('aria-keyshortcuts')).to.match(/^(Control|Meta)\+Enter$/);
    select(article, 'teh');
    before.focus();
    await sendKeys({ press: 'Tab' });
    expectFocusOn(button, 'the report button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(reporter)?.open, 'the button did not open the dialog');
    expect(dialogOf(reporter)!.querySelector('mark')!.textContent).to.equal('teh');
    await focusLandsOn(() => dialogOf(reporter)!.querySelector('input'), 'the correction');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(reporter), 'Escape did not close the dialog');
    await focusLandsOn(() => button, 'the report button');
    expect(getSelection()!.toString()).to.equal('teh');
  });

  it('keeps the passage a screen reader selected while its reader moved to the button', async () => {
    const { article, reporter } = await page();
    select(article, 'teh');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A screen reader's virtual cursor moves on and takes the caret with it, collapsing the selection.
    getSelection()!.collapseToEnd();
    const button = (await reportButton(reporter)) as HTMLButtonElement;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(reporter)?.open, 'the button did not open the dialog');
    expect(dialogOf(reporter)!.querySelector('mark')!.textContent).to.equal('teh');
  });

  it('with nothing selected, lets the reader quote the passage and says the report cannot link to it', async () => {
    const { reporter } = await page();
    const button = (await reportButton(reporter)) as HTMLButtonElement;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(reporter)?.open, 'the button did not open the dialog');
    const dialog = dialogOf(reporter)!;
    const quote = await oneByRole(dialog, 'textbox', 'The passage with the mistake');
    await focusLandsOn(() => quote, 'the quote field');
    expect(dialog.textContent).to.include('cannot link to the passage');
    expect(quote.getAttribute('aria-describedby')).to.equal(dialog.querySelector('.note')!.id);
    await sendKeys({ type: 'the teh   mistake' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'the mistake' });
    const delivered = oneEvent(reporter, 'typo-report-sent');
    await chord('Control', 'Enter');
    const { detail } = await delivered;
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({ selection: 'the teh mistake', suggestion: 'the mistake', prefix: '', suffix: '' });
    expect(sent[0].fragment, 'no text fragment').to.equal(location.href.split('#')[0]);
    expect(detail.fragment).to.not.include(':~:text=');
  });

  it('keeps focus on Send while the report goes out, and after the server refused it', async () => {
    const { article, reporter } = await page();
    window.fetch = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return new Response(JSON.stringify({ error: { code: 'invalid', message: 'no' } }), { status: 422, headers: { 'content-type': 'application/json' } });
    }) as typeof window.fetch;
    select(article, 'teh');
    await chord('Control', 'Enter');
    await waitUntil(() => dialogOf(reporter)?.open, 'the dialog did not open');
    const send = dialogOf(reporter)!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await reporter.updateComplete;
    expectFocusOn(send, 'Send, while sending');
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => dialogOf(reporter)!.querySelector('[role="alert"]')?.textContent?.trim(), 'no error shown');
    expectFocusOn(send, 'Send (now "Try again")');
  });

  it('keeps the button for keyboards with hide-hint: out of sight until it has focus', async () => {
    const { reporter, before } = await page({ 'hide-hint': '' });
    expect(reporter.getBoundingClientRect().height).to.equal(0);
    const button = await reportButton(reporter);
    expect(button.getBoundingClientRect().width).to.be.at.most(1);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expectFocusOn(button, 'the report button');
    expect(button.getBoundingClientRect().width).to.be.greaterThan(20);
  });

  it('keeps the reported passage marked in forced colours', async function () {
    if (isFirefox) this.skip();
    const { article, reporter } = await page();
    select(article, 'teh');
    await chord('Control', 'Enter');
    await waitUntil(() => dialogOf(reporter)?.open);
    try {
      await forcedColors(true);
      const mark = dialogOf(reporter)!.querySelector('mark')!;
      // The system's own highlight colours, as forced colours paint a <mark>: not the Canvas every other background becomes.
      const system = document.createElement('span');
      system.style.cssText = 'forced-color-adjust: none; background: Mark; color: MarkText';
      document.body.append(system);
      try {
        expect(getComputedStyle(mark).backgroundColor).to.equal(getComputedStyle(system).backgroundColor);
        expect(getComputedStyle(mark).color).to.equal(getComputedStyle(system).color);
      } finally {
        system.remove();
      }
    } finally {
      await forcedColors(false);
    }
  });
});
