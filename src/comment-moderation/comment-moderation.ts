import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { themeStyles } from '../core/theme.js';
import { fill, formatPlural } from '../core/i18n.js';
import { LocalizedElement } from '../core/localized-element.js';
import { apiBase, readerToken } from '../core/endpoint.js';
import { describeFailure } from '../core/failure.js';
import { safeUrl } from '../core/url.js';
import { oneOf } from '../core/validate.js';
import { warnAttribute } from '../core/warn.js';
import { deepActiveElement } from '../core/focus.js';
import './strings.js';
import { ModerationApi } from './api.js';
import { actionsFor, Inbox, keyOf, type Effect } from './inbox.js';
import { InboxStream } from './stream.js';
import { ItemModeratedEvent } from './events.js';
import { actionLabel, filtersView, itemView, shortcutRows, type ViewContext } from './views.js';
import { commentModerationStyles } from './comment-moderation.styles.js';
import type { Action, Filters, Item, Show, StatusFilter } from './types.js';

const SHOWS: readonly Show[] = ['all', 'comments', 'reports'];
const STATUSES: readonly StatusFilter[] = ['held', 'approved', 'rejected', 'spam', 'hidden'];
const SORTS = ['newest', 'oldest'] as const;
/** How long a deletion waits for Undo before it is sent: the server erases the text for good. */
const DELETE_DELAY_MS = 8000;
/** Live arrivals close together are listed with one request. */
const ARRIVAL_SETTLE_MS = 400;
const SHORTCUT_ACTIONS: Record<string, Action> = { a: 'approve', r: 'reject', s: 'spam' };

function isEditable(target: EventTarget | undefined): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The moderators' inbox for a site's back office: comments held for approval and typo reports, newest or
 * oldest first, filtered by status, thread and reader, each in its context (the thread, the comment it
 * answers; for a typo, the passage with the selection marked and a link that opens it on the page). A
 * moderator approves, rejects, marks as spam, deletes or restores one item or a selection, bans a reader
 * (optionally hiding their comments) and pins a comment; each decision shows at once and can be undone.
 * New items arrive live. It needs a moderator's token (`token`, else `<meta name="inkwell-token">`);
 * without one, or with a reader's, it says so.
 *
 * Keyboard, outside fields: `j`/`k` next and previous item, `x` select it, `a` approve, `r` reject,
 * `s` spam (the selection, else the current item), `u` undo, `?` the list of shortcuts.
 *
 * @tagname comment-moderation
 * @summary A moderator's inbox: held comments and typo reports, decided quickly, with undo.
 *
 * @fires {ItemModeratedEvent} item-moderated - The server stored a decision (`detail.kind`, `detail.id`, `detail.action`) or its undoing (`detail.undone`).
 *
 * @csspart filters - The filters form.
 * @csspart toolbar - The bar of bulk actions for the selected items.
 * @csspart list - The list of items.
 * @csspart item - One comment or typo report.
 * @csspart current-item - The item the keyboard is on (also an `item`).
 * @csspart status - An item's status.
 * @csspart context - The replied-to comment, or the typo's passage.
 * @csspart selection - The reported passage's selection, marked.
 * @csspart link - Links to threads, pages and passages.
 * @csspart action - Every button of an action.
 * @csspart notice - The last decision's announcement, with Undo.
 * @csspart state - The message of an empty, loading, failed, signed-out or refused inbox.
 * @csspart dialog - The keyboard help and the ban dialogs.
 *
 * @cssprop [--inkwell-comment-moderation-gap=0.75em] - Space between items.
 * @cssprop [--inkwell-comment-moderation-current=var(--inkwell-color-accent)] - The mark beside the current item.
 * @cssprop [--inkwell-color-accent] - Focus ring and the current item's mark.
 * @cssprop [--inkwell-color-surface] - The dialogs' background.
 * @cssprop [--inkwell-control-radius=0.3em] - Corner radius of buttons and fields.
 * @cssprop [--inkwell-border-width=1px] - Width of the borders of buttons, fields and items.
 */
export class CommentModeration extends LocalizedElement {
  /** The Inkwell version this class belongs to. */
  static readonly version = VERSION;
  static override styles = [themeStyles, commentModerationStyles];

  /** Base URL of the Inkwell API, with or without `/v1`; else `<meta name="inkwell-api">`. */
  @property() api?: string;

  /** The moderator's token; else `<meta name="inkwell-token">`. */
  @property() token?: string;

  /** Where the "Sign In" link leads (with `return`, this page); without it, the signed-out state has no link. */
  @property({ attribute: 'login-url' }) loginUrl = '';

  /** What the inbox lists at first: `all`, `comments` or `reports` (typo reports). */
  @property() show: 'all' | 'comments' | 'reports' = 'all';

  /** The status listed at first: `held` (awaiting a decision), `approved`, `rejected`, `spam` or `hidden` (hidden with a ban). */
  @property() status: 'held' | 'approved' | 'rejected' | 'spam' | 'hidden' = 'held';

  /** The order at first: `newest` or `oldest` first. */
  @property() sort: 'newest' | 'oldest' = 'newest';

  /** Only this thread's comments (and, when it is a page URL, that page's typo reports). */
  @property() thread = '';

  /** Only this reader's comments (their `author.id`). */
  @property() reader = '';

  /** Turns off the live arrival of new items (they come with the next load). */
  @property({ type: Boolean, attribute: 'no-live' }) noLive = false;

  /** Forces a colour scheme and paints the element's own surface; without it the element takes its colours from the page around it. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** @internal */
  @state() private filters: Filters = { show: 'all', status: 'held', sort: 'newest', thread: '', reader: '' };
  /** @internal */
  @state() private current?: string;
  /** @internal */
  @state() private announcement = '';
  /** @internal */
  @state() private banning?: Item;

  /** @internal */
  @query('dialog.help') private helpDialog?: HTMLDialogElement;
  /** @internal */
  @query('dialog.ban') private banDialog?: HTMLDialogElement;

  private client?: ModerationApi;
  private readonly inbox = new Inbox(this, () => this.client);
  private stream?: InboxStream;
  private arrivalTimer?: ReturnType<typeof setTimeout>;
  private readonly pendingDeletes = new Map<string, Item>();
  private deleteTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKey);
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKey);
    this.stream?.stop();
    this.stream = undefined;
    clearTimeout(this.arrivalTimer);
    this.sendDeletes();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['api', 'token', 'show', 'status', 'sort', 'thread', 'reader', 'noLive'] as const;
    if (this.serverView || !inputs.some((name) => changed.has(name))) return;
    this.filters = {
      show: oneOf(this, 'show', this.show, SHOWS, 'all'),
      status: oneOf(this, 'status', this.status, STATUSES, 'held'),
      sort: oneOf(this, 'sort', this.sort, SORTS, 'newest'),
      thread: this.thread?.trim() ?? '',
      reader: this.reader?.trim() ?? '',
    };
    this.start();
  }

  /** Lists the inbox for the current filters and opens the live stream. */
  private start(): void {
    const base = apiBase(this, this.api);
    const token = readerToken(this.token);
    this.stream?.stop();
    this.stream = undefined;
    if (!base) {
      warnAttribute(this, 'api', 'no API to moderate: set api, or <meta name="inkwell-api">');
      this.client = undefined;
      this.inbox.phase = 'error';
      this.inbox.error = undefined;
      this.requestUpdate();
      return;
    }
    this.client = new ModerationApi(base, () => readerToken(this.token));
    if (!token) {
      this.inbox.phase = 'signed-out';
      this.requestUpdate();
      return;
    }
    void this.inbox.load(this.filters).then(() => this.afterLoad());
  }

  private afterLoad(): void {
    if (this.inbox.phase !== 'ready' || !this.isConnected) return;
    this.current = this.inbox.items[0] ? keyOf(this.inbox.items[0]) : undefined;
    if (this.noLive || this.stream || !this.client) return;
    this.stream = new InboxStream(this.client.eventsUrl(), () => readerToken(this.token), () => this.arrived(), () => this.stream?.stop());
    this.stream.start();
  }

  /** A live arrival: the first pages again after a short pause, new items added and announced. */
  private arrived(): void {
    clearTimeout(this.arrivalTimer);
    this.arrivalTimer = setTimeout(async () => {
      try {
        const count = await this.inbox.refresh();
        if (count) this.announce(formatPlural(this.locale.lang, this.locale.messages.modNew, count, { n: count }));
        this.current ??= this.inbox.items[0] && keyOf(this.inbox.items[0]);
      } catch {
        // The next arrival or load lists them.
      }
    }, ARRIVAL_SETTLE_MS);
  }

  private announce(text: string): void {
    // The same words twice in a row (two approvals) must be heard twice: the region changes in between.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // —— decisions ——

  /** The selected items, else the current one. */
  private targets(): Item[] {
    const selected = this.inbox.items.filter((item) => this.inbox.selected.has(keyOf(item)));
    if (selected.length) return selected;
    const current = this.inbox.items.find((item) => keyOf(item) === this.current);
    return current ? [current] : [];
  }

  private effect(item: Item, action: Action): Effect {
    const api = this.client!;
    if (action === 'delete') {
      return {
        run: async () => {
          this.pendingDeletes.set(keyOf(item), item);
          clearTimeout(this.deleteTimer);
          this.deleteTimer = setTimeout(() => this.sendDeletes(), DELETE_DELAY_MS);
        },
        undo: async () => {
          this.pendingDeletes.delete(keyOf(item));
        },
        leaves: true,
      };
    }
    if ((action === 'pin' || action === 'unpin') && item.kind === 'comment') {
      const on = action === 'pin';
      const flip = async (to: boolean) => {
        const before = this.inbox.items.find((i) => i.id === item.id && i.kind === 'comment');
        const after: Item = { ...item, comment: { ...item.comment, pinned: to || undefined } };
        if (before) this.inbox.replace(before, after);
        try {
          await api.pin(item.id, to);
        } catch (error) {
          if (before) this.inbox.replace(after, before);
          throw error;
        }
      };
      return { run: () => flip(on), undo: () => flip(!on), leaves: false };
    }
    return this.inbox.statusEffect(item, action as 'approve' | 'reject' | 'spam' | 'restore');
  }

  /** Sends the deletions that waited for Undo; one that fails comes back to the list, with the reason. */
  private sendDeletes(): void {
    clearTimeout(this.deleteTimer);
    const items = [...this.pendingDeletes.values()];
    this.pendingDeletes.clear();
    if (!items.length || !this.client) return;
    if (this.inbox.undoable?.action === 'delete') this.inbox.undoable = undefined;
    const api = this.client;
    for (const item of items) {
      api.deleteComment(item.id).then(
        () => this.dispatchEvent(new ItemModeratedEvent({ kind: item.kind, id: item.id, action: 'delete', undone: false })),
        (error: unknown) => {
          if (!this.isConnected) return;
          this.inbox.items = [item, ...this.inbox.items];
          this.inbox.total++;
          this.announce(fill(this.locale.lang, this.locale.messages.modFailed, { message: describeFailure(error, this.locale.lang, this.locale.messages.errorRateLimited) }));
          this.requestUpdate();
        },
      );
    }
    this.requestUpdate();
  }

  private async act(items: Item[], action: Action): Promise<void> {
    const applicable = items.filter((item) => actionsFor(item).includes(action));
    if (!applicable.length || !this.client) return;
    if (action === 'ban') {
      this.openBan(applicable[0]!);
      return;
    }
    if (action !== 'delete') this.sendDeletes();
    const hadFocus = this.focusInList();
    const index = Math.max(0, this.inbox.items.findIndex((item) => keyOf(item) === this.current));
    const { lang, messages: m } = this.locale;
    const pending = this.inbox.act(applicable, action, (item) => this.effect(item, action));
    this.keepCurrent(index, hadFocus);
    const { done, error } = await pending;
    if (error) {
      this.announce(fill(lang, m.modFailed, { message: describeFailure(error, lang, m.errorRateLimited) }));
      this.keepCurrent(index, hadFocus);
    } else {
      this.announce(formatPlural(lang, m.modDone, done.length, { n: done.length, action: actionLabel(m, action, applicable[0]!.kind) }));
    }
    if (action !== 'delete') {
      for (const item of done) this.dispatchEvent(new ItemModeratedEvent({ kind: item.kind, id: item.id, action, undone: false }));
    }
  }

  private async undo(): Promise<void> {
    const { lang, messages: m } = this.locale;
    try {
      const undone = await this.inbox.undo();
      if (!undone) return;
      this.announce(m.modUndone);
      if (undone.items[0]) this.current = keyOf(undone.items[0]);
      if (undone.action !== 'delete') {
        for (const item of undone.items) this.dispatchEvent(new ItemModeratedEvent({ kind: item.kind, id: item.id, action: undone.action, undone: true }));
      }
    } catch (error) {
      this.announce(fill(lang, m.modFailed, { message: describeFailure(error, lang, m.errorRateLimited) }));
    }
  }

  private openBan(item: Item): void {
    this.banning = item;
    void this.updateComplete.then(() => this.banDialog?.showModal());
  }

  private async confirmBan(event: Event): Promise<void> {
    event.preventDefault();
    const item = this.banning;
    const form = event.currentTarget as HTMLFormElement;
    const hide = (form.elements.namedItem('hide') as HTMLInputElement).checked;
    this.banDialog?.close();
    this.banning = undefined;
    if (item?.kind !== 'comment' || !this.client) return;
    const api = this.client;
    const readerId = item.comment.author.id;
    const { lang, messages: m } = this.locale;
    const { done, error } = await this.inbox.act([item], 'ban', () => ({
      run: () => api.ban(readerId, hide).then(() => undefined),
      undo: () => api.unban(readerId),
      leaves: false,
    }));
    if (error) this.announce(fill(lang, m.modFailed, { message: describeFailure(error, lang, m.errorRateLimited) }));
    else this.announce(formatPlural(lang, m.modDone, 1, { n: 1, action: m.modBan }));
    if (done.length) this.dispatchEvent(new ItemModeratedEvent({ kind: 'comment', id: item.id, action: 'ban', undone: false }));
  }

  // —— keyboard and focus ——

  private focusInList(): boolean {
    const active = deepActiveElement();
    return !!active && !!this.shadowRoot?.querySelector('ul.items')?.contains(active);
  }

  /** After items left, the keyboard stays at the same place in the list. */
  private keepCurrent(index: number, focus: boolean): void {
    const items = this.inbox.items;
    const next = items[Math.min(index, items.length - 1)];
    this.current = next ? keyOf(next) : undefined;
    if (focus) void this.updateComplete.then(() => this.focusCurrent());
  }

  private focusCurrent(): void {
    const li = [...(this.shadowRoot?.querySelectorAll<HTMLElement>('li.item') ?? [])].find((el) => el.dataset.key === this.current);
    (li ?? this.shadowRoot?.querySelector<HTMLElement>('.state'))?.focus();
  }

  private move(by: number): void {
    const items = this.inbox.items;
    if (!items.length) return;
    const at = items.findIndex((item) => keyOf(item) === this.current);
    const next = items[Math.max(0, Math.min(items.length - 1, at < 0 ? 0 : at + by))]!;
    this.current = keyOf(next);
    void this.updateComplete.then(() => this.focusCurrent());
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditable(event.composedPath()[0]) || this.shadowRoot?.querySelector('dialog[open]')) return;
    if (this.inbox.phase !== 'ready') return;
    const key = event.key;
    if (key === '?') this.helpDialog?.showModal();
    else if (key === 'j') this.move(1);
    else if (key === 'k') this.move(-1);
    else if (key === 'u') void this.undo();
    else if (key === 'x') {
      const current = this.current;
      if (!current) return;
      if (this.inbox.selected.has(current)) this.inbox.selected.delete(current);
      else this.inbox.selected.add(current);
      this.requestUpdate();
    } else if (SHORTCUT_ACTIONS[key]) void this.act(this.targets(), SHORTCUT_ACTIONS[key]);
    else return;
    event.preventDefault();
  };

  // —— rendering ——

  private applyFilters(next: Filters): void {
    // The filters become the element's inputs; willUpdate lists again.
    this.show = next.show;
    this.status = next.status;
    this.sort = next.sort;
    this.thread = next.thread;
    this.reader = next.reader;
  }

  /** A link to the site's sign-in page, carrying `return`; nothing without a (safe) `login-url`. */
  private signIn() {
    const safe = safeUrl(this.loginUrl, this, 'login-url');
    if (!safe) return nothing;
    const target = new URL(safe, document.baseURI);
    target.searchParams.set('return', location.href);
    return html`<a href=${target.href} part="link">${this.locale.messages.signIn}</a>`;
  }

  private stateView() {
    const { lang, messages: m } = this.locale;
    const inbox = this.inbox;
    const message = (text: string, extra: unknown = nothing) => html`<div class="state" part="state" tabindex="-1"><p>${text}</p>${extra}</div>`;
    switch (inbox.phase) {
      case 'signed-out':
        return message(m.modSignIn, this.signIn());
      case 'expired':
        return message(m.modSessionExpired, this.signIn());
      case 'forbidden':
        return message(m.modNotModerator);
      case 'loading':
        return message(m.modLoading);
      case 'error':
        return message(
          fill(lang, m.modLoadFailed, { message: inbox.error ? describeFailure(inbox.error, lang, m.errorRateLimited) : 'api' }),
          this.client ? html`<button type="button" part="action" @click=${() => this.start()}>${m.retry}</button>` : nothing,
        );
      default:
        return inbox.items.length ? undefined : message(m.modEmpty);
    }
  }

  private toolbar() {
    const { lang, messages: m } = this.locale;
    const items = this.inbox.items;
    const count = items.filter((item) => this.inbox.selected.has(keyOf(item))).length;
    const all = count > 0 && count === items.length;
    const bulk: Action[] = ['approve', 'reject', 'spam', 'restore', 'delete'];
    return html`<div class="toolbar" part="toolbar">
      <label
        ><input
          type="checkbox"
          .checked=${all}
          .indeterminate=${count > 0 && !all}
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            for (const item of items) {
              if (on) this.inbox.selected.add(keyOf(item));
              else this.inbox.selected.delete(keyOf(item));
            }
            this.requestUpdate();
          }}
        />
        ${m.modSelectAll}</label
      >
      <span class="count">${count ? formatPlural(lang, m.modSelected, count, { n: count }) : formatPlural(lang, m.modTotal, this.inbox.total, { n: this.inbox.total })}</span>
      ${count
        ? bulk.map(
            (action) => html`<button
              type="button"
              part="action"
              ?disabled=${!items.some((item) => this.inbox.selected.has(keyOf(item)) && actionsFor(item).includes(action))}
              @click=${() => void this.act(this.targets(), action)}
            >
              ${actionLabel(m, action)}
            </button>`,
          )
        : nothing}
    </div>`;
  }

  private dialogs() {
    const { lang, messages: m } = this.locale;
    const name = this.banning?.kind === 'comment' ? this.banning.comment.author.name : '';
    return html`
      <dialog class="help" part="dialog" aria-labelledby="help-title">
        <h2 id="help-title">${m.modShortcuts}</h2>
        <dl>${shortcutRows(m).map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}</dl>
        <form method="dialog"><button part="action">${m.close}</button></form>
      </dialog>
      <dialog class="ban" part="dialog" aria-labelledby="ban-title" @close=${() => (this.banning = undefined)}>
        <form @submit=${(e: Event) => void this.confirmBan(e)}>
          <h2 id="ban-title">${fill(lang, m.modBanTitle, { name: '\u2068' + name + '\u2069' })}</h2>
          <label><input type="checkbox" name="hide" /> ${m.modBanHide}</label>
          <p class="actions">
            <button type="button" part="action" @click=${() => this.banDialog?.close()}>${m.cancel}</button>
            <button type="submit" part="action" class="primary">${m.modBanConfirm}</button>
          </p>
        </form>
      </dialog>
    `;
  }

  protected override render() {
    const { lang, messages: m } = this.locale;
    if (this.serverView) return html`<div class="state" part="state"><p>${m.modLoading}</p></div>`;
    const inbox = this.inbox;
    const ctx: ViewContext = {
      m,
      lang,
      selected: inbox.selected,
      current: this.current,
      parents: inbox.parents,
      onAct: (item, action) => void this.act(inbox.selected.has(keyOf(item)) ? this.targets() : [item], action),
      onSelect: (item, on) => {
        if (on) inbox.selected.add(keyOf(item));
        else inbox.selected.delete(keyOf(item));
        this.requestUpdate();
      },
      onFocusItem: (item) => (this.current = keyOf(item)),
    };
    const usable = inbox.phase === 'ready' || inbox.phase === 'loading' || inbox.phase === 'error';
    const state = this.stateView();
    return html`
      <section class="inbox" aria-label=${m.modTitle} aria-busy=${inbox.phase === 'loading' ? 'true' : 'false'}>
        ${usable && this.client ? filtersView(this.filters, m, (next) => this.applyFilters(next)) : nothing}
        ${inbox.phase === 'ready' && inbox.items.length ? this.toolbar() : nothing} ${state ?? nothing}
        ${inbox.phase === 'ready' && inbox.items.length
          ? html`<ul class="items" part="list">${inbox.items.map((item, index) => itemView(item, index, ctx))}</ul>`
          : nothing}
        ${inbox.phase === 'ready' && inbox.hasMore
          ? html`<button type="button" part="action" class="more" ?disabled=${inbox.loadingMore} @click=${() => void this.loadMore()}>${m.modLoadMore}</button>`
          : nothing}
        <div class="notice" part="notice">
          <p role="status">${this.announcement}</p>
          ${inbox.undoable ? html`<button type="button" part="action" @click=${() => void this.undo()}>${m.modUndo}</button>` : nothing}
        </div>
        ${usable ? html`<button type="button" part="action" class="keys" @click=${() => this.helpDialog?.showModal()}>${m.modShortcuts}</button>` : nothing}
      </section>
      ${this.dialogs()}
    `;
  }

  private async loadMore(): Promise<void> {
    const { lang, messages: m } = this.locale;
    try {
      await this.inbox.loadMore();
    } catch (error) {
      this.announce(fill(lang, m.modFailed, { message: describeFailure(error, lang, m.errorRateLimited) }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-moderation': CommentModeration;
  }
}
