import type { Controller, LightElement } from '../core/light-element.js';
import { ApiError } from '../core/http.js';
import { warnAttribute } from '../core/warn.js';
import { ThreadState } from './thread.js';
import { withCounts } from './reactions.js';
import type { IncludedPage } from './adopt.js';
import type { CommentsApi } from './api.js';
import type { Comment, Reactions, Sort } from './types.js';

export type Phase = 'waiting' | 'loading' | 'ready' | 'failed';

/** How many pages a link to #comment-<id> may load to find its comment. */
const HASH_PAGES = 20;

/** What the controller asks of the element that owns it; closures, so the element's members stay private. */
export interface ThreadHooks {
  /** The thread's client; undefined without an API. */
  client(): CommentsApi | undefined;
  /** The order and page size a listing asks for, checked. */
  query(): { sort: Sort; limit: number };
  /** The inputs the thread is loaded with; a change of any of them loads it again. */
  inputs(): string;
  live(): boolean;
  /** The first page is in the state: the element draws it. */
  shown(): void;
  /** Others' comments wait behind "N new comments"; `n` of them now. */
  incoming(n: number): void;
  /** A request failed without a form to say so. */
  failed(error: unknown): void;
  /** The phase or the refusal changed: what the comments' drawing reads may have changed. */
  restyle(): void;
}

/**
 * Loading, paging and the live stream of one thread: when it loads (near the viewport, or at once), which
 * load is current (a generation counter: an answer to an older one is dropped), the reader's refused token,
 * and every change the server announces merged into the thread's state. The element owns one and draws it.
 */
export class ThreadController implements Controller {
  readonly state: ThreadState;
  phase: Phase = 'waiting';
  /** Why the server refused the reader's token on reading (`token_expired` …); the thread is then read signed out. */
  refusal?: string;
  /** The inputs the thread was last loaded with. */
  private loadedFor = '';
  private generation = 0;
  private observer?: IntersectionObserver;
  private liveStream?: EventSource;

  constructor(
    private readonly host: LightElement,
    private readonly hooks: ThreadHooks,
  ) {
    this.state = new ThreadState(host);
    host.addController(this);
  }

  /** A new phase, or a refused token (the server's reason code): what the comments' drawing reads changed. */
  private to(phase: Phase, refusal = this.refusal): void {
    if (phase === this.phase && refusal === this.refusal) return;
    this.phase = phase;
    this.refusal = refusal;
    this.hooks.restyle();
    this.host.requestUpdate();
  }

  /** Loads when the element comes near the viewport, or at once (`eager`, or no IntersectionObserver). */
  watch(eager: boolean): void {
    if (eager || typeof IntersectionObserver !== 'function') {
      void this.load();
      return;
    }
    // Two screens ahead, so a reader flicking down arrives after the thread, not while it grows under them;
    // the document as root keeps that margin inside an iframe too.
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void this.load();
    }, { root: this.host.ownerDocument, rootMargin: '200% 0px' });
    this.observer.observe(this.host);
  }

  hostUpdate(): void {
    if (this.phase !== 'waiting' && this.loadedFor && this.loadedFor !== this.hooks.inputs()) void this.load();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.liveStream?.close();
    this.liveStream = undefined;
    if (this.phase === 'loading') this.to('waiting');
  }

  async load(): Promise<void> {
    this.observer?.disconnect();
    // The client first: without a thread id it is derived from the page, which sets `thread`.
    const client = this.hooks.client();
    this.loadedFor = this.hooks.inputs();
    if (!client) {
      warnAttribute(this.host, 'api', 'no API: give api="https://comments.example.com" (with or without /v1) or <meta name="inkwell-api">; comments cannot load');
      this.to('failed');
      return;
    }
    const generation = ++this.generation;
    this.to('loading');
    try {
      const page = await this.fetchPage(null);
      if (generation !== this.generation) return;
      this.showFirstPage(page);
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof ApiError && error.status === 401 && !this.refusal) {
        this.to(this.phase, refused(this.host, error));
        return this.load();
      }
      this.to('failed');
    }
  }

  /**
   * The page the site included (comments.html) as the first page: shown at the first render (the element hides
   * the markup after it). A signed-in reader's view and a page too old are fetched behind it.
   */
  adopt(included: IncludedPage, signedIn: boolean): void {
    this.loadedFor = this.hooks.inputs();
    const generation = ++this.generation;
    this.showFirstPage(included.page, included.lastEventId);
    if (included.stale || signedIn) void this.refreshFirstPage(generation, included.page.nextCursor);
  }

  private showFirstPage(page: Parameters<ThreadState['reset']>[0], since?: string): void {
    this.state.reset(page);
    this.to('ready');
    this.hooks.shown();
    if (this.hooks.live()) this.listen(since);
  }

  /** The first page again, behind the one shown; kept only if the reader has not loaded more meanwhile. */
  private async refreshFirstPage(generation: number, cursor: string | null): Promise<void> {
    try {
      const page = await this.fetchPage(null);
      if (generation === this.generation && this.state.nextCursor === cursor) this.state.reset(page);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.to(this.phase, refused(this.host, error));
    }
  }

  private fetchPage(cursor: string | null) {
    const { sort, limit } = this.hooks.query();
    return this.hooks.client()!.page(sort, limit, cursor);
  }

  /** Fetches the next page into the thread; resolves with the comments that were not shown before. */
  async fetchMore(): Promise<Comment[]> {
    const thread = this.state;
    if (!thread.nextCursor || thread.loadingMore) return [];
    thread.setLoadingMore(true);
    try {
      return thread.append(await this.fetchPage(thread.nextCursor));
    } catch (error) {
      this.hooks.failed(error);
      return [];
    } finally {
      thread.setLoadingMore(false);
    }
  }

  /** Loads pages until comment `id` is among them (a few at most); whether it is. */
  async fetchUntil(id: string): Promise<boolean> {
    const thread = this.state;
    for (let pages = 0; !thread.has(id) && thread.nextCursor && pages < HASH_PAGES; pages++) await this.fetchMore();
    return thread.has(id);
  }

  /** The live stream; `since`, an event id, replays what happened after it (an included page's). */
  private listen(since?: string): void {
    this.liveStream?.close();
    if (typeof EventSource !== 'function') return;
    const thread = this.state;
    const source = new EventSource(this.hooks.client()!.eventsUrl(since));
    const data = <T>(event: Event) => JSON.parse((event as MessageEvent<string>).data) as T;
    source.addEventListener('comment-created', (event) => {
      if (thread.receive(data<Comment>(event))) this.hooks.incoming(thread.incoming.length);
    });
    source.addEventListener('comment-updated', (event) => thread.replace(data<Comment>(event)));
    source.addEventListener('comment-deleted', (event) => thread.replace(data<Comment>(event)));
    source.addEventListener('pin-changed', (event) => thread.setPin(data<{ commentId: string | null }>(event).commentId));
    source.addEventListener('reactions-changed', (event) => {
      const { commentId, counts } = data<{ commentId: string | null; counts: Reactions['counts'] }>(event);
      const target = commentId ?? '';
      thread.setReactions(target, withCounts(thread.reactionsOf(target), counts));
    });
    this.liveStream = source;
  }
}

/**
 * The server's reason for a 401. Anything but an expired session is a problem for the site owner (how
 * tokens are signed, or guests the server does not take), so the console names it.
 */
export function refused(element: Element, error: ApiError): string {
  if (error.code !== 'token_expired') {
    console.error(`[inkwell] <${element.localName}> token: refused by the server: ${error.code} (${error.message})`);
  }
  return error.code;
}
