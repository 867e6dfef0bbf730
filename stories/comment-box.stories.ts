import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeApi, fakeToken, sampleThread } from '../mocks/inkwell-api.js';
import type { Comment } from '../src/comment-box/types.js';
import { formsCode } from '../src/comment-box/forms-code.js';
import { adoptCode } from '../src/comment-box/adopt-code.js';
import { fragmentHtml, threadHtml } from '../server/src/comments/html.js';

// Every story answers the element's real fetch code with its own in-browser FakeApi, installed in
// the render function. Each story has its own `api` base (the fake answers that prefix and passes
// everything else on), so the docs page, where all stories render at once, keeps them apart; and a
// fresh element is rendered each time (keyed), so switching stories or changing a control loads again.

interface Args {
  api: string;
  thread: string;
  sort: 'oldest' | 'newest' | 'top';
  pageSize: number;
  maxDepth: number;
  live: boolean;
  eager: boolean;
  guests: boolean;
  reactions: boolean;
  loginUrl?: string;
  signupUrl?: string;
  theme?: 'light' | 'dark';
  /** Story only: the reader's token (made by `fakeToken`); empty when signed out. */
  token?: string;
  /** Story only: the page language around the element; `ar` also sets `dir="rtl"`. */
  lang: 'en' | 'de' | 'ar';
}

/** What a story's fake API holds and how it behaves (story parameter `fake`). */
interface FakeSetup {
  comments?: (thread: string) => Comment[];
  delayMs?: number;
  premoderate?: boolean;
  /** The first requests fail as if offline (the element retries a read twice, so 3 make it give up). */
  offline?: number;
  /** The first read refuses the reader's token with this 401 code (`token_expired`, `token_wrong_audience` …). */
  refuse?: string;
  /** Reactions the fake starts with. */
  reactions?: (fake: FakeApi, thread: string) => void;
  /** Readers without a token may react (the server's INKWELL_GUEST_REACTIONS). */
  guestReactions?: boolean;
  /** The comment a moderator pinned. */
  pin?: string;
  /** A moderator banned the story's reader. */
  banned?: boolean;
  /** The forms' code (fetched on demand) never arrives, or fails once, for this story's box. */
  forms?: 'held' | 'failed';
}

/** Some reactions on the first comments and on the article, one of each by the story's reader. */
function someReactions(fake: FakeApi, thread: string): void {
  const others = ['u-ada okafor', 'u-lin mei', 'u-jonas berg', 'u-tomás ruiz'];
  fake.react('s0', 'like', ...others, authorId(READER)).react('s0', 'celebrate', others[0]);
  fake.react('s1', 'insightful', ...others.slice(0, 2)).react('s1', 'laugh', others[2], authorId(READER));
  fake.react('s3', 'love', others[3]);
  fake.react(`thread:${thread}`, 'like', ...others).react(`thread:${thread}`, 'insightful', others[1], authorId(READER));
}

const READER = 'Rosa Diaz';
const MODERATOR = 'Mara Editor';
/** The fake derives author ids from the token's `sub`, the lowercased name. */
const authorId = (name: string) => `u-${name.toLowerCase()}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function comment(thread: string, id: string, name: string, body: string, minutes: number, extra: Partial<Comment> = {}): Comment {
  return { id, thread, parentId: null, author: { id: authorId(name), name, guest: false }, body, createdAt: minutesAgo(minutes), status: 'published', ...extra };
}

/** A short conversation: `count` comments by `names`, every third one a reply to the one before. */
function conversation(thread: string, names: string[], bodies: string[], count: number): Comment[] {
  return Array.from({ length: count }, (_, i) =>
    comment(thread, `k${i}`, names[i % names.length], bodies[i % bodies.length], (count - i) * 47 + 30, { parentId: i % 3 === 2 ? `k${i - 1}` : null }),
  );
}

/** 100 top-level comments, each followed by a chain of 4 replies (reply to reply): 500 in all. */
function longThread(thread: string): Comment[] {
  const names = ['Ada Okafor', 'Lin Mei', 'Jonas Berg', 'Nushama Wellness', 'Tomás Ruiz'];
  const comments: Comment[] = [];
  for (let i = 0; i < 100; i++) {
    const top = comment(thread, `t${i}`, names[i % 5], `Top-level comment ${i + 1} of 100. ${i % 4 === 0 ? 'With **emphasis**, `code` and a [link](https://example.com/).' : 'Proofreading is reading slowly, on purpose.'}`, 60 * 24 * 3 - i * 30);
    comments.push(top);
    let parent = top.id;
    for (let depth = 1; depth <= 4; depth++) {
      const id = `t${i}-r${depth}`;
      comments.push(comment(thread, id, names[(i + depth) % 5], `Reply at depth ${depth} to comment ${i + 1}.`, 60 * 24 * 3 - i * 30 - depth * 5, { parentId: parent }));
      parent = id;
    }
  }
  return comments;
}

const ARABIC_NAMES = ['ليلى حسن', 'عمر خالد', 'نور الهدى', 'سارا احمدی'];
const ARABIC_BODIES = [
  'مقال رائع عن التدقيق اللغوي. شكراً لكم!',
  'أتفق معك تماماً، القراءة بصوت عالٍ تساعد كثيراً.',
  'هل هناك أدوات تنصحون بها لاكتشاف الأخطاء؟ راجعت [الدليل](https://example.com/guide) ولم أجد شيئاً.',
  'جرّب قراءة النص من النهاية إلى البداية، جملةً جملة، مع **التركيز** على الأرقام مثل 2026.',
];
const GERMAN_NAMES = ['Jonas Berg', 'Greta Vogel', 'Ada Okafor'];
const GERMAN_BODIES = [
  'Ein schöner Artikel über das Korrekturlesen. Danke!',
  'Laut lesen hilft mir auch – vor allem bei langen Sätzen.',
  'Gibt es ein *Werkzeug*, das doppelte Wörter findet? Ich habe `grep` versucht.',
];

const fakes = new Map<string, FakeApi>();
const RealEventSource = window.EventSource;

/**
 * Server-sent events for the story fakes: another reader posts every few seconds. URLs outside the
 * fakes go to the real EventSource. (The FakeApi answers fetch only; this is the story's wrapper.)
 */
class StoryEventSource extends EventTarget {
  private readonly timer: ReturnType<typeof setInterval>;
  private sent = 0;
  constructor(readonly url: string) {
    super();
    const path = new URL(url, location.href).pathname;
    const fake = [...fakes.values()].find((candidate) => path.startsWith(candidate.options.base));
    const thread = decodeURIComponent(/\/threads\/([^/]+)\/events$/.exec(path)?.[1] ?? '');
    this.timer = setInterval(() => {
      if (!fake) return;
      // Someone likes the first comment meanwhile: its count changes in place.
      const first = fake.comments.find((c) => c.thread === thread && c.status === 'published');
      if (first) {
        fake.react(first.id, 'like', `u-live${this.sent}`);
        this.dispatchEvent(new MessageEvent('reactions-changed', { data: JSON.stringify({ thread, commentId: first.id, counts: fake.reactionsOf(first.id)!.counts }) }));
      }
      const fresh = comment(thread, `live${Date.now()}`, 'Lin Mei', `A comment from elsewhere, number ${++this.sent}.`, 0);
      fake.comments.push(fresh);
      this.dispatchEvent(new MessageEvent('comment-created', { data: JSON.stringify(fresh) }));
    }, 4000);
  }
  close(): void {
    clearInterval(this.timer);
  }
}

function installEventSource(): void {
  const Wrapped = function (url: string | URL, init?: EventSourceInit) {
    const path = new URL(String(url), location.href).pathname;
    if ([...fakes.keys()].some((base) => path.startsWith(base))) return new StoryEventSource(String(url));
    return new RealEventSource(url, init);
  };
  (window as unknown as { EventSource: unknown }).EventSource = Wrapped;
}

/** A story's API base as the fake answers it: the path of `api`, without a trailing slash. */
const basePath = (api: string) => new URL(api, location.href).pathname.replace(/\/+$/, '');

/** How each story's box gets its forms' code, by its API base; the others fetch it as a page would. */
const formsFor = new Map<string, FakeSetup['forms']>();
const fetchForms = formsCode.load;
formsCode.load = (host) => {
  const base = host && basePath(host.getAttribute('api') ?? '');
  const mode = base ? formsFor.get(base) : undefined;
  if (mode === 'held') return new Promise(() => undefined);
  if (mode !== 'failed') return fetchForms(host);
  // Once: "Try again" then fetches it.
  formsFor.delete(base!);
  return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
};

/** The boxes (by API base) whose reader of the included page never arrives, as on a slow network. */
const adoptionHeld = new Set<string>();
const fetchAdoption = adoptCode.load;
adoptCode.load = (host) => {
  const base = host && basePath(host.getAttribute('api') ?? '');
  return base && adoptionHeld.has(base) ? new Promise(() => undefined) : fetchAdoption(host);
};

/** A fresh fake for this story's base, replacing the one an earlier render installed there. */
function installFake(args: Args, setup: FakeSetup = {}): FakeApi {
  const base = basePath(args.api);
  // Stacked fakes each pass unknown paths down; the newest for a base wins, so an older one is just shadowed.
  const fake = new FakeApi({
    base, comments: setup.comments?.(args.thread) ?? [], delayMs: setup.delayMs ?? 300, premoderate: setup.premoderate, guestReactions: setup.guestReactions,
  }).install();
  setup.reactions?.(fake, args.thread);
  if (setup.pin) fake.pins.set(args.thread, setup.pin);
  if (setup.banned) fake.bans.add(authorId(READER));
  formsFor.set(base, setup.forms);
  if (setup.offline) fake.fail(...Array.from({ length: setup.offline }, () => 'offline' as const));
  if (setup.refuse) fake.fail({ status: 401, body: { error: { code: setup.refuse, message: `The server's ${setup.refuse}` } } });
  fakes.set(base, fake);
  if (args.live) installEventSource();
  return fake;
}

let renders = 0;

const meta: Meta<Args> = {
  title: 'Elements/comment-box',
  component: 'comment-box',
  args: {
    api: '/fake/v1',
    thread: 'quiet-craft',
    sort: 'oldest',
    pageSize: 20,
    maxDepth: 3,
    live: false,
    eager: true,
    guests: false,
    reactions: false,
    loginUrl: '/sign-in',
    signupUrl: '/sign-up',
    token: '',
    lang: 'en',
  },
  argTypes: {
    api: { description: 'Base URL of the API; the story\'s fake answers under it' },
    sort: { control: 'inline-radio', options: ['oldest', 'newest', 'top'] },
    pageSize: { name: 'page-size', control: { type: 'number', min: 1, max: 100 } },
    maxDepth: { name: 'max-depth', control: { type: 'number', min: 0, max: 10 } },
    loginUrl: { name: 'login-url' },
    signupUrl: { name: 'signup-url' },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    token: { control: 'text', description: 'The reader\'s token (story only; empty when signed out)' },
    lang: { control: 'inline-radio', options: ['en', 'de', 'ar'], description: 'Page language (story only); ar is right-to-left' },
  },
  render: (args, context) => {
    installFake(args, context.parameters.fake as FakeSetup | undefined);
    const dark = args.theme === 'dark';
    return html`<div
      lang=${args.lang}
      dir=${args.lang === 'ar' ? 'rtl' : 'ltr'}
      style="max-width: 42rem; padding: 1rem; ${dark ? 'background: #111418; color: #e7e9ee;' : ''}"
    >
      ${keyed(
        ++renders,
        html`<comment-box
          api=${args.api}
          token=${ifDefined(args.token || undefined)}
          thread=${args.thread}
          sort=${args.sort}
          page-size=${args.pageSize}
          max-depth=${args.maxDepth}
          ?live=${args.live}
          ?eager=${args.eager}
          ?guests=${args.guests}
          ?reactions=${args.reactions}
          login-url=${ifDefined(args.loginUrl || undefined)}
          signup-url=${ifDefined(args.signupUrl || undefined)}
          theme=${ifDefined(args.theme)}
        ></comment-box>`,
      )}
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

// The first story is the docs page's primary one, shown at its top: a thread that has loaded.
/** A conversation read signed out: replies nested, Sign In / Sign Up instead of the form. */
export const SignedOut: Story = {
  args: { api: '/fake/signed-out/v1', thread: 'signed-out' },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 12) } satisfies FakeSetup },
};

/** While the thread loads (the fake answers after ten minutes): the reserved space and "Loading comments…". */
export const Loading: Story = {
  args: { api: '/fake/loading/v1', thread: 'loading' },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 5), delayMs: 10 * 60_000 } satisfies FakeSetup },
};

/** An empty thread, signed out: "No comments yet" and "You must be logged in to comment. Sign In / Sign Up". */
export const Empty: Story = {
  args: { api: '/fake/empty/v1', thread: 'empty' },
  parameters: { fake: {} satisfies FakeSetup },
};

/**
 * No `login-url`: Sign In and Sign Up are buttons that fire `login-requested`, for the site to open its own
 * dialog; when nothing cancels the event, the console says to set `login-url` (and `signup-url`).
 */
export const NoLoginUrl: Story = {
  args: { api: '/fake/no-login/v1', thread: 'no-login', loginUrl: '', signupUrl: '' },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 3) } satisfies FakeSetup },
};

/** The token expired: the thread is read signed out, "Your session has expired — sign in again." */
export const SessionExpired: Story = {
  args: { api: '/fake/expired/v1', thread: 'expired', token: fakeToken(READER) },
  parameters: { fake: { refuse: 'token_expired', comments: (thread: string) => sampleThread(thread, 3) } satisfies FakeSetup },
};

/** The server refused the token for another reason (here its audience): "Your sign-in could not be verified", and the console names the code. */
export const SignInNotVerified: Story = {
  args: { api: '/fake/unverified/v1', thread: 'unverified', token: fakeToken(READER) },
  parameters: { fake: { refuse: 'token_wrong_audience', comments: (thread: string) => sampleThread(thread, 3) } satisfies FakeSetup },
};

/** Signed in (a `fakeToken`): the form, Reply on every comment, Edit and Delete on one's own recent one. */
export const SignedIn: Story = {
  args: { api: '/fake/signed-in/v1', thread: 'signed-in', token: fakeToken(READER) },
  parameters: {
    fake: {
      comments: (thread: string) => [
        ...sampleThread(thread, 8, Date.now() - 3 * 24 * 3_600_000),
        comment(thread, 'mine', READER, 'My own comment, posted a minute ago: still editable.', 1),
      ],
    } satisfies FakeSetup,
  },
};

/** Signed in, while the forms' code is on its way (held here): a stand-in field takes the reader's text at once, "Loading the form…". */
export const FormLoading: Story = {
  args: { api: '/fake/form-loading/v1', thread: 'form-loading', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 2), forms: 'held' } satisfies FakeSetup },
};

/** The forms' code could not be fetched: the stand-in keeps the text and says so, with "Try again" (which here fetches it). */
export const FormUnavailable: Story = {
  args: { api: '/fake/form-unavailable/v1', thread: 'form-unavailable', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 2), forms: 'failed' } satisfies FakeSetup },
};

/** The site's token carries the reader's e-mail (`email` claim): the form offers "Notify me of replies by e-mail", remembered for the next form. */
export const NotifyReplies: Story = {
  args: { api: '/fake/notify/v1', thread: 'notify', token: fakeToken(READER, undefined, { email: 'reader@example.com' }) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 3) } satisfies FakeSetup },
};

/** Guests may comment with a name and an optional e-mail (`guests`, where the server allows it). */
export const Guest: Story = {
  args: { api: '/fake/guest/v1', thread: 'guest', guests: true },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 4) } satisfies FakeSetup },
};

/** Deep replies: each level is a list inside its comment (a screen reader says the level), each reply says whom it answers; past `max-depth` they stay at that depth and say it visibly. */
export const NestedReplies: Story = {
  args: { api: '/fake/nested/v1', thread: 'nested', maxDepth: 2 },
  parameters: {
    fake: {
      comments: (thread: string) => [
        comment(thread, 'n0', 'Ada Okafor', 'Where does the serial comma belong?', 30),
        comment(thread, 'n1', 'Lin Mei', 'Before the conjunction, always.', 25, { parentId: 'n0' }),
        comment(thread, 'n2', 'Jonas Berg', 'Not in newspapers.', 20, { parentId: 'n1' }),
        comment(thread, 'n3', 'Ada Okafor', 'Then newspapers are wrong.', 15, { parentId: 'n2' }),
        comment(thread, 'n4', 'Lin Mei', 'A question of house style.', 10),
      ],
    } satisfies FakeSetup,
  },
};

/** Delete pressed on one's own comment: focus is on the question's Cancel, and the question names the group a screen reader enters. */
export const DeleteQuestion: Story = {
  args: { api: '/fake/delete/v1', thread: 'delete', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => [...sampleThread(thread, 2, Date.now() - 3_600_000), comment(thread, 'mine', READER, 'A comment I am about to delete.', 1)] } satisfies FakeSetup },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('comment-box')!;
    for (let i = 0; i < 100 && !box.shadowRoot?.querySelector('#comment-mine [data-action="delete"]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    box.shadowRoot!.querySelector<HTMLButtonElement>('#comment-mine [data-action="delete"]')?.click();
  },
};

/** The preview: the toggle keeps its name "Preview" and is pressed; the field's label names the preview. */
export const Preview: Story = {
  args: { api: '/fake/preview/v1', thread: 'preview', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 2) } satisfies FakeSetup },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('comment-box')!;
    for (let i = 0; i < 100 && !box.shadowRoot?.querySelector('#f-top'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const field = box.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-top')!;
    field.value = 'A **bold** claim, with a [link](https://example.com).';
    field.dispatchEvent(new InputEvent('input'));
    box.shadowRoot!.querySelector<HTMLButtonElement>('form button[aria-pressed]')!.click();
  },
};

/** A premoderated site: the reader's own comment shows "awaiting moderation" (others do not see it). */
export const Held: Story = {
  args: { api: '/fake/held/v1', thread: 'held', token: fakeToken(READER) },
  parameters: {
    fake: {
      premoderate: true,
      comments: (thread: string) => [
        ...sampleThread(thread, 4, Date.now() - 24 * 3_600_000),
        comment(thread, 'held1', READER, 'Held until a moderator has read it.', 2, { status: 'pending' }),
      ],
    } satisfies FakeSetup,
  },
};

/** A moderator sees others' held comments with Approve, Reject and Spam. */
export const Moderator: Story = {
  args: { api: '/fake/moderator/v1', thread: 'moderator', token: fakeToken(MODERATOR, 'moderator') },
  parameters: {
    fake: {
      comments: (thread: string) => [
        ...sampleThread(thread, 3, Date.now() - 24 * 3_600_000),
        comment(thread, 'p1', 'Jonas Berg', 'A first comment from a new reader, held for review.', 20, { status: 'pending' }),
        comment(thread, 'p2', 'Cheap Watches', 'Great post! Visit [our shop](https://example.com/watches) for deals.', 5, { status: 'pending' }),
      ],
    } satisfies FakeSetup,
  },
};

/** A pinned comment comes first, marked "Pinned", whatever the sort; the article's author's comments carry the "Author" label. */
export const PinnedAndAuthor: Story = {
  args: { api: '/fake/pinned/v1', thread: 'pinned', sort: 'newest' },
  parameters: {
    fake: {
      pin: 's1',
      comments: (thread: string) => [
        ...sampleThread(thread, 5, Date.now() - 24 * 3_600_000),
        comment(thread, 'w1', 'Wendy Writer', 'Thanks for reading! I answer questions here until Friday.', 30, { byAuthor: true }),
        comment(thread, 'w2', 'Wendy Writer', 'Good point: the second edition fixes this.', 10, { parentId: 's3', byAuthor: true }),
      ],
    } satisfies FakeSetup,
  },
};

/** A moderator gets Pin on published top-level comments and Unpin on the pinned one. */
export const ModeratorPins: Story = {
  args: { api: '/fake/moderator-pins/v1', thread: 'moderator-pins', token: fakeToken(MODERATOR, 'moderator') },
  parameters: { fake: { pin: 's2', comments: (thread: string) => sampleThread(thread, 6, Date.now() - 24 * 3_600_000) } satisfies FakeSetup },
};

/** A banned reader's comment is refused: the form says why and keeps their text. */
export const Banned: Story = {
  args: { api: '/fake/banned/v1', thread: 'banned', token: fakeToken(READER) },
  parameters: { fake: { banned: true, comments: (thread: string) => sampleThread(thread, 3) } satisfies FakeSetup },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('comment-box')!;
    for (let i = 0; i < 100 && !box.shadowRoot?.querySelector('#f-top'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const field = box.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-top')!;
    field.value = 'Why was my last comment removed?';
    field.dispatchEvent(new InputEvent('input'));
    box.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};

/** The API cannot be reached (the fake fails three times, the element's read and its two retries): "Try again" loads the thread. */
export const ErrorWithRetry: Story = {
  args: { api: '/fake/error/v1', thread: 'error' },
  parameters: { fake: { offline: 3, comments: (thread: string) => sampleThread(thread, 6) } satisfies FakeSetup },
};

/** 100 top-level comments, each with a chain of 4 replies, in one page of 100: drawn a slice per frame. */
export const FiveHundredComments: Story = {
  args: { api: '/fake/five-hundred/v1', thread: 'five-hundred', pageSize: 100 },
  parameters: { fake: { comments: longThread, delayMs: 100 } satisfies FakeSetup },
};

/** `theme="dark"` on a dark page. */
export const Dark: Story = {
  args: { api: '/fake/dark/v1', thread: 'dark', theme: 'dark', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 8) } satisfies FakeSetup },
};

/** Right to left (`dir="rtl" lang="ar"`), Arabic comments; the strings fall back to English. */
export const RightToLeft: Story = {
  args: { api: '/fake/rtl/v1', thread: 'rtl', lang: 'ar', token: fakeToken('ليلى حسن') },
  parameters: { fake: { comments: (thread: string) => conversation(thread, ARABIC_NAMES, ARABIC_BODIES, 7) } satisfies FakeSetup },
};

/** German (`lang="de"` on the page): strings, plural forms, relative times and dates. */
export const German: Story = {
  args: { api: '/fake/de/v1', thread: 'de', lang: 'de', loginUrl: '/anmelden', signupUrl: '/registrieren' },
  parameters: { fake: { comments: (thread: string) => conversation(thread, GERMAN_NAMES, GERMAN_BODIES, 6) } satisfies FakeSetup },
};

/** `live`: another reader posts every 4 seconds (a story stand-in for server-sent events); their comments wait behind "N new comments". */
export const Live: Story = {
  args: { api: '/fake/live/v1', thread: 'live', live: true, token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 5) } satisfies FakeSetup },
};

/**
 * The site included the thread's first page (`GET /v1/threads/{thread}/comments.html`, made here by the
 * server's own renderer) inside the element: shown before the script runs, then taken over without a request.
 */
export const IncludedPage: Story = {
  args: { api: '/fake/included/v1', thread: 'included' },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 6) } satisfies FakeSetup },
  render: (args, context) => {
    const fake = installFake(args, context.parameters.fake as FakeSetup | undefined);
    const page = { comments: fake.comments, total: fake.comments.length, nextCursor: null };
    // The site's own markup, as its template would include it: server-rendered and escaped there.
    const included = fragmentHtml(threadHtml(page, args.lang), page, { thread: args.thread, sort: 'oldest', lang: args.lang, lastEventId: 0 }, new Date());
    return html`<div lang=${args.lang} style="max-width: 42rem; padding: 1rem">
      ${keyed(++renders, html`<comment-box api=${args.api} thread=${args.thread} eager>${unsafeHTML(included)}</comment-box>`)}
    </div>`;
  },
};

/**
 * The included page while the code that reads it is on its way (held here for good): the site's markup in the
 * `included` slot, in place of the element's own heading, as readers without JavaScript see it too.
 */
export const IncludedPageWaiting: Story = {
  ...IncludedPage,
  args: { api: '/fake/included-waiting/v1', thread: 'included-waiting' },
  render: (args, context) => {
    adoptionHeld.add(basePath(args.api));
    return IncludedPage.render!(args, context);
  },
};

/** Reactions under each comment (the reader's own pressed) and, with `reactions`, the article's bar above the thread. */
export const Reactions: Story = {
  args: { api: '/fake/reactions/v1', thread: 'reactions', reactions: true, token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 6), reactions: someReactions } satisfies FakeSetup },
};

/** "More reactions" opened under the first comment: every kind, the toggle pressed open. */
export const AllReactionKinds: Story = {
  args: { api: '/fake/reactions-all/v1', thread: 'reactions-all', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 3), reactions: someReactions } satisfies FakeSetup },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('comment-box')!;
    for (let i = 0; i < 100 && !box.shadowRoot?.querySelector('#comment-s0 [data-kind="more"]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    box.shadowRoot!.querySelector<HTMLButtonElement>('#comment-s0 [data-kind="more"]')?.click();
  },
};

/** Signed out: the counts are shown; pressing Like says "Sign in to react." with a Sign In link. */
export const ReactionsSignedOut: Story = {
  args: { api: '/fake/reactions-out/v1', thread: 'reactions-out', reactions: true },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 3), reactions: someReactions } satisfies FakeSetup },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('comment-box')!;
    for (let i = 0; i < 100 && !box.shadowRoot?.querySelector('#comment-s0 [data-kind="like"]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    box.shadowRoot!.querySelector<HTMLButtonElement>('#comment-s0 [data-kind="like"]')?.click();
  },
};

/** The server refuses a reaction (rate-limited): the count went up at once, goes back, and the reason shows under it. */
export const ReactionRefused: Story = {
  args: { api: '/fake/reactions-refused/v1', thread: 'reactions-refused', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 3), reactions: someReactions } satisfies FakeSetup },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('comment-box')!;
    for (let i = 0; i < 100 && !box.shadowRoot?.querySelector('#comment-s2 [data-kind="like"]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    fakes.get('/fake/reactions-refused/v1')!.fail({ status: 429, body: { error: { code: 'rate_limited', message: 'Too many reactions' } }, headers: { 'retry-after': '40' } });
    box.shadowRoot!.querySelector<HTMLButtonElement>('#comment-s2 [data-kind="like"]')?.click();
  },
};

/** Guests react too (`guests`, where the server sets INKWELL_GUEST_REACTIONS=on): their browser's id makes the reaction theirs. */
export const GuestReactions: Story = {
  args: { api: '/fake/reactions-guest/v1', thread: 'reactions-guest', guests: true, reactions: true },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 3), reactions: someReactions, guestReactions: true } satisfies FakeSetup },
};

/** `sort="top"`: the comments with the most reactions first. */
export const TopFirst: Story = {
  args: { api: '/fake/reactions-top/v1', thread: 'reactions-top', sort: 'top', token: fakeToken(READER) },
  parameters: { fake: { comments: (thread: string) => sampleThread(thread, 6).map((c) => ({ ...c, parentId: null })), reactions: someReactions } satisfies FakeSetup },
};
