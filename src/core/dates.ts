import { dateFormat, relativeFormat } from './intl-formats.js';

const RELATIVE_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** A `Date` from an ISO 8601 string, or undefined when it does not parse. */
export function parseDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "3 days ago" within the last seven days, else the date in the reader's language ("20 Nov 2026"). */
export function formatPublished(date: Date, lang: string, now = Date.now()): string {
  const age = now - date.getTime();
  if (age >= 0 && age < RELATIVE_LIMIT_MS) {
    const relative = relativeFormat(lang);
    for (const [unit, size] of UNITS) {
      if (age >= size) return relative.format(-Math.floor(age / size), unit);
    }
    return relative.format(0, 'minute');
  }
  return formatFullDate(date, lang, 'medium');
}

export function formatFullDate(date: Date, lang: string, style: 'medium' | 'long' = 'long'): string {
  return dateFormat(lang, { dateStyle: style }).format(date);
}

