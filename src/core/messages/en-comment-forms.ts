import type { Messages } from './messages.js';

/** The English words only the comment box's forms show, which come with their code (chunks/comment-forms.js, src/comment-box/form-strings.ts). */
export const enCommentForms = {
  signedInAs: 'Signed in as {name}',
  post: 'Post',
  preview: 'Preview',
  editComment: 'Edit your comment',
  save: 'Save',
  posted: 'Your comment was posted.',
  postedHeld: 'Your comment was sent and is awaiting moderation.',
  charactersLeft: { one: '{n} character left', other: '{n} characters left' },
  guestName: 'Name',
  guestEmail: 'E-mail (optional, never shown)',
  commentDeleted: 'Comment deleted.',
  notifyReplies: 'Notify me of replies by e-mail',
  notifyConfirm: 'We will first send you a link to confirm your address.',
  sending: 'Sending…',
} satisfies Partial<Messages>;
