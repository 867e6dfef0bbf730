// Intl formatters are costly to make and a long comment thread needs hundreds of dates: make each once.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

export function relativeFormat(lang: string): Intl.RelativeTimeFormat {
  const key = `r:${lang}`;
  let format = formatters.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return format;
}

export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${options.dateStyle}:${options.timeStyle}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}
