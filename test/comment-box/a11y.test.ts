// The comment box as a screen reader and a keyboard meet it: the accessibility tree (levels, names, states),
// where focus goes after each action, and what the live region says.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import type { Comment } from '../../src/comment-box/types.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { axNodes, axText, axTree, byRole, chord, expectFocusOn, focusLandsOn, focused, forcedColors, isFirefox, oneByRole, type AxNode } from '../helpers/a11y.js';

const BASE = '/fake/v1';
let api: FakeApi;

async function box(attributes: Record<string, string | boolean> = {}, loaded = true) {
  const el = document.createElement('comment-box');
  el.setAttribute('api', BASE);
  el.setAttribute('thread', 't1');
  el.setAttribute('eager', '');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value === true ? '' : String(value));
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.append(el);
  if (loaded) await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'the thread did not load', { timeout: 4000 });
  return el;
}

const root = (el: CommentBox) => el.shadowRoot!;
const button = (within: ParentNode, text: string) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);
const liveRegion = (el: CommentBox) => root(el).querySelector('[role="status"]')!;

/** Presses keys on whatever has focus, as a keyboard-only reader does. */
async function press(key: string) {
  await sendKeys({ press: key });
}

/** Tabs (or Shift+Tabs) until `target` has focus. */
async function tabTo(target: Element, backwards = false) {
  for (let i = 0; i < 40 && focused() !== target; i++) await (backwards ? chord('Shift', 'Tab') : sendKeys({ press: 'Tab' }));
  expectFocusOn(target, 'where Tab should reach');
}

/** Each list item in Chromium's tree, as [level, the name of the comment it holds]. */
function outline(tree: AxNode): [number | undefined, string | undefined][] {
  return [...axNodes(tree)]
    .filter((node) => node.role === 'listitem')
    .map((item) => [item.level, [...axNodes(item)].find((node) => node.role === 'article')?.name]);
}

function chain(): Comment[] {
  const [a, b] = sampleThread('t1', 2);
  const comments = [a];
  for (let i = 1; i <= 3; i++) {
    comments.push({ ...a, id: `r${i}`, parentId: comments[i - 1].id, author: { ...a.author, id: `p${i}`, name: `Person ${i}` }, createdAt: new Date(Date.parse(a.createdAt) + i * 1000).toISOString() });
  }
  return [...comments, { ...b, createdAt: new Date(Date.parse(a.createdAt) + 10_000).toISOString() }];
}

describe('<comment-box> accessibility', () => {
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: BASE }).install();
  });
  afterEach(() => api.uninstall());

  describe('replies (1.3.1)', () => {
    it('are nested lists, so the tree gives each reply its level, and each names whom it answers', async () => {
      api.comments = chain();
      const el = await box({ 'max-depth': '2' });
      const a = api.comments[0].author.name;
      // Every reply's article is named "<author> replying to <author>", in both browsers' trees.
      const named = [
        ['r1', `Person 1 replying to ${a}`],
        ['r2', 'Person 2 replying to Person 1'],
        ['r3', 'Person 3 replying to Person 2'],
      ];
      for (const [id, name] of named) expect(await oneByRole(root(el), 'article', name), name).to.equal(root(el).querySelector(`#comment-${id}`));
      // The replies to the first comment are a list inside its item; deeper than max-depth they stay at max-depth.
      const item = (id: string) => root(el).querySelector(`#comment-${id}`)!.closest('li')!;
      expect(item('r1').parentElement!.closest('li')).to.equal(item('s0'));
      expect(item('r2').parentElement!.closest('li')).to.equal(item('r1'));
      expect(item('r3').parentElement).to.equal(item('r2').parentElement);
      const items = await byRole(root(el), 'listitem');
      expect(items).to.have.length(5);
      if (isFirefox) return;
      expect(outline(await axTree())).to.deep.equal([
        [1, a],
        [2, `Person 1 replying to ${a}`],
        [3, 'Person 2 replying to Person 1'],
        [3, 'Person 3 replying to Person 2'],
        [1, api.comments[4].author.name],
      ]);
    });
  });

  describe('names', () => {
    it('keeps one name on the preview toggle, states it with aria-pressed, and labels the field in both modes', async () => {
      const el = await box({ token: fakeToken('Ada') });
      const field = root(el).querySelector('textarea')!;
      expect(await oneByRole(root(el), 'textbox', 'Your comment')).to.equal(field);
      const toggle = await oneByRole(root(el), 'button', 'Preview');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      field.value = '**bold** words';
      field.dispatchEvent(new InputEvent('input'));
      (toggle as HTMLButtonElement).click();
      await el.updateComplete;
      expect(await oneByRole(root(el), 'button', 'Preview'), 'the same button, the same name').to.equal(toggle);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      const preview = root(el).querySelector('.preview')!;
      expect(root(el).querySelector('label')!.control, 'the label points at the preview').to.equal(preview);
      expect(await oneByRole(root(el), 'group', 'Your comment')).to.equal(preview);
      if (!isFirefox) {
        const node = [...axNodes(await axTree())].find((n) => n.role === 'button' && n.name === 'Preview')!;
        expect(node.pressed).to.equal(true);
      }
    });

    it('names the edit field for what it edits, and Edit moves focus into it', async () => {
      api.comments = [{ ...sampleThread('t1', 1)[0], author: { id: 'u-ada', name: 'Ada', guest: false }, createdAt: new Date().toISOString() }];
      const el = await box({ token: fakeToken('Ada') });
      button(root(el), 'Edit')!.click();
      const editor = () => root(el).querySelector<HTMLTextAreaElement>('#comment-s0 textarea');
      await focusLandsOn(editor, 'the editor');
      expect(await oneByRole(root(el), 'textbox', 'Edit your comment')).to.equal(editor());
    });
  });

  describe('focus (2.4.3)', () => {
    it('goes back to Reply after Cancel or Escape in the reply form', async () => {
      api.comments = sampleThread('t1', 2);
      const el = await box({ token: fakeToken('Ada') });
      const reply = () => root(el).querySelector<HTMLButtonElement>('#comment-s1 [aria-expanded]');
      reply()!.focus();
      await press('Enter');
      await focusLandsOn(() => root(el).querySelector('#f-s1'), 'the reply field');
      await sendKeys({ type: 'Half a reply' });
      const cancel = button(root(el).querySelector<HTMLTextAreaElement>('#f-s1')!.form!, 'Cancel')!;
      await tabTo(cancel);
      await press('Enter');
      await focusLandsOn(reply, 'Reply');
      expect(reply()!.getAttribute('aria-expanded')).to.equal('false');
      await press('Enter');
      await focusLandsOn(() => root(el).querySelector('#f-s1'), 'the reply field');
      expect(root(el).querySelector<HTMLTextAreaElement>('#f-s1')!.value, 'the draft is kept').to.equal('Half a reply');
      await press('Escape');
      await focusLandsOn(reply, 'Reply');
    });

    it('goes into the editor on Edit, back to Edit on Cancel, and to the comment on Save', async () => {
      api.comments = [{ ...sampleThread('t1', 1)[0], author: { id: 'u-ada', name: 'Ada', guest: false }, createdAt: new Date().toISOString() }];
      const el = await box({ token: fakeToken('Ada') });
      const edit = () => root(el).querySelector<HTMLButtonElement>('#comment-s0 [data-action="edit"]') ?? button(root(el).querySelector('#comment-s0 .actions')!, 'Edit');
      edit()!.focus();
      await press('Enter');
      const editor = () => root(el).querySelector<HTMLTextAreaElement>('#comment-s0 textarea');
      await focusLandsOn(editor, 'the editor');
      await tabTo(button(editor()!.form!, 'Cancel')!);
      await press('Enter');
      await focusLandsOn(edit, 'Edit');
      await press('Enter');
      await focusLandsOn(editor, 'the editor');
      await press('End');
      await sendKeys({ type: ' Amended.' });
      const edited = oneEvent(el, 'comment-edited');
      await chord('Control', 'Enter');
      await edited;
      await focusLandsOn(() => root(el).querySelector('#comment-s0'), 'the edited comment');
    });

    it('moves into the delete question, which is announced by its name, and back; after deleting, stays on the comment and says so', async () => {
      api.comments = [{ ...sampleThread('t1', 1)[0], author: { id: 'u-ada', name: 'Ada', guest: false } }];
      const el = await box({ token: fakeToken('Ada') });
      const del = () => root(el).querySelector<HTMLButtonElement>('#comment-s0 .actions > button:last-child');
      del()!.focus();
      expect(del()!.textContent!.trim()).to.equal('Delete');
      await press('Enter');
      const question = await oneByRole(root(el), 'group', 'Delete this comment?');
      await focusLandsOn(() => question.querySelector('button:last-child'), 'the question\'s Cancel');
      await press('Enter');
      await focusLandsOn(del, 'Delete');
      await press('Enter');
      await focusLandsOn(() => root(el).querySelector('[role="group"] button:last-child'), 'the question\'s Cancel');
      await chord('Shift', 'Tab');
      expect(focused()!.textContent!.trim()).to.equal('Delete');
      const deleted = oneEvent(el, 'comment-deleted');
      await press('Enter');
      await deleted;
      await focusLandsOn(() => root(el).querySelector('#comment-s0'), 'the deleted comment');
      expect(await oneByRole(root(el), 'article', 'This comment was deleted.')).to.equal(root(el).querySelector('#comment-s0'));
      await waitUntil(() => liveRegion(el).textContent === 'Comment deleted.', 'the deletion was not announced');
    });

    it('stays on "Load more comments" while it loads, then moves to the first new comment and says how many came', async () => {
      api = new FakeApi({ base: BASE, comments: sampleThread('t1', 15).map((c) => ({ ...c, parentId: null })), delayMs: 150 }).install();
      const el = await box({ 'page-size': '10' });
      const more = button(root(el), 'Load more comments')!;
      more.focus();
      await press('Enter');
      await el.updateComplete;
      expect(more.getAttribute('aria-disabled')).to.equal('true');
      expectFocusOn(more, 'the busy button');
      await focusLandsOn(() => root(el).querySelector('#comment-s10'), 'the first loaded comment');
      expect(button(root(el), 'Load more comments')).to.equal(undefined);
      await waitUntil(() => liveRegion(el).textContent === '5 more comments loaded', 'the loaded comments were not announced');
    });

    it('moves to the first of the new comments when "N new comments" is pressed', async () => {
      const RealEventSource = window.EventSource;
      let source: EventTarget | undefined;
      (window as unknown as { EventSource: unknown }).EventSource = class extends EventTarget {
        constructor() {
          super();
          // eslint-disable-next-line @typescript-eslint/no-this-alias
          source = this;
        }
        close() {}
      };
      try {
        api.comments = sampleThread('t1', 2);
        const el = await box({ live: true });
        const arrive = (id: string) =>
          source!.dispatchEvent(new MessageEvent('comment-created', { data: JSON.stringify({ ...sampleThread('t1', 1)[0], id, body: `Arrived ${id}`, createdAt: new Date().toISOString() }) }));
        arrive('n1');
        await waitUntil(() => liveRegion(el).textContent === '1 new comment', 'the arrival was not announced');
        arrive('n2');
        await waitUntil(() => liveRegion(el).textContent === '2 new comments', 'the second arrival was not announced');
        const show = await oneByRole(root(el), 'button', '2 new comments');
        (show as HTMLButtonElement).focus();
        await press('Enter');
        await focusLandsOn(() => root(el).querySelector('#comment-n1'), 'the first new comment');
      } finally {
        window.EventSource = RealEventSource;
      }
    });

    it('keeps the sort choice focused while the thread reloads, and lands on the heading after a retry', async () => {
      api.comments = sampleThread('t1', 3);
      const el = await box();
      const select = root(el).querySelector('select')!;
      select.focus();
      select.value = 'newest';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await waitUntil(() => root(el).querySelector('article'), 'the thread did not reload');
      expectFocusOn(select, 'the sort choice');

      api.fail('offline', 'offline', 'offline');
      const failing = await box({}, false);
      await waitUntil(() => button(root(failing), 'Try again'), 'no retry offered', { timeout: 8000 });
      button(root(failing), 'Try again')!.focus();
      await press('Enter');
      await focusLandsOn(() => root(failing).querySelector('h2'), 'the heading');
    });

    it('stays on Post while the comment is sent, then moves to the posted comment', async () => {
      api = new FakeApi({ base: BASE, delayMs: 200 }).install();
      const el = await box({ token: fakeToken('Ada') });
      root(el).querySelector('textarea')!.focus();
      await sendKeys({ type: 'Sent from the keyboard.' });
      const post = root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
      await tabTo(post);
      const posted = oneEvent(el, 'comment-posted');
      await press('Enter');
      await el.updateComplete;
      expect(post.getAttribute('aria-disabled')).to.equal('true');
      expectFocusOn(post, 'the busy button');
      const { detail } = await posted;
      await focusLandsOn(() => root(el).querySelector(`#comment-${detail.comment.id}`), 'the posted comment');
    });
  });

  describe('status messages (4.1.3)', () => {
    it('says each once in a polite live region, then clears it', async function () {
      this.timeout(12_000);
      const el = await box({ token: fakeToken('Ada') });
      const region = await oneByRole(root(el), 'status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      const field = root(el).querySelector('textarea')!;
      field.value = 'Announced.';
      field.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => region.textContent === 'Your comment was posted.', 'not announced');
      if (!isFirefox) {
        const status = [...axNodes(await axTree())].find((node) => node.role === 'status')!;
        expect(axText(status)).to.equal('Your comment was posted.');
      }
      await waitUntil(() => region.textContent === '', 'the message stayed behind', { timeout: 6000 });
    });
  });

  describe('forced colours (2.4.7)', () => {
    afterEach(async () => {
      if (!isFirefox) await forcedColors(false);
    });

    it('outlines the focused and the linked comment, which a tint and a border colour cannot show', async function () {
      if (isFirefox) this.skip();
      api.comments = sampleThread('t1', 2);
      const el = await box();
      await forcedColors(true);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const article = root(el).querySelector<HTMLElement>('#comment-s1')!;
      article.focus();
      const style = getComputedStyle(article);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      expect(style.outlineColor).to.not.equal('rgba(0, 0, 0, 0)');
    });
  });
});
