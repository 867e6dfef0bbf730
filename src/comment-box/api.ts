import { request } from '../core/http.js';
import type { Comment, CommentPage, ReactionKind, Reactions, Sort } from './types.js';

/** What a moderator may set on a comment. */
export type Moderation = { status: Comment['status'] };

export interface NewComment {
  body: string;
  parentId?: string;
  formStartedAt: number;
  author?: { name: string; email?: string };
  website?: string;
  /** E-mail the writer of replies in this thread (true), or stop (false). */
  notifyReplies?: boolean;
  pageUrl?: string;
  lang?: string;
}

/** The Inkwell API as one thread's comment box uses it: every URL it calls is built here. */
export class CommentsApi {
  constructor(
    private readonly base: string,
    private readonly thread: string,
    private readonly token: () => string | undefined,
    /** Guests may take part: their browser's id goes along, so the server knows their reactions. */
    private readonly guests = false,
  ) {}

  private threadPath(): string {
    return `${this.base}/threads/${encodeURIComponent(this.thread)}`;
  }

  private commentPath(id: string): string {
    return `${this.base}/comments/${encodeURIComponent(id)}`;
  }

  page(sort: Sort, limit: number, cursor: string | null): Promise<CommentPage> {
    const query = `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    return request<CommentPage>(`${this.threadPath()}/comments?${query}`, { token: this.token(), client: this.guests });
  }

  /** Posts a comment or reply; `idempotencyKey` makes every retry of the same draft the same request. */
  post(comment: NewComment, idempotencyKey: string): Promise<Comment> {
    return request<Comment>(`${this.threadPath()}/comments`, { method: 'POST', body: comment, token: this.token(), idempotencyKey, timeoutMs: 15_000 });
  }

  /** An edit (`{ body }`) or a moderator's decision (`{ status }`). */
  change(id: string, change: { body: string } | Moderation): Promise<Comment> {
    return request<Comment>(this.commentPath(id), { method: 'PATCH', body: change, token: this.token() });
  }

  remove(id: string): Promise<void> {
    return request<void>(this.commentPath(id), { method: 'DELETE', token: this.token() });
  }

  /** Adds (`on`) or takes back the reader's reaction to a comment, or to the thread itself (`commentId` empty). */
  react(commentId: string, kind: ReactionKind, on: boolean): Promise<Reactions> {
    const target = commentId ? this.commentPath(commentId) : this.threadPath();
    return request<Reactions>(`${target}/reactions/${kind}`, { method: on ? 'PUT' : 'DELETE', token: this.token(), client: true });
  }

  /** Moderators: pins a top-level comment (`on`) or unpins it; answers the thread's pin afterwards. */
  pin(id: string, on: boolean): Promise<{ commentId: string | null }> {
    return request<{ commentId: string | null }>(`${this.commentPath(id)}/pin`, { method: on ? 'PUT' : 'DELETE', token: this.token() });
  }

  /** The thread's live stream (Server-Sent Events); `since`, an event id, replays what happened after it. */
  eventsUrl(since?: string): string {
    return `${this.threadPath()}/events${since ? `?lastEventId=${since}` : ''}`;
  }
}
