import { property, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { themeStyles } from '../core/theme.js';
import { fill, formatPlural, type Messages } from '../core/i18n.js';
import { LightElement, type PropertyValues } from '../core/light-element.js';
import { draw, h, type Children, type ViewElement } from '../core/view.js';
import { apiBase, readerToken } from '../core/endpoint.js';
import { ApiError } from '../core/http.js';
import { describeFailure } from '../core/failure.js';
import './strings.js';
import { safeUrl } from '../core/url.js';
import { countAttribute, oneOf } from '../core/validate.js';
import { warnAttribute } from '../core/warn.js';
import { FocusKeeper } from '../core/focus.js';
import { readerFromToken } from './reader.js';
import { LoginRequestedEvent } from './events.js';
import { CommentsApi, type ApiClass } from './api.js';
import { ThreadController, refused } from './thread-controller.js';
import { placeThread } from './tree.js';
import { adoptCode, markIncluded } from './adopt-code.js';
import { NEW_COMMENT, formName, type FormKey } from './forms.js';
import { refusalText } from './sign-in.js';
import type { Writer, WriterHooks } from './comment-forms.js';
import { formsCode } from './forms-code.js';
import { actionOf, headingText, ThreadDrawing, type ThreadView } from './views.js';
import { drawReactionBar, reactionHit, toggled, type ReactionBar } from './reactions.js';
import { warmFormatters } from './formatting.js';
import { nextTask } from './next-task.js';
import type { Comment, ReactionKind, Sort } from './types.js';
import { commentBoxStyles } from './comment-box.styles.js';

const SORTS: readonly Sort[] = ['oldest', 'newest', 'top'];
/** Comments drawn in the task the listing arrives in: a full page, more than a screen. */
const FIRST_SLICE = 100;
/** In a thread longer than a page, two screens' worth, so that task stays short; the rest follows a slice per task. */
const FIRST_SCREENS = 20;
/**
 * Script time per task for the rest of a long thread: as many comments as the last slice's pace allows (at most a
 * page). Short enough that a frame falling due waits little, and no task nears 50 ms on a slow, busy machine.
 */
const SLICE_MS = 8;
/** How long a status message stays in the live region: long enough to be read out, gone before it is stale. */
const ANNOUNCE_MS = 4000;

/**
 * Comments at the foot of an article: "Comments (N)", threaded replies, a form that never loses a word.
 *
 * The thread loads when the element comes near the viewport (at once with `eager`). Signed-out readers
 * see "You must be logged in to comment. Sign In / Sign Up"; both fire `login-requested`, then follow
 * `login-url` / `signup-url` back to this page (at the element's id); with `guests`, they may comment
 * with a name. A token the server refuses says "Your session has expired" only when it expired; any
 * other refusal says the sign-in could not be verified and logs the server's reason code. What the reader types is kept locally per thread and reply until it is posted;
 * every retry of the same text carries the same `Idempotency-Key`, so nothing is posted twice. With
 * `live`, comments from others wait behind an "N new comments" button, and reaction counts change as readers react.
 *
 * Every comment has reactions (Like and a few emoji) with counts; signed-in readers toggle their own (with
 * `guests`, signed-out readers too, where the server allows guest reactions), at once on screen and rolled
 * back with a message if the server refuses; others are asked to sign in. With `reactions`, a bar of the
 * same reactions to the whole article stands above the comments.
 *
 * @tagname comment-box
 * @summary Threaded comments that load fast and never lose a word.
 *
 * @slot - Shown while the thread loads, in place of "Loading comments…" (a note, a link to the comments page).
 * @slot included - The thread's first page the site included (comments.html, whose wrapper names this slot): shown in place of the heading until the element shows the thread itself.
 *
 * @fires {CommentPostedEvent} comment-posted - The reader's comment or reply was accepted; `detail.comment`.
 * @fires {CommentEditedEvent} comment-edited - A comment was edited or moderated; `detail.comment`.
 * @fires {CommentDeletedEvent} comment-deleted - A comment was deleted; `detail.id`.
 * @fires {LoginRequestedEvent} login-requested - The reader asked to sign in or up; `detail.action`, `detail.returnUrl`. Cancelable, to open the site's own dialog; uncancelled without `login-url`, a console warning says what to set.
 *
 * @csspart heading - The "Comments (N)" heading.
 * @csspart comment - One comment.
 * @csspart form - The comment form.
 * @csspart input - The comment field and the guest's name and e-mail fields.
 * @csspart action - The form's and the thread's buttons (Preview, Cancel, Post, Load more, Retry, N new comments).
 * @csspart primary-action - The main button among them (Post, N new comments); also an `action`.
 * @csspart reactions - A comment's reaction buttons, and the article's reaction bar.
 * @csspart pinned - The "Pinned" mark on the comment a moderator pinned (listed first).
 * @csspart author-label - The "Author" label on comments by the article's author(s) (the server says who: the `authorOf` token claim, or a moderator).
 *
 * @cssprop [--inkwell-comment-box-min-height=12em] - Space reserved before the thread loads.
 * @cssprop [--inkwell-comment-box-indent=1.5em] - Indent of each reply level.
 * @cssprop [--inkwell-comment-box-heading-size=1.35em] - Size of the heading.
 * @cssprop [--inkwell-heading-weight=700] - Weight of the heading.
 * @cssprop [--inkwell-heading-font-family=inherit] - Font of the heading.
 * @cssprop [--inkwell-color-accent] - Buttons, links and the focus ring; derived from the text colour by default.
 * @cssprop [--inkwell-control-radius=0.3em] - Corner radius of buttons and fields.
 * @cssprop [--inkwell-border-width=1px] - Width of the borders of buttons and fields.
 * @cssprop [--inkwell-button-background=transparent] - Background of buttons.
 * @cssprop [--inkwell-button-color=inherit] - Text colour of buttons.
 * @cssprop [--inkwell-button-font-weight=inherit] - Weight of buttons' text.
 * @cssprop [--inkwell-button-padding=0.35em 0.9em] - Padding of buttons.
 * @cssprop [--inkwell-button-primary-background] - Background of the Post button; a tint of the accent by default.
 * @cssprop [--inkwell-button-primary-color] - Text colour of the Post button; the accent by default.
 * @cssprop [--inkwell-input-background=transparent] - Background of fields.
 */
export class CommentBox extends LightElement {
  /** The Inkwell version this class belongs to. */
  static readonly version = VERSION;
  static override styles = [themeStyles, commentBoxStyles];

  /** Base URL of the Inkwell API, with or without `/v1`; else `<meta name="inkwell-api">`. */
  @property() api?: string;

  /** The signed-in reader's token (a JWT signed by the site); else `<meta name="inkwell-token">`. */
  @property() token?: string;

  /** The thread's id; without it, the page's canonical URL. */
  @property() thread = '';

  /** `oldest` (default) or `newest` first, or `top`: the most reactions first. */
  @property({ reflect: true }) sort: Sort = 'oldest';

  /** Top-level comments per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Deepest reply level shown indented; deeper replies say whom they answer. */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 3;

  /** Receive others' comments as they are posted. */
  @property({ type: Boolean }) live = false;

  /** Load at once instead of when the element comes near the viewport. */
  @property({ type: Boolean }) eager = false;

  /** Let signed-out readers comment with a name, and react (the server must allow guests, and guest reactions, too). */
  @property({ type: Boolean }) guests = false;

  /** Show a bar of reactions to the whole article (the thread) above the comments. */
  @property({ type: Boolean, reflect: true }) reactions = false;

  /**
   * Where "Sign In" leads, with `return`: this page's absolute URL, its hash pointing at this element when
   * it has an id. Without it, Sign In and Sign Up are buttons that only fire `login-requested`.
   */
  @property({ attribute: 'login-url' }) loginUrl = '';

  /** Where "Sign Up" leads, with `return` as for `login-url`; without it, Sign Up leads to `login-url`. */
  @property({ attribute: 'signup-url' }) signupUrl = '';

  /** Seconds during which readers may edit their comments (as the server allows). */
  @property({ type: Number, attribute: 'edit-window' }) editWindow = 900;

  /** The longest comment, in characters (as the server allows). */
  @property({ type: Number, attribute: 'max-length' }) maxLength = 10000;

  /** Forces a colour scheme and paints the element's own surface; without it the element takes its colours from the page around it. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The number of comments, when the page knows it: the heading says "Comments (N)" before the thread loads (and on the server). */
  @property({ type: Number }) count?: number;

  /** @internal */ @state() private replyTo?: string;
  /** @internal */ @state() private editing?: string;
  /** @internal */ @state() private confirming?: string;
  /** @internal */ @state() private highlighted?: string;
  /** @internal */ @state() private announcement = '';
  /** @internal The comment whose every reaction kind is shown. */
  @state() private reactionsOpen?: string;
  /** @internal Why a reaction was refused (or that signing in is needed), under the comment's reactions ('' the article's). */
  @state() private reactionNote?: { target: string; text: string; signIn: boolean };
  /** @internal */ @state() private renderLimit = FIRST_SLICE;
  /** @internal Why the forms' code could not be fetched: said where the forms go, with a retry. */
  @state() private writerFailed?: string;

  /** Loading, paging and the live stream; the thread's comments are its state. */
  private readonly threadControl: ThreadController = new ThreadController(this, {
    client: () => (this.base() ? this.client(CommentsApi) : undefined),
    query: () => ({
      sort: oneOf(this, 'sort', this.sort, SORTS, 'oldest'),
      limit: Math.min(100, Math.max(1, Math.floor(countAttribute(this, 'page-size', this.pageSize, 1) ?? 20))),
    }),
    inputs: () => this.loadInputs(),
    live: () => this.live,
    shown: () => {
      void this.updateComplete.then(() => retireIncluded(this));
      this.renderLimit = this.threadState.size > FIRST_SLICE ? FIRST_SCREENS : FIRST_SLICE;
      this.drawn = 0;
      this.stopWarming?.();
      // Another thread's drafts (the first thread's were restored when the forms arrived).
      if (this.writer && this.restoredFor !== this.threadId()) {
        this.restoredFor = this.threadId();
        this.writer.restore();
      }
      void this.revealLinkedComment();
    },
    incoming: (n) => this.announce(formatPlural(this.locale.lang, this.messages().newComments, n, { n })),
    failed: (error) => this.announce(this.explain(error)),
    restyle: () => this.look++,
  });
  private readonly threadState = this.threadControl.state;
  /** Bumped by every update but those that only draw more of a long thread: the comments' look may have changed. */
  private look = 0;
  /** How many comments the last update drew, and when it started: the pace of the next slice. */
  private drawn = 0;
  private updateStarted = 0;
  /** Stops what warmFormatters has left to do. */
  private stopWarming?: () => void;

  /** The thread's comments as DOM nodes, kept between updates; and the article's reaction bar. */
  private readonly drawing = new ThreadDrawing();
  private articleBar?: HTMLElement;

  private readonly shownAt = Date.now();
  private readonly brokenPictures = new Set<string>();
  /** The forms, once their code is here; the fetch of it while it is on its way; the thread whose drafts they hold. */
  private writer?: Writer;
  private writerLoading?: Promise<Writer | undefined>;
  private restoredFor?: string;
  /** The code that reads the page the site included is on its way (the page shows meanwhile, in the `included` slot). */
  private adopting?: boolean;
  /** Ctrl+Enter was pressed in this form before its code was here: it is sent when the code arrives. */
  private pendingSubmit?: string;
  /** Reactions on their way to the server, by target and kind: a second click waits for the first. */
  private readonly reacting = new Set<string>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  /** Where focus goes when what had it disappears: the heading, the start of the thread. */
  private readonly focusKeeper = new FocusKeeper(this, () => this.renderRoot!.querySelector<HTMLElement>('h2'));
  /** The stand-ins for the forms while their code loads, by form name: the same nodes from one draw to the next. */
  private readonly standIns = new Map<string, Element>();

  override connectedCallback(): void {
    super.connectedCallback();
    // One listener for the comments' buttons (the same function each time: added once).
    this.renderRoot!.addEventListener('click', this.onAction);
    if (this.threadControl.phase !== 'waiting' || this.adopting !== undefined) return;
    if (!this.base() || !markIncluded(this)) return this.watchThread();
    this.adopting = true;
    void this.adoptIncluded();
  }

  private watchThread(): void {
    const { lang, messages: m } = this.locale;
    this.stopWarming = warmFormatters(lang, m, () => new ThreadDrawing().draw(this.threadView(m, lang), placeThread([sample()], [], 0)));
    // The request starts now, not after the first render: the listing is on its way while the element draws.
    this.threadControl.watch(this.eager);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.writer?.stop();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.updateStarted = performance.now();
    if (changed.size !== 1 || !changed.has('renderLimit')) this.look++;
    if (changed.has('token') && changed.get('token') !== undefined) this.threadControl.refusal = undefined;
    // What Lit's controllers were told before each render, told here (a LightElement tells its controllers only of connections).
    this.threadControl.hostUpdate();
    this.focusKeeper.hostUpdate();
  }

  protected override updated(): void {
    this.focusKeeper.hostUpdated();
    // A reader who may write gets the forms' code from the first update on, not on the server (no retry on its own
    // after a failure: the reader asks).
    if (!this.writerLoading && !this.writerFailed && this.canWrite()) void this.loadWriter();
    if (this.threadControl.phase !== 'ready') return;
    const size = this.threadState.size;
    const drawn = Math.min(this.renderLimit, size);
    if (drawn < size) {
      // A long thread: its first screens are drawn at once, the rest a slice per task, each as large as the last
      // one's pace allows. The next slice waits for no frame: a frame that is due is drawn between two slices.
      const ms = performance.now() - this.updateStarted;
      const step = drawn > this.drawn ? Math.floor(((drawn - this.drawn) * SLICE_MS) / Math.max(ms, 1)) : 50;
      nextTask(() => (this.renderLimit = Math.max(this.renderLimit, drawn + Math.min(FIRST_SLICE, Math.max(10, step)))));
    }
    this.drawn = drawn;
  }

  // —— data ——

  /** The reader's token, unless the server refused it: the thread is then read signed out. */
  private currentToken(): string | undefined {
    return this.threadControl.refusal ? undefined : readerToken(this.token);
  }

  private base(): string | undefined {
    return apiBase(this, this.api);
  }

  private threadId(): string {
    if (this.thread) return this.thread;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const derived = (canonical || location.href).split('#')[0];
    console.info(`[inkwell] <comment-box> thread: none given; using the page's ${canonical ? 'canonical ' : ''}URL "${derived}"`);
    return (this.thread = derived);
  }

  private loadInputs(): string {
    return JSON.stringify([this.api, this.thread, this.sort, this.token]);
  }

  private client<A extends CommentsApi>(Api: ApiClass<A>): A {
    return new Api(this.base()!, this.threadId(), () => this.currentToken(), this.guests);
  }

  private newestFirst(): boolean {
    return oneOf(this, 'sort', this.sort, SORTS, 'oldest') === 'newest';
  }

  /**
   * Takes the page the site included (comments.html) as the first page, so it is not fetched and nothing
   * flashes: the markup stays shown while the code that reads it arrives. Markup that cannot be used, or that
   * code failing to arrive, has the thread fetched instead, with a warning (a failed fetch of it has Retry).
   */
  private async adoptIncluded(): Promise<void> {
    const included = await adoptCode.load(this).then(
      ({ usableIncludedPage }) => usableIncludedPage(this, this.threadId(), oneOf(this, 'sort', this.sort, SORTS, 'oldest')),
      (error: unknown) => void console.warn(`[inkwell] <${this.localName}> the included comments cannot be read (${String(error)}): fetching them`),
    );
    this.adopting = undefined;
    // Taken away meanwhile: the next connection starts again.
    if (!this.isConnected || this.threadControl.phase !== 'waiting') return;
    if (included) this.threadControl.adopt(included, Boolean(this.currentToken()));
    else this.watchThread();
    this.requestUpdate();
  }

  /** "Load more comments": the reader lands on the first comment that arrived, and hears how many did. */
  private async loadMore(): Promise<void> {
    const added = await this.threadControl.fetchMore();
    if (!added.length) return;
    this.renderLimit = Infinity;
    this.announce(formatPlural(this.locale.lang, this.messages().moreLoaded, added.length, { n: added.length }));
    this.focusAfter(added.map(at).join());
  }

  /** A link to #comment-<id> loads the page the comment is on, scrolls to it and highlights it. */
  private async revealLinkedComment(): Promise<void> {
    const id = /^#comment-(.+)$/.exec(location.hash)?.[1];
    if (!id) return;
    if (!(await this.threadControl.fetchUntil(id))) return;
    this.highlighted = id;
    this.renderLimit = Infinity;
    await this.updateComplete;
    const target = this.renderRoot!.querySelector<HTMLElement>(`#comment-${CSS.escape(id)}`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }

  private showIncoming(): void {
    const arrived = this.threadState.showIncoming(this.newestFirst());
    this.renderLimit = Infinity;
    // The button goes away; the reader lands on the first comment it revealed.
    this.focusAfter(arrived.map(at).join());
  }

  /**
   * Focuses, once drawn, the first element the first of `selectors` that finds any matches (a selector list
   * finds whichever comes first in the thread).
   */
  private focusAfter(...selectors: string[]): void {
    this.focusKeeper.next(() => selectors.map((selector) => this.renderRoot!.querySelector<HTMLElement>(selector)).find(Boolean));
  }

  /** The comments' buttons, handled by one listener for the whole thread. */
  private readonly onAction = (event: Event): void => {
    const kind = reactionHit(event);
    if (kind) {
      // The article's bar is outside every comment.
      const target = (event.target as Element).closest('article')?.id.slice('comment-'.length) ?? '';
      if (kind === 'more') this.reactionsOpen = this.reactionsOpen === target ? undefined : target;
      else void this.react(target, kind);
      return;
    }
    const hit = actionOf(event);
    const comment = hit && this.threadState.find(hit.id);
    if (!hit || !comment) return;
    switch (hit.action) {
      case 'reply':
        return this.toggleReply(comment.id);
      case 'delete':
        return this.confirmDelete(comment.id);
      case 'keep':
        return this.confirmDelete(undefined, comment.id);
      default:
        // Editing, deleting and the moderators' actions are the forms' code's.
        return this.withWriter((writer) => writer.run(hit.action, comment));
    }
  };

  // —— forms, fetched on demand ——

  /** Fetches the forms' code (once; again after a failure); a failure is said where the forms go, with a retry. */
  private loadWriter(): Promise<Writer | undefined> {
    if (!this.writerLoading) {
      this.writerFailed = undefined;
      this.writerLoading = formsCode.load(this).then(
        ({ Writer }) => this.arrived(new Writer(this.writerHooks())),
        (error: unknown) => {
          this.writerLoading = undefined;
          this.announce((this.writerFailed = this.explain(error)));
          return undefined;
        },
      );
    }
    return this.writerLoading;
  }

  /** Runs `action` with the forms' code, fetched first if need be (a moderator's button pressed while it loads). */
  private withWriter(action: (writer: Writer) => unknown): void {
    if (this.writer) void action(this.writer);
    else void this.loadWriter().then((writer) => writer && action(writer));
  }

  /** The forms' code is here: it takes over the stand-ins (their text, focus and caret, a pending Ctrl+Enter). */
  private arrived(writer: Writer): Writer {
    this.writer = writer;
    this.restoredFor = this.threadId();
    writer.takeOver(this.pendingSubmit);
    this.pendingSubmit = undefined;
    this.requestUpdate();
    return writer;
  }

  /** What the forms ask of the element. */
  private writerHooks(): WriterHooks {
    return {
      element: this,
      state: this.threadState,
      since: this.shownAt,
      locale: () => this.locale,
      token: () => this.currentToken(),
      guests: () => this.guests,
      threadId: () => this.threadId(),
      client: (Api) => this.client(Api),
      max: () => countAttribute(this, 'max-length', this.maxLength, 1) ?? 10000,
      auth: (action, label) => draw(this.authLink(action, label)),
      newestFirst: () => this.newestFirst(),
      update: () => this.requestUpdate(),
      focus: (...selectors) => this.focusAfter(...selectors),
      keeper: this.focusKeeper,
      announce: (text) => this.announce(text),
      describe: (error) => this.explain(error),
      open: (which, id) => (this[which] = id),
      added: () => (this.renderLimit = Infinity),
      close: (key) => this.closeForm(key),
    };
  }

  /**
   * A form, or the sign-in prompt for a reader who may not write. Before the forms' code is here, a stand-in:
   * its field takes the reader's text at once and it says the form is loading, or that it failed, with a retry.
   */
  private composer(key: FormKey, editing?: Comment, replyName?: string): Element | ViewElement | undefined {
    const { lang, messages: m } = this.locale;
    if (!this.canWrite()) {
      if (key.kind !== 'new') return undefined;
      const { refusal } = this.threadControl;
      return h('p', { class: 'prompt' }, refusal ? refusalText(refusal, m) : m.loginRequired, ' ', this.authLink('sign-in', m.signIn), ' / ', this.authLink('sign-up', m.signUp));
    }
    if (this.writer) return this.writer.draw(key, editing, replyName);
    if (editing) return undefined;
    const name = formName(key);
    const failed = this.writerFailed;
    const keydown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.pendingSubmit = name;
      } else if (event.key === 'Escape' && key.kind !== 'new') {
        event.preventDefault();
        this.closeForm(key);
      }
    };
    const retry = () => {
      void this.loadWriter();
      this.focusAfter(`#f-${CSS.escape(name)}`);
    };
    const standIn = h(
      'form',
      { part: 'form', 'aria-busy': failed ? 'false' : 'true', onsubmit: (event: Event) => event.preventDefault() },
      h('label', { for: `f-${name}` }, replyName ? fill(lang, m.replyTo, { name: replyName }) : m.yourComment),
      h('textarea', { part: 'input', id: `f-${name}`, name: 'body', dir: 'auto', rows: 3, 'data-form': name, 'aria-describedby': `f-${name}-note`, onkeydown: keydown }),
      h(
        'div',
        { class: 'row' },
        h('span', { class: failed ? 'note error' : 'note', id: `f-${name}-note`, role: failed && 'alert' }, failed ?? m.formLoading),
        // Until there is a retry to offer, the button is kept out of sight: the row is as tall as the real form's, whose buttons take its place.
        h('button', failed ? { part: 'action', type: 'button', onclick: retry } : { part: 'action', type: 'button', class: 'strut' }, m.retry),
      ),
    );
    // Drawn over the last one: the field the reader types into stays the same node.
    const drawn = draw(standIn, this.standIns.get(name));
    this.standIns.set(name, drawn);
    return drawn;
  }

  /**
   * Toggles the reader's reaction at once, then tells the server; if it refuses, the count goes back and
   * the reason shows under the reactions. Signed-out readers (without `guests`) are asked to sign in.
   */
  private async react(target: string, kind: ReactionKind): Promise<void> {
    if (!this.canWrite()) {
      this.reactionNote = { target, text: this.messages().loginToReact, signIn: true };
      return;
    }
    const key = `${target} ${kind}`;
    if (this.reacting.has(key)) return;
    const thread = this.threadState;
    const on = !thread.reactionsOf(target)?.mine?.includes(kind);
    this.reactionNote = undefined;
    this.reacting.add(key);
    thread.setReactions(target, toggled(thread.reactionsOf(target), kind, on));
    try {
      thread.setReactions(target, await this.client(CommentsApi).react(target, kind, on));
    } catch (error) {
      // Undone from what is shown now: live counts may have arrived meanwhile.
      thread.setReactions(target, toggled(thread.reactionsOf(target), kind, !on));
      this.reactionNote = { target, text: this.explain(error), signIn: error instanceof ApiError && error.status === 401 };
    } finally {
      this.reacting.delete(key);
    }
  }

  /** What a comment's reaction bar shows besides its counts, or the article's (`target` empty). */
  private reactionBar(target: string): ReactionBar {
    const m = this.messages();
    const note = this.reactionNote?.target === target ? this.reactionNote : undefined;
    return {
      m,
      lang: this.locale.lang,
      all: !target || this.reactionsOpen === target,
      toggle: Boolean(target),
      label: target ? m.reactions : m.articleReactions,
      note: note && (note.signIn ? [note.text, ' ', this.authLink('sign-in', m.signIn)] : [note.text]),
    };
  }

  private explain(error: unknown): string {
    const { lang, messages: m } = this.locale;
    if (error instanceof ApiError && error.status === 401) return refusalText(refused(this, error), m);
    if (error instanceof ApiError && error.code === 'banned') return m.banned;
    return describeFailure(error, lang, m.tooManyAttempts);
  }

  /** Says `text` once through the polite live region, then clears it so no stale message stays behind. */
  private announce(text: string): void {
    // Cleared first so the same words are announced again.
    this.announcement = '';
    clearTimeout(this.announceTimer);
    requestAnimationFrame(() => {
      this.announcement = text;
      this.announceTimer = setTimeout(() => (this.announcement = ''), ANNOUNCE_MS);
    });
  }

  private messages(): Messages {
    return this.locale.messages;
  }

  /** Where the reader comes back to after signing in: this page, at the comment box when it has an id. */
  private returnUrl(): string {
    const here = new URL(location.href);
    if (this.id) here.hash = this.id;
    return here.href;
  }

  /**
   * Sign In or Sign Up: a link to the site's page, carrying `return`; without one (or with an unsafe one),
   * a button. Both fire `login-requested` first; when the site leaves it alone and there is nowhere to go,
   * the console says what to set.
   */
  private authLink(action: 'sign-in' | 'sign-up', label: string): ViewElement {
    const attribute = action === 'sign-up' && this.signupUrl ? 'signup-url' : 'login-url';
    const safe = safeUrl(attribute === 'signup-url' ? this.signupUrl : this.loginUrl, this, attribute);
    const returnUrl = this.returnUrl();
    const onClick = (event: Event) => {
      if (!this.dispatchEvent(new LoginRequestedEvent(action, returnUrl))) event.preventDefault();
      else if (!safe) {
        warnAttribute(
          this,
          'login-url',
          `"${label}" leads nowhere: set login-url (and signup-url), or cancel login-requested to open your own sign-in`,
        );
      }
    };
    if (!safe) return h('button', { type: 'button', class: 'link', onclick: onClick }, label);
    const target = new URL(safe, document.baseURI);
    target.searchParams.set('return', returnUrl);
    return h('a', { href: target.href, onclick: onClick }, label);
  }


  // —— rendering ——

  protected override render(): Children {
    const { lang, messages: m } = this.locale;
    const total = this.threadState.total;
    // The server renders the heading and the light-DOM children.
    const phase = this.serverView ? 'waiting' : this.threadControl.phase;
    const waiting = phase === 'waiting' || phase === 'loading';
    const body = this.serverView ? h('slot') : this.renderBody(m, lang);
    const sortOption = (value: Sort, label: string, selected: boolean) => h('option', { value, selected }, label);
    // A thread's first page the site included (comments.html, whose wrapper has slot="included") brings its own
    // heading: until the thread is shown, it takes the place of the heading and of what shows while loading, also
    // in a server's drawing and without JavaScript. The live region comes right after, where nothing before it
    // comes and goes: always the same node, as is the heading.
    return h(
      'section',
      { 'aria-labelledby': 'heading', 'aria-busy': phase === 'loading' ? 'true' : 'false' },
      h(
        'slot',
        { name: 'included' },
        h(
          'div',
          { class: 'bar' },
          h('h2', { id: 'heading', part: 'heading', tabindex: '-1' }, headingText(m, lang, phase === 'ready' ? total : countAttribute(this, 'count', this.count, 0))),
          (phase === 'ready' || phase === 'loading') &&
            total > 1 &&
            h(
              'label',
              { class: 'status' },
              m.sortBy,
              ' ',
              h(
                'select',
                { onchange: (event: Event) => (this.sort = (event.target as HTMLSelectElement).value as Sort) },
                sortOption('oldest', m.sortOldest, this.sort !== 'newest' && this.sort !== 'top'),
                sortOption('newest', m.sortNewest, this.sort === 'newest'),
                sortOption('top', m.sortTop, this.sort === 'top'),
              ),
            ),
          ),
        waiting && body,
      ),
      h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }, this.announcement),
      this.reactions && phase === 'ready' && (this.articleBar = drawReactionBar(this.reactionBar(''), this.threadState.reactions, this.articleBar)),
      !waiting && body,
    );
  }

  private renderBody(m: Messages, lang: string): Children {
    switch (this.threadControl.phase) {
      case 'waiting':
      case 'loading':
        // What the page put inside the element stays in view while the thread loads.
        return h('slot', {}, h('p', { class: 'status' }, m.loadingComments));
      case 'failed':
        return [
          h('p', { class: 'status', role: 'alert' }, m.loadFailed),
          this.base() && h('button', { part: 'action', type: 'button', onclick: () => this.threadControl.load() }, m.retry),
        ];
    }
    const thread = this.threadState;
    const placed = thread.placed(Math.max(0, countAttribute(this, 'max-depth', this.maxDepth, 0) ?? 3));
    const incoming = thread.incoming.length;
    return [
      incoming > 0 &&
        h('button', { part: 'action primary-action', type: 'button', class: 'primary', onclick: () => this.showIncoming() }, formatPlural(lang, m.newComments, incoming, { n: incoming })),
      placed.length ? this.drawing.draw(this.threadView(m, lang), placed.slice(0, this.renderLimit)) : h('p', { class: 'empty' }, m.noComments),
      thread.nextCursor && h('button', { part: 'action', type: 'button', 'aria-disabled': thread.loadingMore ? 'true' : 'false', onclick: () => this.loadMore() }, m.loadMore),
      this.composer(NEW_COMMENT),
    ];
  }

  private threadView(m: Messages, lang: string): ThreadView {
    return {
      m,
      lang,
      reader: readerFromToken(this.currentToken()),
      canReply: this.canWrite(),
      editWindowMs: (this.editWindow || 0) * 1000,
      replyTo: this.replyTo,
      editing: this.editing,
      confirming: this.confirming,
      highlighted: this.highlighted,
      look: this.look,
      picture: ({ author: { picture } }) => {
        const src = safeUrl(picture, this, 'author.picture');
        return src && !this.brokenPictures.has(src) ? src : undefined;
      },
      pictureError: this.pictureFailed,
      bar: (comment) => this.reactionBar(comment.id),
      editor: (comment) => this.composer({ kind: 'edit', id: comment.id }, comment) as Element | undefined,
      replyForm: (comment) => this.composer({ kind: 'reply', id: comment.id }, undefined, comment.author.name) as Element | undefined,
    };
  }

  /** One handler for every comment's picture. */
  private readonly pictureFailed = (event: Event) => {
    this.brokenPictures.add((event.target as Element).getAttribute('src')!);
    this.look++;
    this.requestUpdate();
  };

  /** Asks whether to delete comment `id` (focus on the question's safe answer), or drops the question (focus back on Delete). */
  private confirmDelete(id: string | undefined, was?: string): void {
    this.confirming = id;
    if (id) this.focusAfter(`${at({ id })} [data-action=keep]`);
    else if (was) this.focusAfter(`${at({ id: was })} [data-action=delete]`);
  }

  private canWrite(): boolean {
    return Boolean(this.currentToken()) || this.guests;
  }

  private toggleReply(id: string): void {
    this.replyTo = this.replyTo === id ? undefined : id;
    if (this.replyTo) this.focusField({ kind: 'reply', id });
  }

  private focusField(key: FormKey): void {
    this.focusAfter(`#f-${CSS.escape(formName(key))}`);
  }

  /** Closes a reply or edit form; focus goes back to the button that opened it. The draft is kept. */
  private closeForm(key: FormKey): void {
    if (key.kind === 'new') return;
    const comment = at(key);
    if (key.kind === 'edit') this.editing = undefined;
    else this.replyTo = undefined;
    // The comment itself when its button is gone (the edit window closed meanwhile).
    this.focusAfter(`${comment} [data-action=${key.kind}]`, comment);
  }
}

/** A comment with a bit of each common kind of body, drawn out of sight before the thread arrives (see warmFormatters). */
function sample(): Comment {
  return { id: 'x', author: { name: 'A B' }, body: 'a **b** `c` [d](https://x.example)\n\n> e', createdAt: new Date().toISOString(), status: 'published' } as Comment;
}

/**
 * The page the site included, once the element shows the thread itself: hidden, and out of the `included` slot so
 * that the element's heading shows.
 */
function retireIncluded(host: HTMLElement): void {
  for (const fragment of host.querySelectorAll<HTMLElement>(':scope>[data-inkwell-comments]')) {
    fragment.hidden = true;
    fragment.removeAttribute('slot');
  }
}

/** The selector of a comment's article. */
function at(comment: { id: string }): string {
  return `#comment-${CSS.escape(comment.id)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-box': CommentBox;
  }
}

