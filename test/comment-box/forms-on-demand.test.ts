import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { formsCode } from '../../src/comment-box/forms-code.js';
import { deepActiveElement } from '../../src/core/focus.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';

// The forms' code (chunks/comment-forms.js in the drop-in build) is fetched on demand; here the fetch is held
// back or fails, as on a slow or broken network, to show what the reader sees and that nothing is lost.
const BASE = '/fake/v1';
const realLoad = formsCode.load;
let api: FakeApi;
let loads = 0;

/** Holds the forms' code back until `release()` (or fails it with `fail()`), counting the fetches. */
function holdForms() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  formsCode.load = () => {
    loads++;
    return gate.then(() => realLoad());
  };
  return { release, fail };
}

async function box(attributes: string) {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager ${attributes}></comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('('), 'the thread did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const root = (el: CommentBox) => el.shadowRoot!;
const formReady = (el: CommentBox) => waitUntil(() => root(el).querySelector('button[type="submit"]'), 'the form did not arrive', { timeout: 5000 });

describe('<comment-box> forms fetched on demand', () => {
  beforeEach(() => {
    localStorage.clear();
    loads = 0;
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 2) }).install();
  });
  afterEach(() => {
    formsCode.load = realLoad;
    api.uninstall();
  });

  it('fetches no form code for a reader who may not write, and fetches it once for one who may', async () => {
    holdForms().release();
    const guest = await box('');
    expect(root(guest).querySelector('.prompt')!.textContent).to.include('You must be logged in to comment.');
    expect(loads, 'signed out').to.equal(0);
    const reader = await box(`token="${fakeToken('Ada')}"`);
    await formReady(reader);
    expect(loads, 'signed in').to.equal(1);
    const guests = await box('guests');
    await formReady(guests);
    expect(loads, 'guests allowed').to.equal(2);
  });

  it('takes text typed before the form code arrives into the form, with focus and caret where they were', async () => {
    const held = holdForms();
    const el = await box(`token="${fakeToken('Ada')}"`);
    const form = root(el).querySelector('form')!;
    expect(form.getAttribute('aria-busy')).to.equal('true');
    expect(form.querySelector('.note')!.textContent).to.equal('Loading the form…');
    expect(form.querySelector('label')!.textContent).to.equal('Your comment');
    form.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Hello there' });
    await sendKeys({ press: 'ArrowLeft' });
    held.release();
    await formReady(el);
    await el.updateComplete;
    const field = root(el).querySelector('textarea')!;
    expect(field.hasAttribute('data-form'), 'the real form').to.equal(false);
    expect(field.value).to.equal('Hello there');
    expect(deepActiveElement()).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([10, 10]);
    await sendKeys({ type: '!' });
    expect(field.value).to.equal('Hello ther!e');
    // Stored as a draft at once: a reload now would keep it.
    expect(localStorage.getItem('inkwell:draft:t1:')).to.include('Hello there');
    await expect(el).to.be.accessible();
  });

  it('keeps both a stored draft and text typed before the form code arrived', async () => {
    localStorage.setItem('inkwell:draft:t1:', JSON.stringify({ text: 'From yesterday', key: 'k-1', savedAt: Date.now() }));
    const held = holdForms();
    const el = await box(`token="${fakeToken('Ada')}"`);
    root(el).querySelector('textarea')!.focus();
    await sendKeys({ type: 'And today' });
    held.release();
    await formReady(el);
    await el.updateComplete;
    expect(root(el).querySelector('textarea')!.value).to.equal('From yesterday\n\nAnd today');
  });

  it('opens a reply at once; what is typed and a Ctrl+Enter before the code arrives are kept and sent', async () => {
    const held = holdForms();
    const el = await box(`token="${fakeToken('Ada')}"`);
    root(el).querySelector<HTMLButtonElement>('#comment-s1 [data-action="reply"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    const standIn = root(el).querySelector<HTMLTextAreaElement>('#f-s1')!;
    expect(standIn.labels![0].textContent).to.equal(`Reply to ${api.comments[1].author.name}`);
    expect(deepActiveElement(), 'focus in the reply field').to.equal(standIn);
    await sendKeys({ type: 'Quick reply' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    expect(standIn.value, 'no new line').to.equal('Quick reply');
    const posted = oneEvent(el, 'comment-posted');
    held.release();
    const { comment } = (await posted).detail;
    expect(comment.body).to.equal('Quick reply');
    expect(comment.parentId).to.equal('s1');
  });

  it('says when the form code cannot be fetched, keeps the text, and fetches it again on "Try again"', async () => {
    const held = holdForms();
    const el = await box(`token="${fakeToken('Ada')}"`);
    root(el).querySelector('textarea')!.focus();
    await sendKeys({ type: 'Not lost' });
    held.fail(new TypeError('Failed to fetch dynamically imported module'));
    await waitUntil(() => root(el).querySelector('form [role="alert"]'), 'no error shown');
    const form = root(el).querySelector('form')!;
    expect(form.querySelector('[role="alert"]')!.textContent).to.equal('Could not reach the server. Check your connection and try again.');
    expect(form.querySelector('textarea')!.value).to.equal('Not lost');
    await expect(el).to.be.accessible();
    formsCode.load = () => {
      loads++;
      return realLoad();
    };
    const retry = form.querySelector<HTMLButtonElement>('button')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    retry.click();
    await formReady(el);
    await el.updateComplete;
    expect(loads).to.equal(2);
    const field = root(el).querySelector('textarea')!;
    expect(field.value).to.equal('Not lost');
    expect(deepActiveElement(), 'focus back in the field').to.equal(field);
  });

  it("brings the real forms' own rules with their code: the guest's fields side by side, the preview framed", async () => {
    const el = await box('guests');
    await formReady(el);
    await el.updateComplete;
    expect(getComputedStyle(root(el).querySelector('.guest')!).display).to.equal('grid');
    expect(getComputedStyle(root(el).querySelector('.notify')!).display).to.equal('flex');
    const field = root(el).querySelector('textarea')!;
    field.value = 'Some *text*';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('form button[aria-pressed]')!.click();
    await waitUntil(() => root(el).querySelector('.preview'), 'no preview');
    expect(getComputedStyle(root(el).querySelector('.preview')!).borderTopStyle).to.equal('dashed');
  });

  it("runs a moderator's action pressed while the form code is on its way", async () => {
    api.comments = [{ ...sampleThread('t1', 1)[0], status: 'pending' }];
    const held = holdForms();
    const el = await box(`token="${fakeToken('Mo', 'moderator')}"`);
    root(el).querySelector<HTMLButtonElement>('[data-action="approve"]')!.click();
    const edited = oneEvent(el, 'comment-edited');
    held.release();
    expect((await edited).detail.comment.status).to.equal('published');
  });

  it("keeps the form's height when its code arrives: the stand-in's row is as tall as the real form's, so nothing below moves", async () => {
    const held = holdForms();
    const el = await box(`token="${fakeToken('Ada')}"`);
    const rowHeight = () => root(el).querySelector('form .row')!.getBoundingClientRect().height;
    const before = rowHeight();
    expect(root(el).querySelector<HTMLElement>('form .row button')?.checkVisibility({ visibilityProperty: true }) ?? false, 'no button to see or reach while it loads').to.equal(false);
    held.release();
    await formReady(el);
    await el.updateComplete;
    expect(rowHeight()).to.be.closeTo(before, 0.5);
  });
});
