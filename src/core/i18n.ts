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

/**
 * Fills a plural message: the form is chosen by `count` under `lang`'s plural rules, and every
 * `{name}` is replaced by the formatted number given for it.
 */
export function formatPlural(
  lang: string,
  message: PluralMessage,
  count: number,
  values: Record<string, number>,
): string {
  const template = message[pluralCategory(lang, count)] ?? message.other;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? formatNumber(lang, values[name]) : whole,
  );
}
