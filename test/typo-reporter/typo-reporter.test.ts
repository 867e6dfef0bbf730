import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/typo-reporter/define.js';
import '../../src/author-badge/define.js';
import '../../src/reading-time/define.js';
import { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';
import type { TypoReport } from '../../src/typo-reporter/report.js';
import { captureWarnings } from '../helpers/warnings.js';
import { enHint } from '../../src/typo-reporter/hint-strings.js';
import { en } from '../../src/core/messages/en.js';

const ARTICLE = 'The harbour was quiet before the first edition. Proofreaders read slowly, often aloud, and the teh mistake hid in plain sight.';

function selectText(root: Node, word: string, occurrence = 0): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.nodeValue!.indexOf(word);
    while (at >= 0) {
      if (seen++ === occurrence) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return range;
      }
      at = node.nodeValue!.indexOf(word, at + 1);
    }
  }
  throw new Error(`"${word}" not found`);
}

function pressCtrlEnter(target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

const dialogOf = (el: TypoReporter) => el.shadowRoot!.querySelector('dialog');
const statusOf = (el: TypoReporter) => el.shadowRoot!.querySelector('.status')!.textContent!.trim();

interface Page {
  article: HTMLElement;
  reporter: TypoReporter;
}

async function page(attributes: Record<string, string> = { api: '/api-test' }, lang = 'en'): Promise<Page> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <button id="before">Before</button>
    <article id="story"><h1>Title</h1><p>${ARTICLE}</p></article>
    <aside id="outside"><p>Outside the article, teh too.</p></aside>
    <textarea id="field">teh draft</textarea>
  </div>`);
  const reporter = document.createElement('typo-reporter');
  reporter.setAttribute('for', 'story');
  for (const [name, value] of Object.entries(attributes)) reporter.setAttribute(name, value);
  wrapper.append(reporter);
  await reporter.updateComplete;
  return { article: wrapper.querySelector('article')!, reporter };
}

async function openFor(p: Page, word = 'teh', occurrence = 0) {
  selectText(p.article, word, occurrence);
  const event = pressCtrlEnter();
  expect(event.defaultPrevented, 'the shortcut was taken').to.equal(true);
  await waitUntil(() => dialogOf(p.reporter)?.open, 'the dialog did not open');
  return dialogOf(p.reporter)!;
}

type Fetch = typeof window.fetch;
let realFetch: Fetch;
let requests: { url: string; init: RequestInit; body: Record<string, string> }[];

function answer(...responses: (Response | Error)[]) {
  window.fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url: String(url), init, body: JSON.parse(String(init.body ?? '{}')) });
    const next = responses.length > 1 ? responses.shift()! : responses[0];
    if (next instanceof Error) throw next;
    return next.clone();
  }) as Fetch;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('<typo-reporter>', () => {
  beforeEach(() => {
    realFetch = window.fetch;
    requests = [];
  });
  afterEach(() => {
    window.fetch = realFetch;
    document.getSelection()?.removeAllRanges();
  });

  describe('the hint', () => {
    it('shows the platform shortcut, in the page language', async () => {
      const { reporter } = await page();
      expect(reporter).to.be.instanceOf(TypoReporter);
      const hint = reporter.shadowRoot!.querySelector('[part="hint"]')!;
      const apple = /Mac|iPhone|iPad/.test(navigator.platform);
      expect(hint.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Found a mistake? Select it and press ${apple ? '⌘' : 'Ctrl'}+Enter. Report a mistake`);
      const german = await page({ api: '/x' }, 'de');
      expect(german.reporter.shadowRoot!.querySelector('[part="hint"]')!.textContent).to.include('Fehler gefunden?');
    });

    it('can be replaced through the slot, or hidden', async () => {
      const el = await fixture<TypoReporter>(html`<typo-reporter api="/x">Spotted a typo? Tell us.</typo-reporter>`);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedNodes()[0].textContent).to.equal('Spotted a typo? Tell us.');
      el.hideHint = true;
      await el.updateComplete;
      expect(getComputedStyle(slot).display).to.equal('none');
      expect(el.getBoundingClientRect().height, 'nothing of the hint takes room').to.equal(0);
    });

    it('says the hint (and that its dialog could not load) in the same English words as the catalogue', () => {
      // The element brings them (hint-strings.ts); the dialog's English (en-typo-dialog.ts) comes with its code.
      for (const [key, value] of Object.entries(enHint)) expect(value, key).to.equal(en[key as keyof typeof enHint]);
    });

    it('warns at start-up when reports have nowhere to go', async () => {
      const warnings = await captureWarnings(async () => {
        await fixture(html`<typo-reporter></typo-reporter>`);
        await aTimeout(0);
      });
      expect(warnings.some((w) => w.includes('<typo-reporter> api') && w.includes('nowhere to go'))).to.equal(true);
    });
  });

  describe('the keyboard path', () => {
    it('opens a dialog with the passage in context and the correction prefilled', async () => {
      const p = await page();
      const dialog = await openFor(p);
      expect(dialog.querySelector('[part="context"] mark')!.textContent).to.equal('teh');
      expect(dialog.querySelector('[part="context"]')!.textContent).to.include('and the').and.include('mistake hid');
      const input = dialog.querySelector('input')!;
      expect(input.value).to.equal('teh');
      expect(p.reporter.shadowRoot!.activeElement).to.equal(input);
    });

    it('sends with Ctrl+Enter inside the dialog, and closes with Escape, restoring focus and selection', async () => {
      const p = await page();
      answer(json(201, { id: 't_1', count: 1 }));
      (document.getElementById('before') as HTMLButtonElement).focus();
      const dialog = await openFor(p);
      dialog.querySelector('input')!.value = 'the';
      const sent = oneEvent(p.reporter, 'typo-report-sent');
      dialog.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
      expect((await sent).detail.id).to.equal('t_1');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(p.reporter), 'Escape did not close the dialog');
      expect(document.activeElement!.id).to.equal('before');
      expect(document.getSelection()!.toString()).to.equal('teh');
    });

    it('works with real key presses', async () => {
      const p = await page({ email: 'editor@example.com' });
      selectText(p.article, 'teh');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => dialogOf(p.reporter)?.open, 'a real Ctrl+Enter did not open the dialog');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(p.reporter));
    });

    it('leaves the page alone when nothing is selected, or the selection is outside its scope', async () => {
      const p = await page();
      expect(pressCtrlEnter().defaultPrevented).to.equal(false);
      selectText(document.getElementById('outside')!, 'teh');
      expect(pressCtrlEnter().defaultPrevented).to.equal(false);
      await p.reporter.updateComplete;
      expect(dialogOf(p.reporter)).to.equal(null);
    });

    it("leaves the host page's own Ctrl+Enter in its fields alone", async () => {
      const p = await page();
      selectText(p.article, 'teh');
      const field = document.getElementById('field') as HTMLTextAreaElement;
      let pageHandled = false;
      field.addEventListener('keydown', (event) => (pageHandled = event.key === 'Enter' && event.ctrlKey));
      const event = pressCtrlEnter(field);
      expect(pageHandled).to.equal(true);
      expect(event.defaultPrevented).to.equal(false);
      await p.reporter.updateComplete;
      expect(dialogOf(p.reporter)).to.equal(null);
    });

    it('explains instead of opening when the selection is too long', async () => {
      const p = await page({ api: '/x', 'max-length': '10' });
      selectText(p.article, 'The harbour was quiet');
      pressCtrlEnter();
      await p.reporter.updateComplete;
      expect(dialogOf(p.reporter)).to.equal(null);
      const notice = p.reporter.shadowRoot!.querySelector('[part="notice"]')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.textContent).to.equal('Please select at most 10 characters.');
    });
  });

  describe('the touch path', () => {
    it('offers a button beside a settled selection, which opens the dialog', async () => {
      const p = await page({ email: 'editor@example.com' });
      document.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
      selectText(p.article, 'teh');
      await waitUntil(() => p.reporter.shadowRoot!.querySelector('[part="button"]'), 'no button for a touch selection', { timeout: 3000 });
      const button = p.reporter.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
      expect(button.textContent!.trim()).to.equal('Report a mistake');
      expect(getComputedStyle(button).position).to.equal('fixed');
      button.click();
      await waitUntil(() => dialogOf(p.reporter)?.open);
      expect(dialogOf(p.reporter)!.querySelector('mark')!.textContent).to.equal('teh');
    });

    it('shows no button for a mouse selection', async () => {
      const p = await page({ email: 'editor@example.com' });
      document.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true }));
      selectText(p.article, 'teh');
      await aTimeout(900);
      expect(p.reporter.shadowRoot!.querySelector('[part="button"]')).to.equal(null);
    });
  });

  describe('delivery', () => {
    it('posts the report to the API with a text fragment, context and the reader token', async () => {
      const p = await page({ api: '/api-test/', token: 'reader-token' });
      answer(json(201, { id: 't_9', count: 1 }));
      const dialog = await openFor(p);
      dialog.querySelector('input')!.value = 'the';
      dialog.querySelector('textarea')!.value = 'Doubled letters swapped.';
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => statusOf(p.reporter) === 'Thank you! The author has been told.');
      const [{ url, init, body }] = requests;
      expect(url).to.equal('/api-test/v1/typo-reports');
      expect(init.method).to.equal('POST');
      const headers = init.headers as Record<string, string>;
      expect(headers.authorization).to.equal('Bearer reader-token');
      expect(headers['idempotency-key']).to.match(/^[\w-]{16,}$/);
      expect(body.selection).to.equal('teh');
      expect(body.suggestion).to.equal('the');
      expect(body.comment).to.equal('Doubled letters swapped.');
      expect(body.lang).to.equal('en');
      expect(body.url).to.equal(location.href.split('#')[0]);
      expect(body.fragment.startsWith(`${body.url}#:~:text=`)).to.equal(true);
      expect(body.prefix).to.match(/and the\s?$/);
      expect(body.suffix).to.match(/^\s?mistake/);
      expect(dialog.querySelector('.status')!.getAttribute('role')).to.equal('status');
    });

    it('keeps the text of Inkwell elements inside the article out of the context and the text fragment', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <article id="inked">
          <p>Every correction is <reading-time minutes="4"></reading-time>recorded the day it is made.</p>
          <author-badge name="Nushama Wellness" posts="2" bio="Nushama writes about rest."></author-badge>
          <p>The teh mistake hid in plain sight.</p>
        </article>
        <typo-reporter for="inked" api="/api-test"></typo-reporter>
      </div>`);
      const reporter = wrapper.querySelector('typo-reporter')!;
      await (wrapper.querySelector('author-badge') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(wrapper.querySelector('author-badge')!.shadowRoot!.textContent, 'the badge drew its post count').to.include('2 posts');
      answer(json(201, { id: 't_2', count: 1 }));
      for (const word of ['teh', 'made']) {
        selectText(wrapper.querySelector('article')!, word);
        pressCtrlEnter();
        await waitUntil(() => dialogOf(reporter)?.open, 'the dialog did not open');
        const dialog = dialogOf(reporter)!;
        dialog.querySelector('input')!.value = 'x';
        dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        await waitUntil(() => statusOf(reporter).startsWith('Thank you'));
        dialog.close();
        await waitUntil(() => !dialogOf(reporter), 'the dialog stayed');
      }
      const [teh, made] = requests.map((r) => r.body);
      for (const body of [teh, made]) {
        const seen = `${body.prefix} [${body.selection}] ${body.suffix} ${decodeURIComponent(body.fragment)}`;
        for (const ui of ['Nushama', 'posts', 'rest', 'min read']) expect(seen, seen).not.to.include(ui);
      }
      expect(teh.prefix).to.include('the day it is made.');
      expect(made.prefix).to.include('Every correction is recorded the day it is');
      expect(made.suffix).to.include('The teh mistake');
    });

    it('sends a correction left as the selection as no suggestion', async () => {
      const p = await page();
      answer(json(201, { id: 't_3', count: 1 }));
      let detail: TypoReport | undefined;
      p.reporter.addEventListener('typo-reported', (event) => (detail = event.detail));
      const dialog = await openFor(p);
      expect(dialog.querySelector('input')!.value, 'prefilled').to.equal('teh');
      dialog.querySelector('input')!.value = '  teh ';
      dialog.querySelector('textarea')!.value = 'Something is off here.';
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => statusOf(p.reporter).startsWith('Thank you'));
      expect(requests[0].body).not.to.have.property('suggestion');
      expect(requests[0].body.comment).to.equal('Something is off here.');
      expect(detail!.suggestion).to.equal('');
    });

    it('keeps the text and offers a retry when the server is down; the retry reuses the idempotency key', async () => {
      const p = await page();
      answer(new TypeError('Failed to fetch'));
      const dialog = await openFor(p);
      dialog.querySelector('textarea')!.value = 'keep me';
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => statusOf(p.reporter).startsWith('Could not reach the server'), 'no network error shown', { timeout: 5000 });
      expect(dialog.querySelector('.status')!.getAttribute('role')).to.equal('alert');
      expect(dialog.querySelector('textarea')!.value).to.equal('keep me');
      const retry = dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      expect(retry.textContent!.trim()).to.equal('Try again');
      answer(json(200, { id: 't_1', count: 2 }));
      const keys = new Set(requests.map((r) => (r.init.headers as Record<string, string>)['idempotency-key']));
      retry.click();
      await waitUntil(() => statusOf(p.reporter).startsWith('Thank you'));
      expect(keys.size).to.equal(1);
      expect(keys.has((requests.at(-1)!.init.headers as Record<string, string>)['idempotency-key'])).to.equal(true);
    });

    it('says when to try again after 429', async () => {
      const p = await page();
      answer(json(429, { error: { code: 'rate_limited', message: 'Too many reports' } }, { 'retry-after': '30' }));
      const dialog = await openFor(p);
      const started = Date.now();
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => statusOf(p.reporter).includes('30 seconds'), 'no rate-limit message', { timeout: 15000 });
      expect(statusOf(p.reporter)).to.equal('Too many reports. Try again in 30 seconds.');
      expect(Date.now() - started).to.be.lessThan(12000);
    });

    it('shows the server’s own explanation of a refused report', async () => {
      const p = await page();
      answer(json(422, { error: { code: 'invalid', message: 'suggestion is too long', field: 'suggestion' } }));
      const dialog = await openFor(p);
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => statusOf(p.reporter).includes('suggestion is too long'));
      expect(requests).to.have.length(1, 'a refused report is not retried');
    });

    it('lets the site take the report by cancelling typo-reported', async () => {
      const p = await page();
      answer(json(500, {}));
      let taken: TypoReport | undefined;
      p.reporter.addEventListener('typo-reported', (event) => {
        taken = event.detail;
        event.preventDefault();
      });
      const dialog = await openFor(p);
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => statusOf(p.reporter).startsWith('Thank you'));
      expect(taken!.selection).to.equal('teh');
      expect(requests).to.have.length(0);
    });

    it('offers nothing without an API, an e-mail or site-delivery: one warning, no hint, no dialog, Ctrl+Enter left alone', async () => {
      let p!: Page;
      const warnings = await captureWarnings(async () => {
        p = await page({});
        await aTimeout(0);
        p.reporter.requestUpdate();
        await p.reporter.updateComplete;
        await aTimeout(0);
      });
      const about = warnings.filter((w) => w.includes('<typo-reporter> api'));
      expect(about).to.have.length(1);
      expect(about[0]).to.include('nowhere to go').and.include('email').and.include('site-delivery');
      expect(p.reporter.shadowRoot!.querySelector('[part="hint"], [part="report"]')).to.equal(null);
      expect(p.reporter.getBoundingClientRect().height).to.equal(0);
      selectText(p.article, 'teh');
      const event = pressCtrlEnter();
      expect(event.defaultPrevented, 'the page keeps its Ctrl+Enter').to.equal(false);
      expect(p.reporter.report()).to.equal(false);
      await aTimeout(50);
      expect(dialogOf(p.reporter)).to.equal(null);
      expect(p.reporter.shadowRoot!.textContent).not.to.include('Could not reach');
    });

    it('with site-delivery, hands the report to the page’s listener without an API or e-mail', async () => {
      for (const cancel of [true, false]) {
        const p = await page({ 'site-delivery': '' });
        let taken: TypoReport | undefined;
        p.reporter.addEventListener('typo-reported', (event) => {
          taken = event.detail;
          if (cancel) event.preventDefault();
        });
        expect(p.reporter.shadowRoot!.querySelector('[part="hint"]')).not.to.equal(null);
        const dialog = await openFor(p);
        dialog.querySelector('input')!.value = 'the';
        dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        await waitUntil(() => statusOf(p.reporter).startsWith('Thank you'), `not sent (cancel: ${cancel})`);
        expect(taken!.suggestion).to.equal('the');
        expect(requests).to.have.length(0);
        p.article.parentElement!.remove();
      }
    });

    it('opens a prefilled e-mail without an API', async () => {
      const p = await page({ email: 'editor@example.com' });
      let mail = '';
      p.reporter.openMail = (url) => (mail = url);
      const dialog = await openFor(p);
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => mail !== '');
      expect(mail.startsWith('mailto:editor@example.com?subject=')).to.equal(true);
      expect(decodeURIComponent(mail)).to.include('[teh]').and.include('#:~:text=');
    });
  });

  describe('bad input', () => {
    it('warns about a for that names no element and uses the whole page', async () => {
      let el!: TypoReporter;
      const warnings = await captureWarnings(async () => {
        el = await fixture<TypoReporter>(html`<typo-reporter for="missing" email="e@example.com"></typo-reporter>`);
        const p = document.createElement('p');
        p.textContent = 'A page wide teh.';
        el.before(p);
        selectText(p, 'teh');
        pressCtrlEnter();
        await waitUntil(() => dialogOf(el)?.open);
      });
      expect(warnings.some((w) => w.includes('<typo-reporter> for') && w.includes('"missing"'))).to.equal(true);
      dialogOf(el)!.close();
    });

    it('warns about a bad max-length and keeps 300', async () => {
      const warnings = await captureWarnings(async () => {
        const p = await page({ api: '/x', 'max-length': 'abc' });
        selectText(p.article, 'teh');
        pressCtrlEnter();
        await waitUntil(() => dialogOf(p.reporter)?.open);
        dialogOf(p.reporter)!.close();
      });
      expect(warnings.some((w) => w.includes('<typo-reporter> max-length'))).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('has an accessible hint and dialog', async () => {
      const p = await page();
      await expect(p.reporter).to.be.accessible();
      const dialog = await openFor(p);
      expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
      await expect(p.reporter).to.be.accessible();
    });
  });
});
