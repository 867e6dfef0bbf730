import { formatDateTime, formatRelative } from '../core/dates.js';
import { initialsOf } from '../core/avatar.js';
import { formatPlural, type Messages } from '../core/i18n.js';

/**
 * Makes the Intl objects a thread's drawing needs (dates, the heading's plural and number, the avatars'
 * grapheme segmenter) in a task of their own, while its listing is on its way: a page's first costs 15-25 ms
 * (the locale's data), which the drawing of the thread then does not pay.
 */
export function warmFormatters(lang: string, m: Messages): void {
  setTimeout(() => {
    const now = new Date();
    formatRelative(now, lang);
    formatDateTime(now, lang);
    formatPlural(lang, m.commentsHeading, 2, { n: 2 });
    initialsOf('A');
  });
}
