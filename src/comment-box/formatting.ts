import { formatDateTime, formatRelative } from '../core/dates.js';

/**
 * Makes the Intl formatters a thread's dates need in a task of their own, while its listing is on its way:
 * a page's first costs 15-25 ms (the locale's data), which the drawing of the thread then does not pay.
 */
export function warmFormatters(lang: string): void {
  setTimeout(() => {
    const now = new Date();
    formatRelative(now, lang);
    formatDateTime(now, lang);
  });
}
