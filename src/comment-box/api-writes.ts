import { request } from '../core/http.js';
import { CommentsApi, type Moderation, type NewComment } from './api.js';
import type { Comment } from './types.js';

/** The calls of a reader who writes, or moderates: with the forms' code (chunks/comment-forms.js), not the thread's. */
export class CommentWrites extends CommentsApi {
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

  /** Moderators: pins a top-level comment (`on`) or unpins it; answers the thread's pin afterwards. */
  pin(id: string, on: boolean): Promise<{ commentId: string | null }> {
    return request<{ commentId: string | null }>(`${this.commentPath(id)}/pin`, { method: on ? 'PUT' : 'DELETE', token: this.token() });
  }
}
