// An in-browser Inkwell API for stories and tests: the elements' real fetch code runs against it,
// no server needed. It keeps the reference server's shapes (the types generated from its OpenAPI document), not its rules.
import type { Comment, CommentPage, Counts, ReactionKind, Reactions } from '../src/comment-box/types.js';

export interface FakeApiOptions {
  /** Path prefix the fake answers, e.g. '/fake/v1'. */
  base: string;
  comments?: Comment[];
  delayMs?: number;
  /** Held for moderation instead of published. */
  premoderate?: boolean;
  /** Readers without a token may react (the server's INKWELL_GUEST_REACTIONS). */
  guestReactions?: boolean;
}

const KINDS: readonly ReactionKind[] = ['like', 'love', 'laugh', 'celebrate', 'insightful'];

type Failure = 'offline' | 'after-store' | { status: number; body?: unknown; headers?: Record<string, string> };

export class FakeApi {
  comments: Comment[];
  readonly requests: { method: string; path: string; headers: Record<string, string>; body?: unknown }[] = [];
  private readonly failures: Failure[] = [];
  private readonly replies = new Map<string, Comment>();
  /** Who reacted with what: by target (a comment's id, or `thread:` and the thread) and kind. */
  private readonly reactions = new Map<string, Map<ReactionKind, Set<string>>>();
  /** Banned readers' ids (`u-<sub>`): their writes are refused with 403 `banned`, as the server does. */
  readonly bans = new Set<string>();
  /** The pinned comment of each thread. */
  readonly pins = new Map<string, string>();
  private next = 1;
  private readonly realFetch = window.fetch.bind(window);

  constructor(readonly options: FakeApiOptions) {
    this.comments = options.comments ?? [];
  }

  /** The next requests fail like this, in order ('after-store': the comment is stored, the answer is lost). */
  fail(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  install(): this {
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => this.handle(String(input instanceof Request ? input.url : input), init);
    return this;
  }

  uninstall(): void {
    window.fetch = this.realFetch;
  }

  private async handle(url: string, init: RequestInit = {}): Promise<Response> {
    const { pathname, searchParams } = new URL(url, location.href);
    if (!pathname.startsWith(this.options.base)) return this.realFetch(url, init);
    const path = pathname.slice(this.options.base.length);
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    this.requests.push({ method, path, headers, body });
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    const failure = this.failures.shift();
    if (failure === 'offline') throw new TypeError('Failed to fetch');
    if (failure && failure !== 'after-store') return json(failure.status, failure.body ?? {}, failure.headers);
    const answer = this.route(method, path, searchParams, headers, body);
    if (failure === 'after-store') throw new TypeError('Failed to fetch');
    return answer;
  }

  /** Adds `reactor`'s reaction (a story's or test's starting state); `target` a comment id or `thread:<thread>`. */
  react(target: string, kind: ReactionKind, ...reactors: string[]): this {
    let kinds = this.reactions.get(target);
    if (!kinds) this.reactions.set(target, (kinds = new Map()));
    let who = kinds.get(kind);
    if (!who) kinds.set(kind, (who = new Set()));
    for (const reactor of reactors) who.add(reactor);
    return this;
  }

  /** The target's reactions as `reactor` sees them; undefined when nobody reacted. */
  reactionsOf(target: string, reactor?: string): Reactions | undefined {
    const counts: Reactions['counts'] = {};
    const mine: ReactionKind[] = [];
    for (const kind of KINDS) {
      const who = this.reactions.get(target)?.get(kind);
      if (!who?.size) continue;
      counts[kind] = who.size;
      if (reactor && who.has(reactor)) mine.push(kind);
    }
    if (!Object.keys(counts).length) return undefined;
    return mine.length ? { counts, mine } : { counts };
  }

  private score(target: string): number {
    return [...(this.reactions.get(target)?.values() ?? [])].reduce((sum, who) => sum + who.size, 0);
  }

  /** PUT or DELETE of a reaction, by the reference server's rules in brief. */
  private toggle(on: string, id: string, kind: ReactionKind, add: boolean, viewer: { id: string } | undefined, headers: Record<string, string>): Response {
    if (!KINDS.includes(kind)) return json(400, { error: { code: 'invalid_input', message: 'kind', field: 'kind' } });
    const reactor = this.reactor(viewer, headers);
    if (!reactor) return json(401, { error: { code: 'auth_required', message: 'Sign in to react' } });
    const comment = on === 'comments' ? this.comments.find((c) => c.id === id) : undefined;
    if (on === 'comments' && (!comment || comment.status === 'deleted' || (add && comment.status !== 'published'))) {
      return json(404, { error: { code: 'not_found', message: 'No such comment to react to' } });
    }
    const target = comment ? comment.id : `thread:${id}`;
    if (add) this.react(target, kind, reactor);
    else this.reactions.get(target)?.get(kind)?.delete(reactor);
    return json(200, this.reactionsOf(target, reactor) ?? { counts: {} });
  }

  /** The reader a reaction is theirs by: the token's, or a guest's browser id where guests may react. */
  private reactor(viewer: { id: string } | undefined, headers: Record<string, string>): string | undefined {
    if (viewer) return viewer.id;
    const client = headers['inkwell-client'];
    return this.options.guestReactions && client ? `guest:${client}` : undefined;
  }

  private viewer(headers: Record<string, string>): { id: string; name: string; moderator: boolean } | undefined {
    const token = headers.authorization?.replace(/^Bearer /, '');
    if (!token) return undefined;
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string; name: string; role?: string };
    return { id: `u-${claims.sub}`, name: claims.name, moderator: claims.role === 'moderator' };
  }

  /** Moderators pin a published top-level comment (one per thread) or unpin it. */
  private pin(id: string, on: boolean, viewer?: { moderator: boolean }): Response {
    const comment = this.comments.find((c) => c.id === id);
    if (!viewer?.moderator) return json(viewer ? 403 : 401, { error: { code: viewer ? 'forbidden' : 'auth_required', message: 'Moderators only' } });
    if (!comment) return json(404, { error: { code: 'not_found', message: 'No such comment' } });
    if (on && (comment.status !== 'published' || comment.parentId)) return json(422, { error: { code: 'not_pinnable', message: 'Only a published top-level comment can be pinned' } });
    if (on) this.pins.set(comment.thread, id);
    else if (this.pins.get(comment.thread) === id) this.pins.delete(comment.thread);
    return json(200, { thread: comment.thread, commentId: this.pins.get(comment.thread) ?? null });
  }

  /** The comment as `viewer` may see it: in full, or the server's placeholder (no text, no author). */
  private visible(comment: Comment, viewer?: { id: string; moderator: boolean }): Comment {
    const own = viewer?.id === comment.author.id;
    if (comment.status === 'published' || viewer?.moderator || (own && comment.status === 'pending')) {
      if (!comment.editPending || own || viewer?.moderator) return { ...comment, own };
      // Others read the approved text, not an edit awaiting moderation.
      const shown: Comment = { ...comment, body: comment.publishedBody ?? '', own };
      delete shown.editPending;
      delete shown.publishedBody;
      return shown;
    }
    const status = comment.status === 'pending' ? 'held' : comment.status === 'deleted' ? 'deleted' : 'removed';
    const { id, thread, parentId, createdAt } = comment;
    return { id, thread, parentId, createdAt, author: { id: '', name: '', guest: false }, body: '', status };
  }

  private route(method: string, path: string, query: URLSearchParams, headers: Record<string, string>, body: Record<string, unknown>): Response {
    const viewer = this.viewer(headers);
    let match = /^\/threads\/([^/]+)\/comments$/.exec(path);
    if (match && method === 'GET') {
      const thread = decodeURIComponent(match[1]);
      const seen = this.comments.filter((c) => c.thread === thread).map((c) => this.visible(c, viewer));
      // Like the server, placeholders are listed only above a comment the viewer can read.
      const byId = new Map(seen.map((c) => [c.id, c]));
      const kept = new Set(seen.filter((c) => !isPlaceholder(c)).map((c) => c.id));
      for (const id of [...kept]) {
        for (let up = byId.get(id)?.parentId; up && !kept.has(up); up = byId.get(up)?.parentId) kept.add(up);
      }
      const all = seen.filter((c) => kept.has(c.id));
      const top = all.filter((c) => !c.parentId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      if (query.get('sort') !== 'oldest') top.reverse();
      if (query.get('sort') === 'top') top.sort((a, b) => this.score(b.id) - this.score(a.id));
      // The pinned comment first, whatever the sort (and so on the first page only).
      const pinned = top.findIndex((c) => c.id === this.pins.get(thread));
      if (pinned >= 0) top.unshift({ ...top.splice(pinned, 1)[0], pinned: true });
      const start = Number(query.get('cursor') ?? 0);
      const limit = Number(query.get('limit') ?? 20);
      const page = top.slice(start, start + limit);
      const ids = new Set(page.map((c) => c.id));
      let grew = true;
      const replies: Comment[] = [];
      while (grew) {
        grew = false;
        for (const c of all) {
          if (!c.parentId || !ids.has(c.parentId) || ids.has(c.id)) continue;
          ids.add(c.id);
          replies.push(c);
          grew = true;
        }
      }
      const total = all.filter((c) => c.status === 'published').length;
      const reactor = this.reactor(viewer, headers);
      const withReactions = (c: Comment): Comment => {
        const reactions = c.status === 'published' ? this.reactionsOf(c.id, reactor) : undefined;
        return reactions ? { ...c, reactions } : c;
      };
      const answer: CommentPage = { comments: [...page, ...replies].map(withReactions), total, nextCursor: start + limit < top.length ? String(start + limit) : null };
      const reactions = this.reactionsOf(`thread:${thread}`, reactor);
      if (reactions) answer.reactions = reactions;
      return json(200, answer);
    }
    if (viewer && this.bans.has(viewer.id) && method !== 'GET' && method !== 'DELETE') {
      return json(403, { error: { code: 'banned', message: 'You have been banned from commenting here by a moderator' } });
    }
    const pin = /^\/comments\/([^/]+)\/pin$/.exec(path);
    if (pin) return this.pin(decodeURIComponent(pin[1]), method === 'PUT', viewer);
    const reaction = /^\/(comments|threads)\/([^/]+)\/reactions\/([^/]+)$/.exec(path);
    if (reaction && (method === 'PUT' || method === 'DELETE')) return this.toggle(reaction[1], decodeURIComponent(reaction[2]), reaction[3] as ReactionKind, method === 'PUT', viewer, headers);
    if (match && method === 'POST') {
      const key = headers['idempotency-key'];
      if (key && this.replies.has(key)) return json(201, this.replies.get(key));
      // The reference server's schema, in brief: the widget must not drift from it.
      if (typeof body.body !== 'string' || !body.body.trim()) return json(422, { error: { code: 'invalid_input', message: 'body is required', field: 'body' } });
      if (body.formStartedAt !== undefined && !Number.isInteger(body.formStartedAt)) {
        return json(422, { error: { code: 'invalid_input', message: 'formStartedAt must be an integer', field: 'formStartedAt' } });
      }
      const guest = body.author as { name?: string } | undefined;
      if (!viewer && !guest?.name) return json(401, { error: { code: 'auth_required', message: 'Sign in to comment' } });
      const comment: Comment = {
        id: `c${this.next++}`,
        thread: decodeURIComponent(match[1]),
        parentId: (body.parentId as string) ?? null,
        author: viewer ? { id: viewer.id, name: viewer.name, guest: false } : { id: `g${this.next}`, name: guest!.name!, guest: true },
        body: String(body.body),
        createdAt: new Date().toISOString(),
        status: this.options.premoderate ? 'pending' : 'published',
      };
      this.comments.push(comment);
      const view = { ...comment, own: true };
      if (key) this.replies.set(key, view);
      return json(201, view);
    }
    match = /^\/comments\/([^/]+)$/.exec(path);
    if (match) {
      const comment = this.comments.find((c) => c.id === decodeURIComponent(match![1]));
      if (!comment) return json(404, { error: { code: 'not_found', message: 'No such comment' } });
      if (!viewer || (viewer.id !== comment.author.id && !viewer.moderator)) return json(403, { error: { code: 'not_your_comment', message: 'Not your comment' } });
      if (method === 'DELETE') {
        Object.assign(comment, { status: 'deleted', body: '' });
        return new Response(null, { status: 204 });
      }
      if (body.body !== undefined) Object.assign(comment, { body: body.body, editedAt: new Date().toISOString() });
      if (body.status !== undefined) comment.status = body.status as Comment['status'];
      return json(200, this.visible(comment, viewer));
    }
    if (path === '/counts') {
      const answer: Counts = { counts: Object.fromEntries(query.getAll('thread').map((t) => [t, this.comments.filter((c) => c.thread === t && c.status === 'published').length])) };
      return json(200, answer);
    }
    return json(404, { error: { code: 'not_found', message: path } });
  }
}

function isPlaceholder(comment: Comment): boolean {
  return comment.status === 'held' || comment.status === 'removed' || comment.status === 'deleted';
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** An unsigned token with the claims the elements read (the fake does not verify signatures). */
export function fakeToken(name: string, role?: 'moderator', claims: { email?: string } = {}): string {
  const encode = (value: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'none' })}.${encode({ sub: name.toLowerCase(), name, ...(role ? { role } : {}), ...claims })}.x`;
}

/** A thread of `count` comments by a few authors, every fifth one a reply. */
export function sampleThread(thread: string, count: number, start = Date.now() - count * 60_000): Comment[] {
  const names = ['Nushama Wellness', 'Ada Okafor', 'Lin Mei', 'Jonas Berg', 'سارا احمدی'];
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    thread,
    parentId: i % 5 === 4 ? `s${i - 1}` : null,
    author: { id: `u-${names[i % names.length].toLowerCase()}`, name: names[i % names.length], guest: false },
    body: i % 7 === 0 ? `Comment ${i} with **emphasis**, \`code\` and a [link](https://example.com/${i}).` : `Comment number ${i}. A thoughtful remark about proofreading.`,
    createdAt: new Date(start + i * 60_000).toISOString(),
    status: 'published' as const,
  }));
}
