import { formatDateTime, formatRelative, parseDate } from '../core/dates.js';
import { formatPlural, type Messages } from '../core/i18n.js';

/** What a comment's `<time>` shows: how long ago, the exact date and time (its title), and the time in ms. */
export interface CommentDate {
  ago: string;
  exact: string;
  at: number;
}

/**
 * A thread's dates in one language, each formatted once: the exact one per distinct value, the relative one
 * per value and minute (its finest unit). Drawing the thread again costs no formatting.
 */
class ThreadDates {
  private readonly exact = new Map<string, [string, number]>();
  private ago = new Map<string, string>();
  private minute = 0;

  constructor(private readonly lang: string) {}

  of(value: string, now: number): CommentDate {
    let exact = this.exact.get(value);
    if (!exact) {
      const date = parseDate(value) ?? new Date(now);
      this.exact.set(value, (exact = [formatDateTime(date, this.lang), date.getTime()]));
    }
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.ago = new Map();
    }
    let ago = this.ago.get(value);
    if (ago === undefined) this.ago.set(value, (ago = formatRelative(new Date(exact[1]), this.lang, now)));
    return { ago, exact: exact[0], at: exact[1] };
  }
}

const threadDates = new Map<string, ThreadDates>();

/** The dates of comments shown in `lang`. */
export function datesIn(lang: string): ThreadDates {
  let dates = threadDates.get(lang);
  if (!dates) threadDates.set(lang, (dates = new ThreadDates(lang)));
  return dates;
}

/**
 * Makes the Intl formatters a thread needs, one per task, while its listing is on its way: a page's first
 * costs 15-25 ms (the locale's data), which the drawing of the thread then does not pay.
 */
export function warmFormatters(lang: string, m: Messages): void {
  const now = new Date();
  const steps = [() => formatRelative(now, lang), () => formatDateTime(now, lang), () => formatPlural(lang, m.commentsHeading, 2, { n: 2 })];
  const next = () => {
    steps.shift()!();
    if (steps.length) setTimeout(next);
  };
  setTimeout(next);
}
