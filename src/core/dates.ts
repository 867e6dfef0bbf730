const RELATIVE_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// Intl formatters are costly to make and a long comment thread needs hundreds of dates: make each once.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

function relativeFormat(lang: string): Intl.RelativeTimeFormat {
  const key = `r:${lang}`;
  let format = formatters.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return format;
}

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${options.dateStyle}:${options.timeStyle}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}

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

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000_000],
  ['month', 2_592_000_000],
  ['week', 604_800_000],
  ...UNITS,
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
