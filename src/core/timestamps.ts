// The dates of comments: apart from dates.ts, so that a page of cards (which shows only publication dates) does not load them.
import { dateFormat, relativeFormat } from './intl-formats.js';

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000_000],
  ['month', 2_592_000_000],
  ['week', 604_800_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 minutes ago", "2 months ago", "now": how long ago `date` was, in the reader's language. */
export function formatRelative(date: Date, lang: string, now = Date.now()): string {
  const age = Math.max(0, now - date.getTime());
  const relative = relativeFormat(lang);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (age >= size) return relative.format(-Math.floor(age / size), unit);
  }
  return relative.format(0, 'second');
}

/** The exact date and time, for a tooltip. */
export function formatDateTime(date: Date, lang: string): string {
  return dateFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
