import type { Messages } from './messages.js';

/** The English words of the typo reporter's dialog, which come with its code (chunks/machinery.js, src/typo-reporter/dialog-strings.ts). */
export const enTypoDialog = {
  typoQuote: 'The passage with the mistake',
  typoNoSelection: 'Without a selection, the report cannot link to the passage: please quote it.',
  typoCorrection: 'Suggested correction',
  typoComment: 'Comment (optional)',
  typoSent: 'Thank you! The author has been told.',
  typoTooLong: { one: 'Please select at most {n} character.', other: 'Please select at most {n} characters.' },
  typoMailSubject: 'A mistake on “{title}”',
  send: 'Send',
  sending: 'Sending…',
  cancel: 'Cancel',
  close: 'Close',
  errorRateLimited: { one: 'Too many reports. Try again in {n} second.', other: 'Too many reports. Try again in {n} seconds.' },
} satisfies Partial<Messages>;
