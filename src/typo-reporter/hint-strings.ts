import { addEnglish, type Messages } from '../core/i18n.js';

/**
 * The English words of the hint, and of a dialog whose code could not be fetched: they come with the element,
 * not with the dialog's code (which brings the rest, core/form-strings.ts). The same as en-forms.ts's
 * (test/typo-reporter/typo-reporter.test.ts checks it).
 */
export const enHint = {
  typoHint: 'Found a mistake? Select it and press {keys}.',
  typoReport: 'Report a mistake',
  errorNetwork: 'Could not reach the server. Check your connection and try again.',
  retry: 'Try again',
} satisfies Partial<Messages>;

addEnglish(enHint);
