import { mergeComments } from './tree.js';
import type { ThreadState } from './thread.js';
import type { Comment } from './types.js';

// The changes only the reader's own writing makes to the thread: with the forms' code (chunks/comment-forms.js).

/** The reader's own new comment, as the server answered it. */
export function insertOwn(state: ThreadState, comment: Comment, newestFirst: boolean): void {
  state.incoming = state.incoming.filter((waiting) => waiting.id !== comment.id);
  if (comment.parentId) state.replies = mergeComments(state.replies, [comment]);
  else state.top = newestFirst ? mergeComments([comment], state.top) : mergeComments(state.top, [comment]);
  if (comment.status === 'published') state.total += 1;
  state.host.requestUpdate();
}

/** The reader deleted a comment: it stays as a placeholder. */
export function markDeleted(state: ThreadState, comment: Comment): void {
  state.replace({ ...comment, status: 'deleted', body: '' });
  state.total = Math.max(0, state.total - (comment.status === 'published' ? 1 : 0));
}
