import type { Messages } from './messages.js';

/**
 * The English words of the typo reporter's hint, and of a dialog whose code could not be fetched: they come with the
 * element (src/typo-reporter/hint-strings.ts), the dialog's with its code (en-typo-dialog.ts).
 */
export const enHint = {
  typoHint: 'Found a mistake? Select it and press {keys}.',
  typoReport: 'Report a mistake',
  errorNetwork: 'Could not reach the server. Check your connection and try again.',
  retry: 'Try again',
} satisfies Partial<Messages>;
