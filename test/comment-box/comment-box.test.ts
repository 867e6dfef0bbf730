import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-box/define.js';
import { CommentBox } from '../../src/comment-box/comment-box.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { captureErrors, captureWarnings } from '../helpers/warnings.js';

const BASE = '/fake/v1';
let api: FakeApi;

async function box(attributes: Record<string, string | boolean> = {}, thread = 't1') {
  const el = document.createElement('comment-box');
  el.setAttribute('api', BASE);
  el.setAttribute('thread', thread);
  el.setAttribute('eager', '');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? '' : value);
  }
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.append(el);
  await waitUntil(() => !el.shadowRoot?.querySelector('section[aria-busy="true"]') && el.shadowRoot?.querySelector('h2')?.textContent?.includes('(') && !el.shadowRoot.querySelector('form[aria-busy]'), 'the thread did not load', { timeout: 4000 }).catch(() => undefined);
  return el;
}

const root = (el: CommentBox) => el.shadowRoot!;
const heading = (el: CommentBox) => root(el).querySelector('h2')!.textContent!.trim();
const bodies = (el: CommentBox) => [...root(el).querySelectorAll('article .body')].map((b) => b.textContent!.trim());

async function type(el: CommentBox, text: string, field = root(el).querySelector('textarea')!) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return field;
}

describe('<comment-box>', () => {
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: BASE }).install();
  });
  afterEach(() => api.uninstall());

  describe('reading', () => {
    it('shows "No comments yet" and, signed out, the sign-in prompt with return links', async () => {
      const el = await box({ 'login-url': '/sign-in.html', 'signup-url': 'https://example.com/join' });
      expect(heading(el)).to.equal('Comments (0)');
      expect(root(el).querySelector('.empty')!.textContent).to.equal('No comments yet');
      const prompt = root(el).querySelector('.prompt')!;
      expect(prompt.textContent).to.include('You must be logged in to comment.');
      const [signIn, signUp] = [...prompt.querySelectorAll('a')];
      expect(signIn.textContent).to.equal('Sign In');
      expect(new URL(signIn.href).searchParams.get('return')).to.equal(location.href);
      expect(new URL(signUp.href).origin).to.equal('https://example.com');
      expect(root(el).querySelector('textarea')).to.equal(null);
    });

    it("shows an author's initials where their picture does not load, and their picture where it does", async () => {
      const [first] = sampleThread('t1', 1);
      api.comments = [
        { ...first, id: 'p1', author: { id: 'a', name: 'Ada Okafor', guest: false, picture: '/no-such-picture.png' } },
        { ...first, id: 'p2', author: { id: 'b', name: 'Lin Mei', guest: false, picture: '/__slow-image.svg?ms=0&w=80&h=80' } },
      ];
      const el = await box();
      await waitUntil(() => root(el).querySelector('#comment-p1 span.avatar'), 'the initials did not replace the broken picture', { timeout: 4000 });
      expect(root(el).querySelector('#comment-p1 span.avatar')!.textContent).to.equal('AO');
      expect(root(el).querySelector('#comment-p1 img')).to.equal(null);
      const picture = root(el).querySelector<HTMLImageElement>('#comment-p2 img.avatar')!;
      await waitUntil(() => picture.complete, 'the picture did not load');
      expect(root(el).querySelector('#comment-p2 img.avatar'), 'the picture that loads stays').to.equal(picture);
    });

    it('opens a reply form under a comment far down a long thread, drawn in blocks', async () => {
      api.comments = sampleThread('t1', 60).map((comment) => ({ ...comment, parentId: null }));
      const el = await box({ token: fakeToken('Ada'), 'page-size': '100' });
      expect(root(el).querySelectorAll('article')).to.have.length(60);
      root(el).querySelector<HTMLButtonElement>('#comment-s57 [data-action="reply"]')!.click();
      await el.updateComplete;
      const item = root(el).querySelector('#comment-s57')!.parentElement!;
      expect(item.querySelector(':scope > form textarea'), 'the form under comment 57').to.not.equal(null);
      expect(root(el).querySelector('#comment-s57 [data-action="reply"]')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('renders a threaded conversation with replies nested, times and safe markdown', async () => {
      api.comments = sampleThread('t1', 10);
      const el = await box();
      expect(heading(el)).to.equal('Comments (10)');
      const items = [...root(el).querySelectorAll('li')];
      expect(items).to.have.length(10);
      const reply = root(el).querySelector('#comment-s4')!.closest('li')!;
      expect(reply.parentElement!.closest('li'), 'the reply is listed inside its comment').to.equal(root(el).querySelector('#comment-s3')!.closest('li'));
      const time = root(el).querySelector('#comment-s0 time')!;
      expect(time.getAttribute('datetime')).to.equal(api.comments[0].createdAt);
      expect(time.textContent).to.match(/ago$/);
      expect(time.getAttribute('title')).to.match(/\d{4}/);
      const link = root(el).querySelector('#comment-s0 .body a')!;
      expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener');
      expect(root(el).querySelector('#comment-s0 .body strong')!.textContent).to.equal('emphasis');
    });

    it('shows deep replies at max-depth, saying whom they answer', async () => {
      const [a] = sampleThread('t1', 1);
      const chain = [a];
      for (let i = 1; i <= 4; i++) chain.push({ ...a, id: `r${i}`, parentId: chain[i - 1].id, author: { ...a.author, name: `Person ${i}` }, createdAt: new Date(Date.parse(a.createdAt) + i * 1000).toISOString() });
      api.comments = chain;
      const el = await box({ 'max-depth': '2' });
      const depth = (id: string) => {
        let level = 0;
        for (let item = root(el).querySelector(`#comment-${id}`)!.closest('li'); item; item = item.parentElement!.closest('li')) level++;
        return level - 1;
      };
      expect([depth('r1'), depth('r2'), depth('r3'), depth('r4')]).to.deep.equal([1, 2, 2, 2]);
      const answers = root(el).querySelector('#comment-r3 header [id^="a-"]')!;
      expect(answers.textContent).to.equal('replying to Person 2');
      expect(answers.classList.contains('visually-hidden'), 'shown where the indentation cannot say it').to.equal(false);
      expect(root(el).querySelector('#comment-r2 header [id^="a-"]')!.classList.contains('visually-hidden')).to.equal(true);
    });

    it('pages with "Load more" and sorts newest first', async () => {
      api.comments = sampleThread('t1', 30).map((c) => ({ ...c, parentId: null }));
      const el = await box({ 'page-size': '10' });
      expect(root(el).querySelectorAll('li')).to.have.length(10);
      const more = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Load more comments')!;
      more.click();
      await waitUntil(() => root(el).querySelectorAll('li').length === 20);
      const select = root(el).querySelector('select')!;
      select.value = 'newest';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => bodies(el)[0] === 'Comment number 29. A thoughtful remark about proofreading.');
    });

    it('offers a retry when the thread cannot load, and never throws into the page', async () => {
      api.fail('offline', 'offline', 'offline');
      const el = await box();
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error state', { timeout: 8000 });
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal('Comments could not be loaded.');
      api.comments = sampleThread('t1', 2);
      [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!.click();
      await waitUntil(() => heading(el) === 'Comments (2)');
    });

    it('waits until it comes near the viewport before fetching', async () => {
      const spacer = await fixture<HTMLElement>(html`<div><div style="height: 5000px"></div><comment-box api=${BASE} thread="t1"></comment-box></div>`);
      const el = spacer.querySelector('comment-box')!;
      await aTimeout(300);
      expect(api.requests).to.have.length(0);
      el.scrollIntoView();
      await waitUntil(() => api.requests.length === 1, 'no fetch near the viewport');
    });

    it('loads and highlights the comment a #comment- link points at', async () => {
      api.comments = sampleThread('t1', 40).map((c) => ({ ...c, parentId: null }));
      history.replaceState(null, '', '#comment-s35');
      try {
        const el = await box({ 'page-size': '10' });
        await waitUntil(() => root(el).querySelector('#comment-s35.highlight'), 'the linked comment was not highlighted', { timeout: 5000 });
        expect(root(el).activeElement!.id).to.equal('comment-s35');
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    });
  });

  describe('posting', () => {
    it('posts, shows the comment in place, focuses and announces it', async () => {
      const el = await box({ token: fakeToken('Ada') });
      expect(root(el).querySelector('label[for="f-top"]')!.textContent).to.equal('Your comment');
      await type(el, 'First! With *feeling*.');
      const posted = oneEvent(el, 'comment-posted');
      root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      const { detail } = await posted;
      expect(detail.comment.body).to.equal('First! With *feeling*.');
      await el.updateComplete;
      expect(heading(el)).to.equal('Comments (1)');
      expect(root(el).activeElement!.id).to.equal(`comment-${detail.comment.id}`);
      await waitUntil(() => root(el).querySelector('[role="status"]')!.textContent === 'Your comment was posted.');
      expect(root(el).querySelector('textarea')!.value).to.equal('');
      expect(localStorage.length).to.equal(0);
    });

    it('sends with Ctrl+Enter, previews markdown, counts down near the limit', async () => {
      const el = await box({ token: fakeToken('Ada'), 'max-length': '100' });
      await type(el, '**bold** words');
      const preview = [...root(el).querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent!.trim() === 'Preview')!;
      preview.click();
      await el.updateComplete;
      expect(root(el).querySelector('.preview strong')!.textContent).to.equal('bold');
      expect(preview.getAttribute('aria-pressed')).to.equal('true');
      preview.click();
      await el.updateComplete;
      await type(el, 'x'.repeat(95), root(el).querySelector('textarea')!);
      expect(root(el).querySelector('.note')!.textContent!.trim()).to.equal('5 characters left');
      const posted = oneEvent(el, 'comment-posted');
      root(el).querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
      expect((await posted).detail.comment.body).to.equal('x'.repeat(95));
    });

    it('replies under a comment', async () => {
      api.comments = sampleThread('t1', 2);
      const el = await box({ token: fakeToken('Ada') });
      const replyButton = root(el).querySelector<HTMLButtonElement>('#comment-s1 .actions button')!;
      replyButton.click();
      await el.updateComplete;
      expect(replyButton.getAttribute('aria-expanded')).to.equal('true');
      const field = root(el).querySelector<HTMLTextAreaElement>('#f-s1')!;
      expect(root(el).activeElement).to.equal(field);
      expect(root(el).querySelector('label[for="f-s1"]')!.textContent).to.equal('Reply to Ada Okafor');
      await type(el, 'A reply.', field);
      const posted = oneEvent(el, 'comment-posted');
      field.form!.requestSubmit();
      const { detail } = await posted;
      expect(detail.comment.parentId).to.equal('s1');
      await el.updateComplete;
      expect(root(el).querySelector(`#comment-${detail.comment.id}`)!.closest('li')!.parentElement!.closest('li')).to.equal(root(el).querySelector('#comment-s1')!.closest('li'));
    });

    it('keeps the draft through a reload and restores reply forms', async () => {
      api.comments = sampleThread('t1', 2);
      const first = await box({ token: fakeToken('Ada') });
      await type(first, 'Half a thought');
      root(first).querySelector<HTMLButtonElement>('#comment-s1 .actions button')!.click();
      await first.updateComplete;
      await type(first, 'A reply in progress', root(first).querySelector<HTMLTextAreaElement>('#f-s1')!);
      await aTimeout(400);
      first.remove();
      const second = await box({ token: fakeToken('Ada') });
      expect(root(second).querySelector<HTMLTextAreaElement>('#f-top')!.value).to.equal('Half a thought');
      expect(root(second).querySelector<HTMLTextAreaElement>('#f-s1')!.value).to.equal('A reply in progress');
    });

    it('keeps the text after a failure and retries with the same idempotency key, posting once', async () => {
      const el = await box({ token: fakeToken('Ada') });
      await type(el, 'Never lose this.');
      api.fail('after-store', 'after-store', 'after-store');
      root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('.note.error'), 'no error shown', { timeout: 10000 });
      expect(root(el).querySelector('.note')!.textContent).to.include('Could not reach the server');
      expect(root(el).querySelector('textarea')!.value).to.equal('Never lose this.');
      const retry = root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!;
      expect(retry.textContent!.trim()).to.equal('Try again');
      retry.click();
      await waitUntil(() => heading(el) === 'Comments (1)');
      const keys = new Set(api.requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key']));
      expect(keys.size).to.equal(1);
      expect(api.comments).to.have.length(1);
    });

    it('says the session expired and keeps the text', async () => {
      const el = await box({ token: fakeToken('Ada'), 'login-url': '/sign-in.html' });
      await type(el, 'Written before expiry.');
      api.fail({ status: 401, body: { error: { code: 'token_expired', message: 'expired' } } });
      root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('.note.error'));
      const note = root(el).querySelector('.note')!;
      expect(note.textContent).to.include('Your session has expired');
      expect(note.querySelector('a')!.textContent).to.equal('Sign In');
      expect(root(el).querySelector('textarea')!.value).to.equal('Written before expiry.');
    });

    for (const code of ['token_invalid', 'token_wrong_audience', 'token_wrong_issuer']) {
      it(`says the sign-in could not be verified, not that it expired, and logs the reason (${code})`, async () => {
        const el = await box({ token: fakeToken('Ada'), 'login-url': '/sign-in.html' });
        await type(el, 'Written with a bad token.');
        api.fail({ status: 401, body: { error: { code, message: 'refused' } } });
        const errors = await captureErrors(async () => {
          root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
          await waitUntil(() => root(el).querySelector('.note.error'));
        });
        const note = root(el).querySelector('.note')!;
        expect(note.textContent).to.include('Your sign-in could not be verified');
        expect(note.textContent).not.to.include('expired');
        expect(note.querySelector('a')!.textContent).to.equal('Sign In');
        expect(errors).to.have.length(1);
        expect(errors[0]).to.include('<comment-box>').and.include(code);
        expect(root(el).querySelector('textarea')!.value).to.equal('Written with a bad token.');
      });
    }

    it('keeps the console quiet for an expired session, which is no one\'s mistake', async () => {
      const el = await box({ token: fakeToken('Ada') });
      await type(el, 'Late.');
      api.fail({ status: 401, body: { error: { code: 'token_expired', message: 'expired' } } });
      const errors = await captureErrors(async () => {
        root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
        await waitUntil(() => root(el).querySelector('.note.error'));
      });
      expect(root(el).querySelector('.note')!.textContent).to.include('Your session has expired');
      expect(errors).to.deep.equal([]);
    });

    it('reads the thread signed out when the token is refused on reading, and says why', async () => {
      api.comments = sampleThread('t1', 2);
      api.fail({ status: 401, body: { error: { code: 'token_wrong_audience', message: 'The token was issued for another audience' } } });
      let el!: CommentBox;
      const errors = await captureErrors(async () => {
        el = await box({ token: fakeToken('Ada') });
      });
      expect(heading(el)).to.equal('Comments (2)');
      expect(root(el).querySelector('.prompt')!.textContent).to.include('Your sign-in could not be verified');
      expect(root(el).querySelector('textarea')).to.equal(null);
      expect(errors.join()).to.include('token_wrong_audience').and.include('another audience');
    });

    it('lets guests comment with a name where allowed', async () => {
      const el = await box({ guests: true });
      await type(el, 'A guest writes.');
      root(el).querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Visitor';
      root(el).querySelector<HTMLInputElement>('input[name="email"]')!.value = 'v@example.com';
      const posted = oneEvent(el, 'comment-posted');
      root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      const { detail } = await posted;
      expect(detail.comment.author.name).to.equal('Visitor');
      expect(api.requests.at(-1)!.body).to.deep.include({ author: { name: 'Visitor', email: 'v@example.com' } });
    });

    it('shows one\'s own held comment as awaiting moderation', async () => {
      api = new FakeApi({ base: BASE, premoderate: true }).install();
      const el = await box({ token: fakeToken('Ada') });
      await type(el, 'Held for review.');
      root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('.tag'));
      expect(root(el).querySelector('.tag')!.textContent).to.equal('awaiting moderation');
      await waitUntil(() => root(el).querySelector('[role="status"]')!.textContent!.includes('awaiting moderation'));
      expect(heading(el)).to.equal('Comments (0)');
    });
  });

  describe('keyboard', () => {
    it('goes from reading to posting a reply with the keyboard alone', async () => {
      api.comments = sampleThread('t1', 2);
      const el = await box({ token: fakeToken('Ada') });
      const before = document.createElement('button');
      before.textContent = 'Before the comments';
      el.before(before);
      before.focus();
      const target = root(el).querySelector('#comment-s1 .actions button')!;
      for (let i = 0; i < 20 && root(el).activeElement !== target; i++) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement, 'Tab reaches the Reply button').to.equal(target);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement?.id === 'f-s1', 'focus did not move into the reply form');
      await sendKeys({ type: 'Typed without a mouse.' });
      const posted = oneEvent(el, 'comment-posted');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      const { detail } = await posted;
      expect(detail.comment.body).to.equal('Typed without a mouse.');
      expect(detail.comment.parentId).to.equal('s1');
      await el.updateComplete;
      expect(root(el).activeElement!.id).to.equal(`comment-${detail.comment.id}`);
    });
  });

  describe('own comments and moderation', () => {
    it('edits and deletes one\'s own comment within the edit window', async () => {
      const el = await box({ token: fakeToken('Ada') });
      await type(el, 'Orignal text');
      root(el).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await waitUntil(() => heading(el) === 'Comments (1)');
      const actions = () => [...root(el).querySelectorAll<HTMLButtonElement>('article .actions button')];
      actions().find((b) => b.textContent!.trim() === 'Edit')!.click();
      await el.updateComplete;
      const field = root(el).querySelector<HTMLTextAreaElement>('article textarea')!;
      expect(field.value).to.equal('Orignal text');
      await type(el, 'Original text', field);
      const edited = oneEvent(el, 'comment-edited');
      field.form!.requestSubmit();
      expect((await edited).detail.comment.body).to.equal('Original text');
      await el.updateComplete;
      expect(bodies(el)).to.deep.equal(['Original text']);
      actions().find((b) => b.textContent!.trim() === 'Delete')!.click();
      await el.updateComplete;
      const deleted = oneEvent(el, 'comment-deleted');
      [...root(el).querySelectorAll<HTMLButtonElement>('[role="group"] button')].find((b) => b.textContent!.trim() === 'Delete')!.click();
      await deleted;
      await el.updateComplete;
      expect(root(el).querySelector('.deleted')!.textContent).to.equal('This comment was deleted.');
    });

    it('offers no edit after the window and none on others\' comments', async () => {
      api.comments = sampleThread('t1', 1).map((c) => ({ ...c, author: { ...c.author, id: 'u-ada' }, createdAt: new Date(Date.now() - 3_600_000).toISOString() }));
      const el = await box({ token: fakeToken('Ada'), 'edit-window': '900' });
      const labels = [...root(el).querySelectorAll('article .actions button')].map((b) => b.textContent!.trim());
      expect(labels).to.include('Delete');
      expect(labels).to.not.include('Edit');
    });

    it('gives moderators approve, reject and spam on held comments', async () => {
      api.comments = [{ ...sampleThread('t1', 1)[0], status: 'pending' }];
      const el = await box({ token: fakeToken('Mo', 'moderator') });
      const labels = [...root(el).querySelectorAll('article .actions button')].map((b) => b.textContent!.trim());
      expect(labels).to.include.members(['Approve', 'Reject', 'Spam']);
      const edited = oneEvent(el, 'comment-edited');
      [...root(el).querySelectorAll<HTMLButtonElement>('article .actions button')].find((b) => b.textContent!.trim() === 'Approve')!.click();
      expect((await edited).detail.comment.status).to.equal('published');
    });

    it('shows held and removed comments others may not read only as placeholders, replies under them', async () => {
      const [first, second, third] = sampleThread('t1', 3);
      api.comments = [
        { ...first, status: 'pending', body: 'SECRET held words' },
        { ...second, status: 'published', parentId: first.id, body: 'A visible answer' },
        { ...third, status: 'rejected', body: 'SECRET rejected words' },
        { ...second, id: 's3', status: 'published', parentId: third.id, createdAt: third.createdAt, body: 'Another visible answer' },
        { ...third, id: 's4', status: 'spam', body: 'SECRET spam without replies' },
      ];
      const el = await box({ token: fakeToken('Reader') });
      const text = root(el).textContent!;
      expect(text).to.not.include('SECRET');
      expect(text).to.not.include(first.author.name);
      expect(text).to.not.include(third.author.name);
      const shown = (id: string) => root(el).querySelector(`#comment-${id}`);
      expect(shown(first.id)!.querySelector('.deleted')!.textContent).to.equal('This comment is awaiting moderation.');
      expect(shown(third.id)!.querySelector('.deleted')!.textContent).to.equal('This comment was removed.');
      expect(shown(first.id)!.querySelector('button')).to.equal(null);
      expect(shown('s4')).to.equal(null);
      // Each reply sits in the list nested under its placeholder's item.
      const parentOf = (id: string) => shown(id)!.closest('li')!.parentElement!.closest('li')!.querySelector(':scope > article')!.id;
      expect(parentOf(second.id)).to.equal(`comment-${first.id}`);
      expect(parentOf('s3')).to.equal(`comment-${third.id}`);
      expect(bodies(el)).to.deep.equal(['A visible answer', 'Another visible answer']);
    });

    it('says so in the page\'s language', async () => {
      const [first, second] = sampleThread('t1', 2);
      api.comments = [{ ...first, status: 'pending' }, { ...second, parentId: first.id }];
      const holder = await fixture<HTMLElement>(html`<div lang="de"></div>`);
      const el = document.createElement('comment-box');
      Object.assign(el, { api: BASE, thread: 't1', eager: true });
      holder.append(el);
      await waitUntil(() => root(el).querySelector('.deleted'), 'no placeholder');
      expect(root(el).querySelector('.deleted')!.textContent).to.equal('Dieser Kommentar wartet auf Freigabe.');
    });

    it('shows its author an edit awaiting moderation, and moderators approve or reject it', async () => {
      const [first] = sampleThread('t1', 1);
      api.comments = [{ ...first, author: { ...first.author, id: 'u-ada' }, body: 'The edit', publishedBody: 'The approved text', editPending: true }];
      const author = await box({ token: fakeToken('Ada') });
      expect(root(author).querySelector('.tag')!.textContent).to.equal('edit awaiting moderation');
      expect(bodies(author)).to.deep.equal(['The edit']);
      author.remove();
      const el = await box({ token: fakeToken('Mo', 'moderator') });
      const labels = [...root(el).querySelectorAll('article .actions button')].map((b) => b.textContent!.trim());
      expect(labels).to.include.members(['Approve', 'Reject']);
    });
  });

  describe('signing in', () => {
    const signInTo = (href: string) => new URL(href).searchParams.get('return');

    it('sends the reader back to this page at the comment box, as an absolute same-origin URL', async () => {
      const el = await box({ id: 'comments', 'login-url': '/sign-in.html' });
      const link = root(el).querySelector<HTMLAnchorElement>('.prompt a')!;
      const back = new URL(signInTo(link.href)!);
      expect(back.origin).to.equal(location.origin);
      expect(back.href).to.equal(`${location.origin}${location.pathname}${location.search}#comments`);
      el.addEventListener('login-requested', (event) => event.preventDefault());
      const requested = oneEvent(el, 'login-requested');
      link.click();
      expect((await requested).detail.returnUrl).to.equal(back.href);
    });

    it('leads Sign Up to login-url when there is no signup-url', async () => {
      const el = await box({ 'login-url': '/sign-in.html' });
      const [signIn, signUp] = [...root(el).querySelectorAll<HTMLAnchorElement>('.prompt a')];
      expect(signUp.textContent).to.equal('Sign Up');
      expect(signUp.href).to.equal(signIn.href);
    });

    it('without login-url, offers buttons that fire login-requested, and says what to set when nothing handles it', async () => {
      const el = await box();
      const [signIn, signUp] = [...root(el).querySelectorAll<HTMLButtonElement>('.prompt button')];
      expect([signIn.textContent, signUp.textContent]).to.deep.equal(['Sign In', 'Sign Up']);
      expect(root(el).querySelector('.prompt a')).to.equal(null);
      const actions: string[] = [];
      el.addEventListener('login-requested', (event) => actions.push(event.detail.action));
      const warnings = await captureWarnings(() => signIn.click());
      expect(actions).to.deep.equal(['sign-in']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('<comment-box> login-url').and.include('signup-url').and.include('login-requested');
      const more = await captureWarnings(() => signUp.click());
      expect(actions).to.deep.equal(['sign-in', 'sign-up']);
      expect(more[0]).to.include('"Sign Up" leads nowhere');
    });

    it('stays quiet without login-url when the site handles login-requested', async () => {
      const el = await box();
      el.addEventListener('login-requested', (event) => event.preventDefault());
      const warnings = await captureWarnings(() => root(el).querySelector<HTMLButtonElement>('.prompt button')!.click());
      expect(warnings).to.deep.equal([]);
    });

    it('keeps the seed wording: "You must be logged in to comment. Sign In / Sign Up"', async () => {
      const el = await box();
      expect(root(el).querySelector('.prompt')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('You must be logged in to comment. Sign In / Sign Up');
    });
  });

  describe('events', () => {
    it('fires a cancelable login-requested instead of following the link', async () => {
      const el = await box({ 'login-url': '/sign-in.html' });
      el.addEventListener('login-requested', (event) => event.preventDefault());
      const requested = oneEvent(el, 'login-requested');
      root(el).querySelector<HTMLAnchorElement>('.prompt a')!.click();
      const event = await requested;
      expect(event.detail).to.deep.equal({ action: 'sign-in', returnUrl: location.href });
      expect(event.defaultPrevented).to.equal(true);
    });
  });

  describe('bad input', () => {
    it('warns without an API and shows the failure state', async () => {
      const warnings = await captureWarnings(async () => {
        const el = document.createElement('comment-box');
        el.eager = true;
        el.thread = 'x';
        (await fixture<HTMLElement>(html`<div></div>`)).append(el);
        await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'));
      });
      expect(warnings.some((w) => w.includes('<comment-box> api'))).to.equal(true);
    });

    it('refuses unsafe sign-in links and survives bad numbers', async () => {
      let el!: CommentBox;
      const warnings = await captureWarnings(async () => {
        el = await box({ 'login-url': 'javascript:alert(1)', 'page-size': 'lots', 'max-depth': '-1', sort: 'random' });
      });
      expect(root(el).querySelector('.prompt a')).to.equal(null);
      expect(root(el).querySelectorAll('.prompt button')).to.have.length(2);
      for (const attribute of ['login-url', 'page-size', 'max-depth', 'sort']) {
        expect(warnings.some((w) => w.includes(`<comment-box> ${attribute}`)), attribute).to.equal(true);
      }
    });

    it('renders hostile comment bodies and names as text', async () => {
      api.comments = [{ ...sampleThread('t1', 1)[0], body: '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>[x](javascript:alert(1))', author: { id: 'x', name: '<b onmouseover=alert(1)>Eve</b>', guest: true } }];
      const el = await box();
      await aTimeout(50);
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
      expect(root(el).querySelector('article .body img, article .body script, article a[href^="javascript"]')).to.equal(null);
      expect(bodies(el)[0]).to.include('<script>');
    });
  });

  it('is accessible signed out, signed in and with a thread', async () => {
    api.comments = sampleThread('t1', 6);
    const signedOut = await box({ 'login-url': '/sign-in.html' });
    await expect(signedOut).to.be.accessible();
    const signedIn = await box({ token: fakeToken('Ada') }, 't1');
    await expect(signedIn).to.be.accessible();
  });

  it('states its version and works when made with new', async () => {
    expect(CommentBox.version).to.match(/^\d+\.\d+\.\d+/);
    const el = new CommentBox();
    el.api = BASE;
    el.thread = 't9';
    el.eager = true;
    (await fixture<HTMLElement>(html`<div></div>`)).append(el);
    await waitUntil(() => root(el).querySelector('.empty'));
  });
});
