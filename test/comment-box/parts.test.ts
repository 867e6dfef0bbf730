import { expect } from '@open-wc/testing';
import { CommentWrites } from '../../src/comment-box/api-writes.js';
import { ThreadState } from '../../src/comment-box/thread.js';
import { insertOwn, markDeleted } from '../../src/comment-box/thread-writes.js';
import { NEW_COMMENT, draftSlot, formName, formOfSlot, type FormKey } from '../../src/comment-box/forms.js';
import { FakeApi, sampleThread } from '../../mocks/inkwell-api.js';

describe('comment-box forms: keys', () => {
  it('stores drafts under the names earlier versions used, and reads each back as the same form', () => {
    const keys: FormKey[] = [NEW_COMMENT, { kind: 'reply', id: 's1' }, { kind: 'edit', id: 's1' }, { kind: 'reply', id: 'a:b' }];
    expect(keys.map(draftSlot)).to.deep.equal([undefined, 's1', 'edit:s1', 'a:b']);
    expect(keys.map(formName)).to.deep.equal(['top', 's1', 'edit:s1', 'a:b']);
    for (const key of keys) expect(formOfSlot(draftSlot(key))).to.deep.equal(key);
  });
});

describe('comment-box thread state', () => {
  const host = () => {
    const calls = { n: 0 };
    return { calls, host: { addController() {}, removeController() {}, requestUpdate: () => calls.n++, updateComplete: Promise.resolve(true) } };
  };

  it('keeps the reader\'s own flag when the live stream sends the public view, and asks for an update on each change', () => {
    const { host: h, calls } = host();
    const state = new ThreadState(h);
    const [first, second] = sampleThread('t', 2);
    state.reset({ comments: [{ ...first, own: true }, second], total: 2, nextCursor: null });
    state.replace({ ...first, body: 'edited elsewhere' });
    expect(state.find(first.id)).to.include({ body: 'edited elsewhere', own: true });
    state.replace({ ...first, own: false });
    expect(state.find(first.id)!.own, 'an explicit answer wins').to.equal(false);
    expect(calls.n).to.equal(3);
  });

  it('holds others\' comments back once each, and drops the reader\'s own from them when the server answers', () => {
    const { host: h } = host();
    const state = new ThreadState(h);
    const [first, second] = sampleThread('t', 2).map((c) => ({ ...c, parentId: null }));
    state.reset({ comments: [first], total: 1, nextCursor: null });
    expect(state.receive(first), 'already shown').to.equal(false);
    expect(state.receive(second)).to.equal(true);
    expect(state.receive(second), 'announced twice').to.equal(false);
    insertOwn(state, second, false);
    expect(state.incoming).to.deep.equal([]);
    expect(state.top.map((c) => c.id)).to.deep.equal([first.id, second.id]);
    expect(state.total).to.equal(2);
  });

  it('places the thread once per change of its comments', () => {
    const { host: h } = host();
    const state = new ThreadState(h);
    state.reset({ comments: sampleThread('t', 5), total: 5, nextCursor: null });
    const placed = state.placed(3);
    expect(state.placed(3)).to.equal(placed);
    expect(state.placed(1)).to.not.equal(placed);
    markDeleted(state, state.top[0]);
    expect(state.placed(1)).to.not.equal(placed);
    expect(state.total).to.equal(4);
  });
});

describe('comment-box API client', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi({ base: '/fake/v1', comments: sampleThread('a/b ?', 1) }).install();
  });
  afterEach(() => api.uninstall());

  it('builds every URL from the base, with the thread and comment ids encoded', async () => {
    const client = new CommentWrites('/fake/v1', 'a/b ?', () => undefined);
    await client.page('newest', 5, 'x&y');
    await client.change('s0', { body: 'New text' }).catch(() => undefined);
    await client.remove('s/0').catch(() => undefined);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      'GET /threads/a%2Fb%20%3F/comments',
      'PATCH /comments/s0',
      'DELETE /comments/s%2F0',
    ]);
    expect(client.eventsUrl()).to.equal('/fake/v1/threads/a%2Fb%20%3F/events');
  });
});
