import { formatDateTime, formatRelative, parseDate } from '../core/dates.js';
import { formatPlural, type Messages } from '../core/i18n.js';

/** What a comment's `<time>` shows: how long ago, the exact date and time (its title), and the time in ms. */
export interface CommentDate {
  ago: string;
  exact: string;
  at: number;
}

/** Exact dates by language and value: made once, as drawing the thread again asks for them all again. */
const exactDates = new Map<string, [string, number]>();

/** A comment's date, `value` (ISO 8601) in `lang`; one that does not parse is taken as `now`. */
export function commentDate(value: string, lang: string, now: number): CommentDate {
  const key = `${lang} ${value}`;
  let exact = exactDates.get(key);
  if (!exact) {
    const date = parseDate(value) ?? new Date(now);
    exactDates.set(key, (exact = [formatDateTime(date, lang), date.getTime()]));
  }
  return { ago: formatRelative(new Date(exact[1]), lang, now), exact: exact[0], at: exact[1] };
}

/**
 * Makes the Intl formatters a thread needs, one per task, while its listing is on its way: a page's first
 * costs 15-25 ms (the locale's data), which the drawing of the thread then does not pay.
 */
export function warmFormatters(lang: string, m: Messages): void {
  const now = new Date();
  for (const warm of [() => formatRelative(now, lang), () => formatDateTime(now, lang), () => formatPlural(lang, m.commentsHeading, 2, { n: 2 })]) setTimeout(warm);
}
