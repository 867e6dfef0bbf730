import { enCore } from './messages/en-core.js';
import { catalogues, pluralLanguages } from './messages/catalogues.js';
import type { Messages, PluralMessage } from './messages/messages.js';
import { formatNumber, languageFallbacks, pluralCategory } from './locale.js';

export type { Messages, PluralMessage };

/** What an element needs to speak one language. */
export interface Locale {
  /** The language of the words, and the one `Intl` formats numbers and dates in: the element's, or `en` when Inkwell cannot speak it. */
  readonly lang: string;
  readonly messages: Messages;
}

/** Where a tag's words come from: a shipped catalogue (`base`), the site's own strings only, or nothing (English). */
interface Resolution {
  /** The catalogue the words start from: a key of `shipped`, or `en`. */
  readonly base: string;
  /** The keys whose overrides apply, most general first. */
  readonly overridden: readonly string[];
  /** The language `Intl` formats in. */
  readonly lang: string;
  /** The language whose plural rules the words follow. */
  readonly plural: string;
}

const shipped = new Map<string, { tag: string; load: () => Promise<Messages> }>(
  Object.entries(catalogues).map(([tag, load]) => [tag.toLowerCase(), { tag, load }]),
);
// English starts with the strings of the elements any page may show; the typo reporter and the comment box
// bring the rest with their code (addEnglish), so that a page without them does not download their words.
const loaded = new Map<string, Messages>([['en', enCore as Messages]]);
const loading = new Map<string, Promise<void>>();
const failed = new Set<string>();
const overrides = new Map<string, Partial<Messages>>();
const resolutions = new Map<string, Resolution>();
const locales = new Map<string, Locale>();
const warned = new Set<string>();
const listeners = new Set<() => void>();

function changed(): void {
  resolutions.clear();
  locales.clear();
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever strings change: a catalogue arrived, or a site registered its own. */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function resolve(tag: string): Resolution {
  let found = resolutions.get(tag);
  if (found) return found;
  const keys = languageFallbacks(tag, hasKeyBelow);
  const at = keys.findIndex((key) => key === 'en' || (shipped.has(key) && !failed.has(key)));
  if (at >= 0) {
    const base = keys[at];
    const plural = base === 'en' ? 'en' : pluralLanguages[shipped.get(base)!.tag] ?? shipped.get(base)!.tag;
    found = { base, overridden: keys.slice(0, at + 1).reverse(), lang: tag, plural };
  } else if (keys.some((key) => overrides.has(key))) {
    // A language the site brought itself with registerMessages: its words over English, its own rules.
    found = { base: 'en', overridden: keys.slice().reverse(), lang: tag, plural: tag };
  } else {
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(`[inkwell] No strings for the language "${tag}": showing English. registerMessages('${tag}', …) adds them.`);
    }
    found = { base: 'en', overridden: ['en'], lang: 'en', plural: 'en' };
  }
  resolutions.set(tag, found);
  return found;
}

/** Whether a shipped or registered catalogue's key is more specific than `language` (`zh-hans`, a site's `sr-latn`). */
function hasKeyBelow(language: string): boolean {
  const prefix = `${language.toLowerCase()}-`;
  return [...shipped.keys(), ...overrides.keys()].some((key) => key.startsWith(prefix));
}

function load(key: string): Promise<void> {
  let pending = loading.get(key);
  if (!pending) {
    pending = shipped
      .get(key)!
      .load()
      .then(
        (messages) => void loaded.set(key, messages),
        (error: unknown) => {
          failed.add(key);
          console.warn(`[inkwell] Could not load the "${key}" strings; falling back.`, error);
        },
      )
      .then(changed);
    loading.set(key, pending);
  }
  return pending;
}

/**
 * The words and formatting language for `tag`, or undefined while its catalogue is on its way (it is
 * requested once; `localeReady` says when it is there).
 */
export function localeFor(tag: string): Locale | undefined {
  let locale = locales.get(tag);
  if (locale) return locale;
  const { base, overridden, lang } = resolve(tag);
  let messages = loaded.get(base);
  if (!messages) {
    void load(base);
    return undefined;
  }
  for (const key of overridden) {
    const own = overrides.get(key);
    if (own) messages = { ...messages, ...own };
  }
  locale = { lang, messages };
  locales.set(tag, locale);
  return locale;
}

/** Settles when `tag`'s catalogue has arrived (or failed, and English stands in); undefined when it is already here. */
export function localeReady(tag: string): Promise<void> | undefined {
  const { base } = resolve(tag);
  return loaded.has(base) ? undefined : load(base);
}

/**
 * Changes some of Inkwell's strings for a language, or adds a language: `partial` is merged over the
 * shipped catalogue (over English for a language Inkwell does not ship). An override for `en` also
 * applies to `en-GB`; one for `pt`, to `pt-BR`. Elements already on the page show the new strings.
 */
export function registerMessages(lang: string, partial: Partial<Messages>): void {
  const key = lang.trim().toLowerCase();
  overrides.set(key, { ...overrides.get(key), ...partial });
  changed();
}

/** The catalogue for `lang` as far as it is loaded; English (with the site's overrides) until then. */
export function messagesFor(lang: string): Messages {
  return (localeFor(lang) ?? localeFor('en')!).messages;
}

/** Replaces every `{name}` in `template`: numbers formatted for `lang`, strings as they are. */
export function fill(lang: string, template: string, values: Record<string, number | string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** Fills a plural message, its form chosen by `count` under the plural rules of the words' own language. */
export function formatPlural(
  lang: string,
  message: PluralMessage,
  count: number,
  values: Record<string, number | string>,
): string {
  return fill(lang, message[pluralCategory(resolve(lang).plural, count)] ?? message.other, values);
}

/** Completes the English catalogue with the strings of elements that bring their own (see failure.ts). */
export function addEnglish(messages: Partial<Messages>): void {
  loaded.set('en', { ...loaded.get('en'), ...messages } as Messages);
  changed();
}
