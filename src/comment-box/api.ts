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

/**
 * The Inkwell API as one thread's comment box reads it: every URL it calls is built here. What only a reader who
 * writes calls is CommentWrites's (api-writes.ts), which comes with the forms' code.
 */
export class CommentsApi {
  constructor(
    private readonly base: string,
    private readonly thread: string,
    protected readonly token: () => string | undefined,
    /** Guests may take part: their browser's id goes along, so the server knows their reactions. */
    private readonly guests = false,
  ) {}

  protected threadPath(): string {
    return `${this.base}/threads/${encodeURIComponent(this.thread)}`;
  }

  protected commentPath(id: string): string {
    return `${this.base}/comments/${encodeURIComponent(id)}`;
  }

  page(sort: Sort, limit: number, cursor: string | null): Promise<CommentPage> {
    const query = `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    return request<CommentPage>(`${this.threadPath()}/comments?${query}`, { token: this.token(), client: this.guests });
  }

  /** Adds (`on`) or takes back the reader's reaction to a comment, or to the thread itself (`commentId` empty). */
  react(commentId: string, kind: ReactionKind, on: boolean): Promise<Reactions> {
    const target = commentId ? this.commentPath(commentId) : this.threadPath();
    return request<Reactions>(`${target}/reactions/${kind}`, { method: on ? 'PUT' : 'DELETE', token: this.token(), client: true });
  }

  /** The thread's live stream (Server-Sent Events); `since`, an event id, replays what happened after it. */
  eventsUrl(since?: string): string {
    return `${this.threadPath()}/events${since ? `?lastEventId=${since}` : ''}`;
  }
}

/** A class of client for one thread: CommentsApi, or CommentWrites. */
export type ApiClass<A extends CommentsApi> = new (...args: ConstructorParameters<typeof CommentsApi>) => A;
