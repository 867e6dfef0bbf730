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

// Intl.RelativeTimeFormat#format costs more than the rest of a comment's header, and a thread's comments say
// the same few things ("3 days ago"): each phrase is formatted once.
const phrases = new Map<string, string>();

/** "3 minutes ago", "2 months ago", "now": how long ago `date` was, in the reader's language. */
export function formatRelative(date: Date, lang: string, now = Date.now()): string {
  const age = Math.max(0, now - date.getTime());
  const found = RELATIVE_UNITS.find(([, size]) => age >= size);
  const [unit, n]: [Intl.RelativeTimeFormatUnit, number] = found ? [found[0], -Math.floor(age / found[1])] : ['second', 0];
  const key = `${lang} ${n} ${unit}`;
  let phrase = phrases.get(key);
  if (phrase === undefined) phrases.set(key, (phrase = relativeFormat(lang).format(n, unit)));
  return phrase;
}

/** The exact date and time, for a tooltip. */
export function formatDateTime(date: Date, lang: string): string {
  return dateFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
