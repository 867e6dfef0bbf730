import type { Messages } from './messages.js';

/** The English words of a failed request (src/core/failure.ts), which come with that code: the comment box's and the typo dialog's. */
export const enFailure = {
  errorNetwork: 'Could not reach the server. Check your connection and try again.',
  errorFailed: 'It could not be sent: {message}',
} satisfies Partial<Messages>;
