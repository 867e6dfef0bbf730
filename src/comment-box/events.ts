import type { Comment } from './types.js';

/** Fired when the reader's comment or reply was accepted by the server. */
export class CommentPostedEvent extends CustomEvent<{ comment: Comment }> {
  constructor(comment: Comment) {
    super('comment-posted', { detail: { comment }, bubbles: true, composed: true });
  }
}

/** Fired when the reader edited a comment, or a moderator changed its status. */
export class CommentEditedEvent extends CustomEvent<{ comment: Comment }> {
  constructor(comment: Comment) {
    super('comment-edited', { detail: { comment }, bubbles: true, composed: true });
  }
}

/** Fired when the reader or a moderator deleted a comment. */
export class CommentDeletedEvent extends CustomEvent<{ id: string }> {
  constructor(id: string) {
    super('comment-deleted', { detail: { id }, bubbles: true, composed: true });
  }
}

/**
 * Fired when the reader asks to sign in or sign up. Cancel it to open the site's own dialog
 * instead of following `login-url` / `signup-url`.
 */
export class LoginRequestedEvent extends CustomEvent<{ action: 'sign-in' | 'sign-up'; returnUrl: string }> {
  constructor(action: 'sign-in' | 'sign-up', returnUrl: string) {
    super('login-requested', { detail: { action, returnUrl }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-posted': CommentPostedEvent;
    'comment-edited': CommentEditedEvent;
    'comment-deleted': CommentDeletedEvent;
    'login-requested': LoginRequestedEvent;
  }
}
