import { expect } from '@open-wc/testing';
import { clearDraft, listDrafts, loadDraft, saveDraft, type Draft } from '../../src/comment-box/drafts.js';

const DAY = 86_400_000;
const KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9a-f]{32})$/;

let count = 0;
/** A thread id no other test uses, so drafts kept in memory by one test do not leak into another. */
const newThread = (base = 'thread') => `${base}-${++count}`;
/** The localStorage entry of a draft, as a previous page load would have left it. */
const entry = (thread: string, replyTo = '') => `inkwell:draft:${encodeURIComponent(thread)}:${replyTo}`;

const ourEntries = () => Object.keys(localStorage).filter((name) => name.startsWith('inkwell:draft:'));

/** Runs with a stub in place of a property, restoring the original afterwards. */
async function stubbed<T extends object>(owner: T, name: string, value: PropertyDescriptor, run: () => unknown) {
  const original = Object.getOwnPropertyDescriptor(owner, name);
  Object.defineProperty(owner, name, { configurable: true, ...value });
  try {
    await run();
  } finally {
    if (original) Object.defineProperty(owner, name, original);
    else delete (owner as Record<string, unknown>)[name];
  }
}

const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
const fullStorage = (run: () => unknown) => stubbed(Storage.prototype, 'setItem', { value: quotaExceeded }, run);

/** localStorage itself throws on access, as it does where the reader blocks site data. */
function blockedStorage(run: () => unknown) {
  const owner = Object.getOwnPropertyDescriptor(window, 'localStorage') ? window : Window.prototype;
  return stubbed(owner, 'localStorage', {
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  }, run);
}

/** Runs with Date.now moved by `ms`. */
const later = (ms: number, run: () => unknown) => {
  const now = Date.now();
  return stubbed(Date, 'now', { value: () => now + ms, writable: true }, run);
};

afterEach(() => {
  for (const name of ourEntries()) localStorage.removeItem(name);
});

describe('drafts', () => {
  it('saves and loads per thread and per reply target', () => {
    const thread = newThread();
    expect(loadDraft(thread)).to.equal(undefined);
    const top = saveDraft(thread, undefined, 'A top-level comment');
    const reply = saveDraft(thread, 'c42', 'A reply');
    expect(top.text).to.equal('A top-level comment');
    expect(loadDraft(thread)).to.deep.equal(top);
    expect(loadDraft(thread, 'c42')).to.deep.equal(reply);
    expect(loadDraft(thread, 'c43')).to.equal(undefined);
    expect(loadDraft(newThread())).to.equal(undefined);
    expect(top.key).not.to.equal(reply.key);
  });

  it('keeps the draft in localStorage, so it is there after a reload', () => {
    const thread = newThread();
    const saved = saveDraft(thread, 'c1', 'Half a thought');
    expect(JSON.parse(localStorage.getItem(entry(thread, 'c1'))!)).to.deep.equal(saved);

    // What a previous page load left behind.
    const earlier = { text: 'Written before the crash', key: 'k-1', savedAt: Date.now() - DAY };
    localStorage.setItem(entry(thread), JSON.stringify(earlier));
    expect(loadDraft(thread)).to.deep.equal(earlier);
  });

  it('records when it was saved', async () => {
    const thread = newThread();
    const before = Date.now();
    expect(saveDraft(thread, undefined, 'a').savedAt).to.be.within(before, Date.now());
    const at = Date.now() + 5000;
    await stubbed(Date, 'now', { value: () => at, writable: true }, () => {
      expect(saveDraft(thread, undefined, 'ab').savedAt).to.equal(at);
      expect(loadDraft(thread)?.savedAt).to.equal(at);
    });
  });

  it('keeps one key across saves and starts a new one after clear', () => {
    const thread = newThread();
    const first = saveDraft(thread, undefined, 'H');
    expect(first.key).to.match(KEY);
    expect(saveDraft(thread, undefined, 'He').key).to.equal(first.key);
    expect(saveDraft(thread, undefined, 'Hello').key).to.equal(first.key);
    expect(loadDraft(thread)).to.include({ text: 'Hello', key: first.key });

    clearDraft(thread);
    expect(loadDraft(thread)).to.equal(undefined);
    expect(ourEntries()).not.to.include(entry(thread));
    const next = saveDraft(thread, undefined, 'Hello again');
    expect(next.key).to.match(KEY).and.not.equal(first.key);
  });

  it('clears only the draft it is asked to', () => {
    const thread = newThread();
    saveDraft(thread, undefined, 'top');
    saveDraft(thread, 'c1', 'reply');
    clearDraft(thread, 'c1');
    expect(loadDraft(thread, 'c1')).to.equal(undefined);
    expect(loadDraft(thread)?.text).to.equal('top');
    clearDraft(thread, 'never-saved');
    clearDraft(newThread());
  });

  it('removes the draft on empty or whitespace-only text, but keeps its key until cleared', () => {
    const thread = newThread();
    const first = saveDraft(thread, 'c1', 'Posted, or was it?');
    for (const blank of ['', '   ', '\n\t \n']) {
      const emptied = saveDraft(thread, 'c1', blank);
      expect(emptied).to.include({ text: blank, key: first.key });
      expect(loadDraft(thread, 'c1')).to.equal(undefined);
      expect(listDrafts(thread)).to.deep.equal([]);
    }
    // Cut and pasted back: the same comment, the same key.
    expect(saveDraft(thread, 'c1', 'Posted, or was it?').key).to.equal(first.key);
  });

  it('gives a fresh draft saved blank a key that the first text keeps', () => {
    const thread = newThread();
    const blank = saveDraft(thread, undefined, ' ');
    expect(blank.key).to.match(KEY);
    expect(loadDraft(thread)).to.equal(undefined);
    expect(saveDraft(thread, undefined, 'Now with words').key).to.equal(blank.key);
  });

  it('ignores and replaces corrupt or foreign entries', () => {
    const thread = newThread();
    const now = Date.now();
    const corrupt = [
      '{not json',
      '',
      'null',
      '5',
      '"a string"',
      '[]',
      JSON.stringify({ text: 5, key: 'k', savedAt: now }),
      JSON.stringify({ text: 'no key', savedAt: now }),
      JSON.stringify({ text: 'numeric key', key: 7, savedAt: now }),
      JSON.stringify({ text: 'empty key', key: '', savedAt: now }),
      JSON.stringify({ text: 'no date', key: 'k' }),
      JSON.stringify({ text: 'bad date', key: 'k', savedAt: 'yesterday' }),
      JSON.stringify({ text: { trim: 1 }, key: 'k', savedAt: now }),
    ];
    for (const value of corrupt) {
      localStorage.setItem(entry(thread), value);
      expect(loadDraft(thread), value).to.equal(undefined);
      expect(localStorage.getItem(entry(thread)), value).to.equal(null);

      localStorage.setItem(entry(thread, 'c1'), value);
      expect(listDrafts(thread), value).to.deep.equal([]);

      localStorage.setItem(entry(thread), value);
      const saved = saveDraft(thread, undefined, 'fresh');
      expect(saved.key).to.match(KEY);
      expect(loadDraft(thread)).to.deep.equal(saved);
      clearDraft(thread);
    }
  });

  it('keeps working in memory when storage is full', async () => {
    const thread = newThread();
    let saved: Draft | undefined;
    await fullStorage(() => {
      saved = saveDraft(thread, 'c1', 'Storage is full');
      expect(loadDraft(thread, 'c1')).to.deep.equal(saved);
      expect(saveDraft(thread, 'c1', 'Storage is still full').key).to.equal(saved.key);
      expect(listDrafts(thread)).to.deep.equal([{ replyTo: 'c1', draft: loadDraft(thread, 'c1') }]);
    });
    expect(localStorage.getItem(entry(thread, 'c1'))).to.equal(null);
    // The page keeps it while the page lives.
    expect(loadDraft(thread, 'c1')).to.include({ text: 'Storage is still full', key: saved!.key });

    // Room again: the next save goes to storage and memory gives way.
    const stored = saveDraft(thread, 'c1', 'Room again');
    expect(stored.key).to.equal(saved!.key);
    expect(JSON.parse(localStorage.getItem(entry(thread, 'c1'))!)).to.deep.equal(stored);
    clearDraft(thread, 'c1');
    expect(loadDraft(thread, 'c1')).to.equal(undefined);
  });

  it('prefers the newer text in memory over an older copy left in storage', async () => {
    const thread = newThread();
    const old = saveDraft(thread, undefined, 'older text');
    await fullStorage(() => {
      saveDraft(thread, undefined, 'newer text');
      expect(localStorage.getItem(entry(thread))).to.contain('older text');
      expect(loadDraft(thread)).to.include({ text: 'newer text', key: old.key });
      expect(listDrafts(thread).map(({ draft }) => draft.text)).to.deep.equal(['newer text']);
      clearDraft(thread);
      expect(loadDraft(thread)).to.equal(undefined);
      expect(localStorage.getItem(entry(thread))).to.equal(null);
    });
  });

  it('keeps working in memory when storage is blocked or missing', async () => {
    const thread = newThread();
    await blockedStorage(() => {
      expect(() => localStorage).to.throw();
      expect(loadDraft(thread)).to.equal(undefined);
      const saved = saveDraft(thread, undefined, 'No storage here');
      saveDraft(thread, 'c9', 'Nor here');
      expect(loadDraft(thread)).to.deep.equal(saved);
      expect(saveDraft(thread, undefined, 'No storage here at all').key).to.equal(saved.key);
      expect(listDrafts(thread).map(({ replyTo }) => replyTo)).to.have.members([undefined, 'c9']);
      clearDraft(thread);
      expect(loadDraft(thread)).to.equal(undefined);
      expect(listDrafts(thread)).to.have.length(1);
    });
    await stubbed(Storage.prototype, 'getItem', { value: quotaExceeded }, () => {
      expect(loadDraft(newThread())).to.equal(undefined);
    });
  });

  it('drops drafts older than 30 days when they are read', async () => {
    const thread = newThread();
    saveDraft(thread, undefined, 'old words');
    saveDraft(thread, 'c1', 'old reply');
    await later(29 * DAY, () => expect(loadDraft(thread)?.text).to.equal('old words'));
    await later(31 * DAY, () => {
      expect(loadDraft(thread)).to.equal(undefined);
      expect(localStorage.getItem(entry(thread))).to.equal(null);
      expect(listDrafts(thread)).to.deep.equal([]);
      expect(localStorage.getItem(entry(thread, 'c1'))).to.equal(null);
    });
    // An expired draft's key goes with it.
    const fresh = saveDraft(thread, undefined, 'new words');
    expect(loadDraft(thread)).to.deep.equal(fresh);
  });

  it('lists the drafts of one thread that hold text', () => {
    const thread = newThread('post');
    const top = saveDraft(thread, undefined, 'top');
    const one = saveDraft(thread, 'c1', 'reply one');
    const two = saveDraft(thread, 'c2', 'reply two');
    saveDraft(thread, 'c3', '  ');
    saveDraft(`${thread}0`, 'c1', 'a thread whose id starts the same');
    saveDraft(newThread('other'), undefined, 'another thread');
    localStorage.setItem('unrelated', 'x');
    try {
      const listed = listDrafts(thread).sort((a, b) => (a.replyTo ?? '').localeCompare(b.replyTo ?? ''));
      expect(listed).to.deep.equal([
        { replyTo: undefined, draft: top },
        { replyTo: 'c1', draft: one },
        { replyTo: 'c2', draft: two },
      ]);
      expect(listDrafts(newThread())).to.deep.equal([]);
    } finally {
      localStorage.removeItem('unrelated');
    }
  });

  it('keeps thread ids with ":" and URLs apart', () => {
    const url = newThread('https://news.example/2026/05/a-story?ref=home#comments');
    const drafts = [
      { thread: 'a:b', replyTo: 'c', text: 'thread a:b, reply c' },
      { thread: 'a', replyTo: 'b:c', text: 'thread a, reply b:c' },
      { thread: 'a:b:c', replyTo: undefined, text: 'thread a:b:c' },
      { thread: 'a', replyTo: undefined, text: 'thread a' },
      { thread: url, replyTo: undefined, text: 'url, top' },
      { thread: url, replyTo: 'https://news.example/#c:1', text: 'url, reply with a URL id' },
      { thread: 'ünïcødé 💬', replyTo: 'ü', text: 'unicode' },
    ];
    for (const { thread, replyTo, text } of drafts) saveDraft(thread, replyTo, text);
    for (const { thread, replyTo, text } of drafts) expect(loadDraft(thread, replyTo)?.text).to.equal(text);
    expect(listDrafts('a').map(({ replyTo, draft }) => [replyTo, draft.text])).to.have.deep.members([
      [undefined, 'thread a'],
      ['b:c', 'thread a, reply b:c'],
    ]);
    expect(listDrafts('a:b').map(({ replyTo }) => replyTo)).to.deep.equal(['c']);
    expect(listDrafts(url).map(({ replyTo }) => replyTo)).to.have.members([undefined, 'https://news.example/#c:1']);
    for (const { thread, replyTo } of drafts) clearDraft(thread, replyTo);
  });

  it('makes 16 random bytes of hex when crypto.randomUUID is missing', async () => {
    await stubbed(crypto, 'randomUUID', { value: undefined }, () => {
      const keys = new Set([1, 2, 3].map(() => saveDraft(newThread(), undefined, 'x').key));
      expect(keys.size).to.equal(3);
      for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
    });
  });

  it('keeps long texts whole', () => {
    const thread = newThread();
    const text = 'Ünïcødé, emoji 💬 and\nnewlines.\n\n'.repeat(300);
    saveDraft(thread, undefined, text);
    expect(loadDraft(thread)?.text).to.equal(text);
  });
});
