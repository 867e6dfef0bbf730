import { en } from './messages/en.js';
import { de } from './messages/de.js';
import type { Messages, PluralMessage } from './messages/messages.js';
import { formatNumber, languageFallbacks, pluralCategory } from './locale.js';

export type { Messages, PluralMessage };

const catalogues = new Map<string, Messages>([
  ['en', en],
  ['de', de],
]);

/** Adds or replaces the strings of a language; locale files loaded on demand call this. */
export function registerMessages(lang: string, messages: Messages): void {
  catalogues.set(lang.toLowerCase(), messages);
}

/** The catalogue for `lang`, falling back from region to language to English. */
export function messagesFor(lang: string): Messages {
  for (const key of languageFallbacks(lang)) {
    const found = catalogues.get(key);
    if (found) return found;
  }
  return en;
}

/** Replaces every `{name}` in `template`: numbers formatted for `lang`, strings as they are. */
export function fill(lang: string, template: string, values: Record<string, number | string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** Fills a plural message, its form chosen by `count` under `lang`'s plural rules. */
export function formatPlural(
  lang: string,
  message: PluralMessage,
  count: number,
  values: Record<string, number | string>,
): string {
  return fill(lang, message[pluralCategory(lang, count)] ?? message.other, values);
}
