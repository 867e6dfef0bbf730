import { enCore } from './messages/en-core.js';
import type { Messages, PluralMessage } from './messages/messages.js';
import { formatNumber, pluralCategory } from './locale.js';

export type { Messages, PluralMessage };

/** What an element needs to speak one language. */
export interface Locale {
  /** The language of the words, and the one `Intl` formats numbers and dates in: the element's, or `en` when Inkwell cannot speak it. */
  readonly lang: string;
  readonly messages: Messages;
}

/** Where a tag's words come from: a shipped catalogue (`base`), the site's own strings only, or nothing (English). */
export interface Resolution {
  /** The catalogue the words start from: a key of `shipped`, or `en`. */
  readonly base: string;
  /** The keys whose overrides apply, most general first. */
  readonly overridden: readonly string[];
  /** The language `Intl` formats in. */
  readonly lang: string;
  /** The language whose plural rules the words follow. */
  readonly plural: string;
}

// English starts with the strings of the elements any page may show; the rest come with the code that shows them
// (addEnglish: the typo reporter's hint and dialog, the comment box's thread and forms, the inbox), so that a page
// downloads no words before the code that shows them.
const loaded = new Map<string, Messages>([['en', enCore as Messages]]);
const loading = new Map<string, Promise<void>>();
const overrides = new Map<string, Partial<Messages>>();
const resolutions = new Map<string, Resolution>();
const locales = new Map<string, Locale>();
const listeners = new Set<() => void>();
// The other languages' machinery (languages.ts) is fetched by the first element in one; until then only English resolves.
let languages: typeof import('./languages.js') | undefined;
let languagesLoading: Promise<void> | undefined;
let languagesFailed = false;
const waiting = new Map<string, Promise<void>>();
const ENGLISH: Resolution = { base: 'en', overridden: ['en'], lang: 'en', plural: 'en' };

function changed(): void {
  resolutions.clear();
  locales.clear();
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever strings change: a catalogue arrived, or a site registered its own (once, however often it is given). */
export function onMessagesChanged(listener: () => void): void {
  listeners.add(listener);
}

/** Fetches the machinery of languages other than English (the server render does it up front); English if it fails. */
export function loadLanguages(): Promise<void> {
  return (languagesLoading ??= import('./languages.js').then(
    (module) => void (languages = module),
    (error: unknown) => {
      languagesFailed = true;
      console.warn('[inkwell] Could not load the languages other than English; showing English.', error);
    },
  ));
}

/**
 * `tag`'s resolution, or undefined until the machinery of other languages is here. `en` and `en-` plus a region
 * resolve without it, as it would resolve them: the only other key a site's strings may have for them is `en-latn`.
 */
function resolve(tag: string): Resolution | undefined {
  let found = resolutions.get(tag);
  if (!found) {
    const key = tag.toLowerCase();
    if (/^en(-([a-z]{2}|\d{3}))?$/.test(key)) found = { ...ENGLISH, overridden: key === 'en' ? ['en'] : ['en', 'en-latn', key], lang: tag };
    else if (languages) found = languages.resolveLanguage(tag, overrides);
    else if (languagesFailed) found = ENGLISH;
    if (found) resolutions.set(tag, found);
  }
  return found;
}

function load(key: string): Promise<void> {
  let pending = loading.get(key);
  if (!pending) {
    pending = languages!
      .loadCatalogue(key)
      .then((messages) => void (messages && loaded.set(key, messages)))
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
  const resolution = resolve(tag);
  let messages = resolution && loaded.get(resolution.base);
  if (!messages) {
    void localeReady(tag);
    return undefined;
  }
  for (const key of resolution!.overridden) {
    const own = overrides.get(key);
    if (own) messages = { ...messages, ...own };
  }
  locale = { lang: resolution!.lang, messages };
  locales.set(tag, locale);
  return locale;
}

/** Settles when `tag`'s catalogue has arrived (or failed, and English stands in); undefined when it is already here. */
export function localeReady(tag: string): Promise<void> | undefined {
  const resolution = resolve(tag);
  if (resolution) return loaded.has(resolution.base) ? undefined : load(resolution.base);
  // Before the machinery: one wait per language (`de-AT` and `de`), the machinery and then the catalogue.
  const language = tag.split('-')[0].toLowerCase();
  let pending = waiting.get(language);
  if (!pending) waiting.set(language, (pending = loadLanguages().then(() => localeReady(tag))));
  return pending;
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
  return fill(lang, message[pluralCategory(resolve(lang)?.plural ?? lang, count)] ?? message.other, values);
}

/**
 * Completes the English catalogue with the strings that come with some code (the comment box's forms, the typo
 * dialog …). They change nothing on screen (no element could show them before their code came, and a string two
 * parts share is the same in both: test/core/english-by-element.test.ts), so the elements are not redrawn, only
 * look their words up again: the forms' or the dialog's arrival does not redraw a long thread.
 */
export function addEnglish(messages: Partial<Messages>): void {
  loaded.set('en', { ...loaded.get('en'), ...messages } as Messages);
  locales.clear();
}
