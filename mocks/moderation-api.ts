// An in-browser stand-in for the moderators' side of the Inkwell API (the inbox, decisions, bans, pins
// and the live inbox stream), for the <comment-moderation> stories and tests: the element's real fetch
// code runs against it, no server needed. It keeps the reference server's shapes, not all its rules.
import type { Comment, TypoReport } from '../src/comment-moderation/types.js';

type Failure = 'offline' | { status: number; body?: unknown };

export interface FakeModerationOptions {
  /** Path prefix the fake answers, e.g. '/mod/v1'. */
  base: string;
  comments?: Comment[];
  reports?: TypoReport[];
  /** Answer every request with this (a reader's token: 403; no token: 401). */
  refuse?: 401 | 403;
  delayMs?: number;
  /** Lists never answer (the loading state). */
  hang?: boolean;
}

const COMMENT_STATUS: Record<string, (c: Comment) => boolean> = {
  pending: (c) => c.status === 'pending' || !!c.editPending,
  published: (c) => c.status === 'published',
  rejected: (c) => c.status === 'rejected',
  spam: (c) => c.status === 'spam',
  hidden: (c) => c.status === 'hidden',
};

export class FakeModerationApi {
  comments: Comment[];
  reports: TypoReport[];
  readonly bans = new Map<string, boolean>();
  readonly requests: { method: string; path: string; query: URLSearchParams; headers: Record<string, string>; body?: unknown }[] = [];
  private readonly failures: Failure[] = [];
  private readonly streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  private nextEvent = 1;
  private readonly realFetch = window.fetch.bind(window);

  constructor(readonly options: FakeModerationOptions) {
    this.comments = options.comments ?? [];
    this.reports = options.reports ?? [];
  }

  install(): this {
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => this.handle(String(input instanceof Request ? input.url : input), init);
    return this;
  }

  uninstall(): void {
    window.fetch = this.realFetch;
    for (const stream of this.streams) stream.close();
    this.streams.clear();
  }

  /** The next requests (not the stream) fail like this, in order. */
  fail(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  /** How many live streams are open. */
  get openStreams(): number {
    return this.streams.size;
  }

  /** A new item reaches the inbox, as the server's stream announces it. */
  arrive(item: { comment: Comment } | { report: TypoReport }): void {
    if ('comment' in item) this.comments.push(item.comment);
    else this.reports.push(item.report);
    const data = 'comment' in item ? { kind: 'comment', id: item.comment.id } : { kind: 'typo-report', id: item.report.id };
    const text = new TextEncoder().encode(`id: ${this.nextEvent++}\nevent: inbox-changed\ndata: ${JSON.stringify(data)}\n\n`);
    for (const stream of this.streams) stream.enqueue(text);
  }

  private async handle(url: string, init: RequestInit = {}): Promise<Response> {
    const { pathname, searchParams } = new URL(url, location.href);
    if (!pathname.startsWith(this.options.base)) return this.realFetch(url, init);
    const path = pathname.slice(this.options.base.length);
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    this.requests.push({ method, path, query: searchParams, headers, body });
    if (this.options.refuse) {
      return json(this.options.refuse, { error: { code: this.options.refuse === 401 ? 'auth_required' : 'forbidden', message: 'Moderators only' } });
    }
    if (path === '/moderation/events') return this.stream(init.signal ?? undefined);
    if (this.options.hang && method === 'GET') return new Promise(() => {});
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    const failure = this.failures.shift();
    if (failure === 'offline') throw new TypeError('Failed to fetch');
    if (failure) return json(failure.status, failure.body ?? { error: { code: 'failed', message: `HTTP ${failure.status}` } });
    return this.route(method, path, searchParams, body);
  }

  private stream(signal?: AbortSignal): Response {
    let controller: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        this.streams.add(c);
        c.enqueue(new TextEncoder().encode('retry: 3000\n\n'));
      },
      cancel: () => {
        this.streams.delete(controller);
      },
    });
    signal?.addEventListener('abort', () => {
      this.streams.delete(controller);
      try {
        controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // Already closed.
      }
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }

  private route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown> | undefined): Response {
    const newest = query.get('sort') !== 'oldest';
    const order = <T extends { createdAt: string; id: string }>(list: T[]) =>
      [...list].sort((a, b) => (a.createdAt === b.createdAt ? 0 : (a.createdAt < b.createdAt) === newest ? 1 : -1));
    const page = <T>(list: T[]) => {
      const start = Number(query.get('cursor') ?? 0);
      const limit = Number(query.get('limit') ?? 20);
      return { items: list.slice(start, start + limit), nextCursor: start + limit < list.length ? String(start + limit) : null, total: list.length };
    };
    if (method === 'GET' && path === '/comments') {
      const status = query.get('status') ?? 'pending';
      const list = order(
        this.comments.filter(
          (c) => COMMENT_STATUS[status]!(c) && (!query.get('thread') || c.thread === query.get('thread')) && (!query.get('reader') || c.author.id === query.get('reader')),
        ),
      );
      const { items, nextCursor, total } = page(list);
      return json(200, { comments: items, total, nextCursor });
    }
    if (method === 'GET' && path === '/typo-reports') {
      const status = query.get('status') ?? 'open';
      const list = order(this.reports.filter((r) => (status === 'all' || r.status === status) && (!query.get('url') || r.url === query.get('url'))));
      const { items, nextCursor, total } = page(list);
      return json(200, { reports: items, total, nextCursor });
    }
    const comment = /^\/comments\/([^/]+)(\/pin)?$/.exec(path);
    if (comment) {
      const found = this.comments.find((c) => c.id === decodeURIComponent(comment[1]!));
      if (!found) return json(404, { error: { code: 'not_found', message: 'No such comment' } });
      if (comment[2]) {
        for (const c of this.comments) if (c.thread === found.thread) delete c.pinned;
        if (method === 'PUT') found.pinned = true;
        return json(200, { commentId: method === 'PUT' ? found.id : null });
      }
      if (method === 'GET') return json(200, found);
      if (method === 'DELETE') {
        this.comments = this.comments.filter((c) => c !== found);
        return new Response(null, { status: 204 });
      }
      if (method === 'PATCH') {
        found.status = body!.status as Comment['status'];
        delete found.editPending;
        return json(200, found);
      }
    }
    const report = /^\/typo-reports\/([^/]+)$/.exec(path);
    if (report && method === 'PATCH') {
      const found = this.reports.find((r) => r.id === decodeURIComponent(report[1]!));
      if (!found) return json(404, { error: { code: 'not_found', message: 'No such typo report' } });
      found.status = body!.status as TypoReport['status'];
      return json(200, found);
    }
    const ban = /^\/bans\/([^/]+)$/.exec(path);
    if (ban) {
      const reader = decodeURIComponent(ban[1]!);
      if (method === 'PUT') {
        this.bans.set(reader, !!body?.hideComments);
        return json(200, { readerId: reader, hideComments: !!body?.hideComments, createdAt: new Date().toISOString() });
      }
      if (method === 'DELETE') {
        this.bans.delete(reader);
        return new Response(null, { status: 204 });
      }
    }
    return json(404, { error: { code: 'not_found', message: `${method} ${path}` } });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const MINUTE = 60_000;

/** A held comment by a signed-in reader (`u_<name>`), `minutesAgo` old. */
export function heldComment(id: string, name: string, body: string, minutesAgo: number, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    thread: 'harbour-essay',
    parentId: null,
    author: { id: `u_${name.toLowerCase()}`, name, guest: false },
    body,
    createdAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
    status: 'pending',
    ...extra,
  };
}

/** An open typo report on an essay, `minutesAgo` old. */
export function typoReport(id: string, selection: string, minutesAgo: number, extra: Partial<TypoReport> = {}): TypoReport {
  const at = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
  return {
    id,
    url: 'https://gazette.example/essays/proofreading',
    title: 'The quiet craft of proofreading',
    selection,
    prefix: 'The harbour was quiet before the first edition. ',
    suffix: ' hid in plain sight.',
    fragment: `https://gazette.example/essays/proofreading#:~:text=${encodeURIComponent(selection)}`,
    status: 'open',
    count: 1,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

/** An inbox of four: two held comments (one a reply), an edit awaiting approval and a typo report. */
export function sampleInbox(): { comments: Comment[]; reports: TypoReport[] } {
  const parent = heldComment('c_parent', 'Ada', 'Proofreaders read slowly, and often aloud.', 300, { status: 'published' });
  return {
    comments: [
      parent,
      heldComment('c_1', 'Grace', 'Loved the part about headlines.', 5),
      heldComment('c_2', 'Linus', 'I disagree with Ada: reading aloud is slow.', 30, { parentId: 'c_parent' }),
      heldComment('c_3', 'Mona', 'Edited: twelve mistakes in three pages.', 90, { status: 'published', editPending: true, publishedBody: 'Ten mistakes in three pages.' }),
    ],
    reports: [typoReport('t_1', 'mistkae', 60, { suggestion: 'mistake', count: 2 })],
  };
}
