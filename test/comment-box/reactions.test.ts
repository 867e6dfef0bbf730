import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { toggled } from '../../src/comment-box/reactions.js';
import { FakeEventSource } from '../helpers/fake-event-source.js';

const BASE = '/fake/v1';
const READER = fakeToken('Rosa');


async function mount(attributes = '') {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-box api="${BASE}" thread="t1" eager ${attributes}></comment-box>`;
  const el = holder.querySelector('comment-box') as CommentBox;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const buttonsOf = (el: CommentBox, id: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`#comment-${id} .reactions button`)];
const like = (el: CommentBox, id = 's0') => buttonsOf(el, id).find((b) => b.dataset.kind === 'like')!;
const names = (buttons: HTMLButtonElement[]) => buttons.map((b) => `${b.getAttribute('aria-label')}${b.getAttribute('aria-pressed') === 'true' ? ' (pressed)' : ''}`);

describe('<comment-box> reactions', () => {
  let api: FakeApi;
  const RealEventSource = window.EventSource;
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: BASE, comments: sampleThread('t1', 3) }).install();
    (window as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    api.uninstall();
    window.EventSource = RealEventSource;
  });

  it('shows each comment\'s reactions from the listing, named with their counts, the reader\'s own pressed', async () => {
    api.react('s0', 'like', 'u-ada', 'u-lin', 'u-rosa').react('s0', 'celebrate', 'u-ada');
    const el = await mount(`token="${READER}"`);
    expect(names(buttonsOf(el, 's0'))).to.deep.equal(['Like, 3 (pressed)', 'Celebrate, 1', 'More reactions']);
    expect(buttonsOf(el, 's0')[0].textContent!.replace(/\s+/g, ' ').trim()).to.equal('👍 3');
    expect(names(buttonsOf(el, 's1'))).to.deep.equal(['Like', 'More reactions']);
    expect(el.shadowRoot!.querySelector('#comment-s0 .reactions')!.getAttribute('aria-label')).to.equal('Reactions');
    const requests = api.requests.length;
    expect(requests, 'one request: the listing carries the reactions').to.equal(1);
  });

  it('toggles at once, then sends PUT and DELETE', async () => {
    api.react('s0', 'like', 'u-ada');
    const el = await mount(`token="${READER}"`);
    api.options.delayMs = 200;
    like(el).click();
    await el.updateComplete;
    expect(names([like(el)])).to.deep.equal(['Like, 2 (pressed)'], 'shown before the server answers');
    await waitUntil(() => api.requests.some((r) => r.method === 'PUT'));
    const put = api.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).to.equal('/comments/s0/reactions/like');
    expect(put.headers.authorization).to.equal(`Bearer ${READER}`);
    await aTimeout(250);
    like(el).click();
    await el.updateComplete;
    expect(names([like(el)])).to.deep.equal(['Like, 1']);
    await waitUntil(() => api.requests.some((r) => r.method === 'DELETE'));
    await aTimeout(250);
    expect(api.reactionsOf('s0', 'u-rosa')).to.deep.equal({ counts: { like: 1 } });
  });

  it('rolls back and says why when the server refuses', async () => {
    const el = await mount(`token="${READER}"`);
    api.fail({ status: 429, body: { error: { code: 'rate_limited', message: 'Too many reactions' } }, headers: { 'retry-after': '30' } });
    like(el).click();
    await el.updateComplete;
    expect(names([like(el)])).to.deep.equal(['Like, 1 (pressed)']);
    await waitUntil(() => el.shadowRoot!.querySelector('#comment-s0 .reactions [role=alert]'), 'no message');
    expect(names([like(el)])).to.deep.equal(['Like'], 'rolled back');
    expect(el.shadowRoot!.querySelector('#comment-s0 .reactions [role=alert]')!.textContent).to.include('30');
    expect(api.reactionsOf('s0')).to.equal(undefined);
  });

  it('rolls back when offline too', async () => {
    api.react('s1', 'love', 'u-rosa');
    const el = await mount(`token="${READER}"`);
    api.fail('offline');
    buttonsOf(el, 's1').find((b) => b.dataset.kind === 'love')!.click();
    await el.updateComplete;
    expect(buttonsOf(el, 's1').find((b) => b.dataset.kind === 'love'), 'the count went to 0 at once').to.equal(undefined);
    await waitUntil(() => el.shadowRoot!.querySelector('#comment-s1 .reactions [role=alert]'), 'no message');
    expect(names(buttonsOf(el, 's1'))).to.deep.equal(['Like', 'Love, 1 (pressed)', 'More reactions']);
  });

  it('updates counts live, keeping the reader\'s own', async () => {
    api.react('s0', 'like', 'u-rosa');
    const el = await mount(`live token="${READER}" reactions`);
    FakeEventSource.last!.emit('reactions-changed', { thread: 't1', commentId: 's0', counts: { like: 4, laugh: 2 } });
    FakeEventSource.last!.emit('reactions-changed', { thread: 't1', commentId: null, counts: { love: 7 } });
    await el.updateComplete;
    expect(names(buttonsOf(el, 's0'))).to.deep.equal(['Like, 4 (pressed)', 'Funny, 2', 'More reactions']);
    const bar = el.shadowRoot!.querySelector<HTMLElement>('section > .reactions')!;
    expect(names([...bar.querySelectorAll('button')])).to.include('Love, 7');
    // A comment edited elsewhere keeps its reactions (the stream's comment carries none).
    FakeEventSource.last!.emit('comment-updated', { ...api.comments[0], body: 'Edited elsewhere' });
    await el.updateComplete;
    expect(names(buttonsOf(el, 's0'))[0]).to.equal('Like, 4 (pressed)');
  });

  it('asks signed-out readers to sign in, and shows them the counts', async () => {
    api.react('s0', 'like', 'u-ada');
    const el = await mount('login-url="/sign-in"');
    expect(names([like(el)])).to.deep.equal(['Like, 1']);
    like(el).click();
    await el.updateComplete;
    const note = el.shadowRoot!.querySelector('#comment-s0 .reactions [role=alert]')!;
    expect(note.textContent).to.include('Sign in to react.');
    expect(note.querySelector('a')!.getAttribute('href')).to.match(/^http.*\/sign-in\?return=/);
    expect(api.requests.filter((r) => r.method !== 'GET')).to.deep.equal([]);
    expect(names([like(el)])).to.deep.equal(['Like, 1']);
  });

  it('lets guests react with their browser id where the site allows guests', async () => {
    api.options.guestReactions = true;
    const el = await mount('guests');
    like(el).click();
    await waitUntil(() => api.requests.some((r) => r.method === 'PUT'));
    const put = api.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['inkwell-client']).to.match(/^[\w-]{16,64}$/);
    expect(put.headers.authorization).to.equal(undefined);
    await waitUntil(() => api.reactionsOf('s0'));
    expect(names([like(el)])).to.deep.equal(['Like, 1 (pressed)']);
  });

  it('shows every kind behind "More reactions", and works from the keyboard', async () => {
    const el = await mount(`token="${READER}"`);
    const more = buttonsOf(el, 's0').find((b) => b.dataset.kind === 'more')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(names(buttonsOf(el, 's0'))).to.deep.equal(['Like', 'Love', 'Funny', 'Celebrate', 'Insightful', 'More reactions']);
    const laugh = buttonsOf(el, 's0').find((b) => b.dataset.kind === 'laugh')!;
    laugh.focus();
    await sendKeys({ press: ' ' });
    await waitUntil(() => api.reactionsOf('s0'));
    expect(api.reactionsOf('s0', 'u-rosa')).to.deep.equal({ counts: { laugh: 1 }, mine: ['laugh'] });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-kind')).to.equal('laugh', 'focus stays on the button');
  });

  it('has an article-level bar with `reactions`, reflected', async () => {
    api.react('thread:t1', 'insightful', 'u-ada');
    const plain = await mount(`token="${READER}"`);
    expect(plain.shadowRoot!.querySelector('section > .reactions')).to.equal(null);
    const el = await mount(`token="${READER}" reactions`);
    expect(el.reactions).to.equal(true);
    const bar = el.shadowRoot!.querySelector<HTMLElement>('section > .reactions')!;
    expect(bar.getAttribute('aria-label')).to.equal('Reactions to the article');
    expect(names([...bar.querySelectorAll('button')])).to.deep.equal(['Like', 'Love', 'Funny', 'Celebrate', 'Insightful, 1']);
    bar.querySelector<HTMLButtonElement>('[data-kind=love]')!.click();
    await waitUntil(() => api.requests.some((r) => r.method === 'PUT'));
    expect(api.requests.find((r) => r.method === 'PUT')!.path).to.equal('/threads/t1/reactions/love');
    el.reactions = false;
    await el.updateComplete;
    expect(el.hasAttribute('reactions')).to.equal(false);
  });

  it('offers the "top" order, which asks the server for it', async () => {
    // Not the newest (s2) nor the oldest (s0): first only by its reactions.
    api.react('s1', 'like', 'u-ada');
    const el = await mount(`token="${READER}" sort="top"`);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select')!.value).to.equal('top');
    expect(el.shadowRoot!.querySelector<HTMLOptionElement>('option[value=top]')!.textContent).to.equal('Most reactions');
    expect(el.shadowRoot!.querySelector('article')!.id).to.equal('comment-s1');
  });

  it('shows no reactions on placeholders', async () => {
    api.comments[0].status = 'deleted';
    api.comments.push({ ...api.comments[1], id: 'r0', parentId: 's0' });
    const el = await mount(`token="${READER}"`);
    expect(buttonsOf(el, 's0')).to.deep.equal([]);
  });

  it('is accessible', async () => {
    api.react('s0', 'like', 'u-rosa');
    const el = await mount(`token="${READER}" reactions`);
    await expect(el).to.be.accessible();
  });

  it('counts a toggle once and never below zero', () => {
    expect(toggled({ counts: { like: 1 }, mine: ['like'] }, 'like', true)).to.deep.equal({ counts: { like: 1 }, mine: ['like'] });
    expect(toggled({ counts: { like: 1 }, mine: ['like'] }, 'like', false)).to.deep.equal({ counts: {}, mine: [] });
    expect(toggled(undefined, 'love', true)).to.deep.equal({ counts: { love: 1 }, mine: ['love'] });
  });
});
