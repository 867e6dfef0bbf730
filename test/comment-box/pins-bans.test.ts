import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { FakeEventSource } from '../helpers/fake-event-source.js';

const BASE = '/fake/v1';
const READER = fakeToken('Rosa');
const MODERATOR = fakeToken('Mo', 'moderator');


async function mount(attributes = '') {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager ${attributes}></comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const topIds = (el: CommentBox) => [...el.shadowRoot!.querySelectorAll(':scope section > div > ol > li > article, ol > li > article')]
  .filter((a) => !a.closest('li')!.parentElement!.closest('li'))
  .map((a) => a.id.slice('comment-'.length));
const article = (el: CommentBox, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`#comment-${id}`)!;
/** The article's accessible name, as aria-labelledby makes it. */
const nameOf = (el: CommentBox, id: string) =>
  article(el, id).getAttribute('aria-labelledby')!.split(' ').map((ref) => el.shadowRoot!.getElementById(ref)!.textContent!.trim()).join(' ');
const button = (el: CommentBox, id: string, action: string) => article(el, id).querySelector<HTMLButtonElement>(`[data-action="${action}"]`);

describe('<comment-box> pins, author labels and bans', () => {
  let api: FakeApi;
  const RealEventSource = window.EventSource;
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 6) }).install();
    (window as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    api.uninstall();
    window.EventSource = RealEventSource;
  });

  it('shows the pinned comment first, marked "Pinned" in its name, for readers without Pin buttons', async () => {
    api.pins.set('t1', 's2');
    const el = await mount('sort="newest"');
    expect(topIds(el)[0]).to.equal('s2');
    expect(article(el, 's2').querySelector('[part="pinned"]')!.textContent).to.equal('Pinned');
    expect(nameOf(el, 's2')).to.equal('Lin Mei Pinned');
    expect(article(el, 's0').querySelector('[part="pinned"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[data-action="pin"], [data-action="unpin"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('labels comments by the article\'s authors', async () => {
    api.comments[1] = { ...api.comments[1], byAuthor: true };
    const el = await mount();
    expect(article(el, 's1').querySelector('[part="author-label"]')!.textContent).to.equal('Author');
    expect(nameOf(el, 's1')).to.equal('Ada Okafor Author');
    expect(article(el, 's0').querySelector('[part="author-label"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the labels in the page\'s language', async () => {
    api.pins.set('t1', 's0');
    api.comments[0] = { ...api.comments[0], byAuthor: true };
    const el = await mount('lang="de"');
    await waitUntil(() => article(el, 's0').querySelector('[part="pinned"]')?.textContent === 'Angeheftet', 'not German', { timeout: 5000 });
    expect(article(el, 's0').querySelector('[part="author-label"]')!.textContent).to.equal('Autor');
  });

  it('gives moderators Pin on published top-level comments; pinning moves the comment first, by keyboard too', async () => {
    const el = await mount(`token="${MODERATOR}"`);
    expect(button(el, 's4', 'pin'), 'not on replies').to.equal(null);
    expect(button(el, 's3', 'pin')!.textContent).to.equal('Pin');
    button(el, 's3', 'pin')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => topIds(el)[0] === 's3', 'not moved first');
    expect(api.requests.at(-1)).to.include({ method: 'PUT', path: '/comments/s3/pin' });
    expect(button(el, 's3', 'unpin')!.textContent).to.equal('Unpin');
    await waitUntil(() => el.shadowRoot!.activeElement === article(el, 's3'), 'focus not kept on the comment');

    button(el, 's0', 'pin')!.click();
    await waitUntil(() => topIds(el)[0] === 's0', 'the new pin not first');
    expect(article(el, 's3').querySelector('[part="pinned"]'), 'pinning another unpins the first').to.equal(null);

    button(el, 's0', 'unpin')!.click();
    await waitUntil(() => !article(el, 's0').querySelector('[part="pinned"]'), 'not unpinned');
    expect(api.requests.at(-1)).to.include({ method: 'DELETE', path: '/comments/s0/pin' });
    await expect(el).to.be.accessible();
  });

  it('says why a pin was refused', async () => {
    const el = await mount(`token="${MODERATOR}"`);
    api.fail({ status: 422, body: { error: { code: 'not_pinnable', message: 'Only a published top-level comment can be pinned' } } });
    button(el, 's1', 'pin')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent?.trim(), 'nothing announced');
    expect(topIds(el)[0]).to.equal('s0');
  });

  it('follows pins live', async () => {
    const el = await mount('live');
    FakeEventSource.last!.emit('pin-changed', { thread: 't1', commentId: 's5' });
    await waitUntil(() => topIds(el)[0] === 's5', 'live pin not shown first');
    FakeEventSource.last!.emit('pin-changed', { thread: 't1', commentId: null });
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="pinned"]'), 'live unpin not shown');
  });

  it('tells a banned reader why their comment was refused, and keeps their text', async () => {
    api.bans.add('u-rosa');
    const el = await mount(`token="${READER}"`);
    const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-top')!;
    field.focus();
    await sendKeys({ type: 'Why was I removed?' });
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('banned you'), 'no ban message', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-top')!.value).to.equal('Why was I removed?');
    expect(api.comments.some((c) => c.body === 'Why was I removed?')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('tells a banned reader why a reply, an edit or a reaction was refused, keeps what they typed, and keeps the reply for their next visit', async () => {
    api.comments.push({ ...api.comments[0]!, id: 'mine', author: { id: 'u-rosa', name: 'Rosa', guest: false }, body: 'my words', createdAt: new Date().toISOString() });
    let el = await mount(`token="${READER}"`);
    api.bans.add('u-rosa');
    const root = () => el.shadowRoot!;
    const alertIn = (field: HTMLTextAreaElement) => field.form!.querySelector('[role="alert"]')?.textContent ?? '';

    button(el, 's0', 'reply')!.click();
    await waitUntil(() => root().getElementById('f-s0'), 'no reply form');
    const reply = root().getElementById('f-s0') as HTMLTextAreaElement;
    reply.focus();
    await sendKeys({ type: 'A reply while banned' });
    reply.form!.requestSubmit();
    await waitUntil(() => alertIn(reply).includes('banned you'), 'no ban message in the reply form', { timeout: 5000 });
    expect((root().getElementById('f-s0') as HTMLTextAreaElement).value).to.equal('A reply while banned');

    button(el, 'mine', 'edit')!.click();
    await waitUntil(() => root().getElementById('f-edit:mine'), 'no edit form');
    const edit = root().getElementById('f-edit:mine') as HTMLTextAreaElement;
    edit.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ', changed' });
    edit.form!.requestSubmit();
    await waitUntil(() => alertIn(edit).includes('banned you'), 'no ban message in the edit form', { timeout: 5000 });
    expect((root().getElementById('f-edit:mine') as HTMLTextAreaElement).value).to.equal('my words, changed');
    expect(api.comments.find((c) => c.id === 'mine')!.body).to.equal('my words');
    expect(api.comments.some((c) => c.body === 'A reply while banned')).to.equal(false);
    await expect(el).to.be.accessible();

    const like = article(el, 's1').querySelector<HTMLButtonElement>('button[data-kind="like"]')!;
    like.click();
    await waitUntil(() => article(el, 's1').querySelector('.reactions [role="alert"], [role="alert"].note')?.textContent?.includes('banned you'), 'no ban message by the reactions', { timeout: 5000 });
    expect(article(el, 's1').querySelector('button[data-kind="like"]')!.getAttribute('aria-pressed')).to.equal('false');

    // The next visit: the reply they typed is still there to copy or send later.
    el.parentElement!.remove();
    el = await mount(`token="${READER}"`);
    await waitUntil(() => root().getElementById('f-s0'), 'the reply form did not come back');
    expect((root().getElementById('f-s0') as HTMLTextAreaElement).value).to.equal('A reply while banned');
  });
});
