import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { resetNotifyMemory } from '../../src/comment-box/notify.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';

const BASE = '/fake/v1';
const WITH_EMAIL = fakeToken('Ada', undefined, { email: 'ada@example.com' });

async function box(attributes: string) {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager ${attributes}></comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const root = (el: CommentBox) => el.shadowRoot!;
const checkbox = (el: CommentBox, form = root(el).querySelector('form')!) => form.querySelector<HTMLInputElement>('input[name="notifyReplies"]');

async function postFrom(el: CommentBox, text: string, form = root(el).querySelector('form')!) {
  const field = form.querySelector('textarea')!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  const posted = oneEvent(el, 'comment-posted');
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await posted;
}

describe('<comment-box> "Notify me of replies"', () => {
  let api: FakeApi;
  beforeEach(() => {
    localStorage.clear();
    resetNotifyMemory();
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 3) }).install();
  });
  afterEach(() => api.uninstall());

  it('is offered to a signed-in reader whose token carries an e-mail, labelled, unticked at first', async () => {
    const el = await box(`token="${WITH_EMAIL}"`);
    const box1 = checkbox(el)!;
    expect(box1.checked).to.equal(false);
    expect(box1.labels![0].textContent).to.equal('Notify me of replies by e-mail');
    await expect(el).to.be.accessible();
  });

  it('is not offered without an e-mail claim, nor to signed-out readers without guests', async () => {
    expect(checkbox(await box(`token="${fakeToken('Ada')}"`))).to.equal(null);
    expect(root(await box('')).querySelector('input[name="notifyReplies"]')).to.equal(null);
  });

  it('sends notifyReplies with the page and its language, and remembers the choice for the next form', async () => {
    const el = await box(`token="${WITH_EMAIL}" lang="fr"`);
    checkbox(el)!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(checkbox(el)!.checked).to.equal(true);
    await postFrom(el, 'Prévenez-moi');
    const body = api.requests.at(-1)!.body as Record<string, unknown>;
    expect(body).to.include({ notifyReplies: true, lang: 'fr', pageUrl: location.href.split('#')[0] });
    expect(localStorage.getItem('inkwell:notify-replies')).to.equal('1');

    // A new element (the next page) starts ticked; a reply form offers it too.
    const next = await box(`token="${WITH_EMAIL}"`);
    expect(checkbox(next)!.checked).to.equal(true);
    next.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    await next.updateComplete;
    const replyForm = [...root(next).querySelectorAll('form')].find((f) => f.querySelector('textarea')!.id !== 'f-top')!;
    expect(checkbox(next, replyForm)!.checked).to.equal(true);
  });

  it('sends notifyReplies: false when unticked, so the server ends the subscription', async () => {
    localStorage.setItem('inkwell:notify-replies', '1');
    const el = await box(`token="${WITH_EMAIL}"`);
    checkbox(el)!.click();
    await el.updateComplete;
    await postFrom(el, 'No more mail');
    const body = api.requests.at(-1)!.body as Record<string, unknown>;
    expect(body.notifyReplies).to.equal(false);
    expect(body).not.to.have.property('pageUrl');
    expect(localStorage.getItem('inkwell:notify-replies')).to.equal('0');
  });

  it('is on the guest form, saying the address is confirmed first', async () => {
    const el = await box('guests');
    const input = checkbox(el)!;
    expect(root(el).querySelector('#f-top-notify-hint')).to.equal(null);
    input.click();
    await el.updateComplete;
    const hint = root(el).querySelector('#f-top-notify-hint')!;
    expect(hint.textContent).to.equal('We will first send you a link to confirm your address.');
    expect(input.getAttribute('aria-describedby')).to.equal('f-top-notify-hint');
    root(el).querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Gwen';
    root(el).querySelector<HTMLInputElement>('input[name="email"]')!.value = 'gwen@example.com';
    await postFrom(el, 'A guest who wants replies');
    expect(api.requests.at(-1)!.body).to.deep.include({ author: { name: 'Gwen', email: 'gwen@example.com' }, notifyReplies: true });
    await expect(el).to.be.accessible();
  });

  it('speaks the page\'s language', async () => {
    const el = await box(`token="${WITH_EMAIL}" lang="de"`);
    await waitUntil(() => checkbox(el)?.labels![0].textContent === 'Per E-Mail über Antworten informieren', 'not German', { timeout: 5000 });
  });
});
