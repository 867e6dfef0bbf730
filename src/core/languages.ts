// What only a page in a language other than English needs, fetched the first time an element asks for one
// (i18n.ts): the table of shipped catalogues, the fallbacks from a tag to a catalogue, loading one.
import { catalogues, pluralLanguages } from './messages/catalogues.js';
import type { Messages } from './messages/messages.js';
import type { Resolution } from './i18n.js';

const shipped = new Map<string, { tag: string; load: () => Promise<Messages> }>(
  Object.entries(catalogues).map(([tag, load]) => [tag.toLowerCase(), { tag, load }]),
);
const failed = new Set<string>();
const warned = new Set<string>();

/**
 * Candidate catalogue keys for a tag, lower case, most specific first: `pt-BR` → `pt-br`, `pt-latn`, `pt`.
 * The script comes from the tag or from the region's usual one, so `zh-TW` and `zh-HK` reach `zh-hant`
 * and `zh`, `zh-CN` and `zh-SG` reach `zh-hans`.
 */
export function languageFallbacks(tag: string, scriptMatters: (language: string) => boolean = () => true): string[] {
  const keys = [tag];
  try {
    const locale = new Intl.Locale(tag);
    const { language, region } = locale;
    // maximize() loads the likely-subtags data, 7-20 ms on a page's first call: only when a catalogue's key has a script.
    const script = locale.script ?? (scriptMatters(language) ? locale.maximize().script : undefined);
    if (region) keys.push(`${language}-${region}`);
    if (script) keys.push(`${language}-${script}`);
    keys.push(language);
  } catch {
    keys.push(tag.split('-')[0]);
  }
  return [...new Set(keys.map((key) => key.toLowerCase()))];
}

/** Where `tag`'s words come from, given the languages the site registered strings for. */
export function resolveLanguage(tag: string, registered: ReadonlyMap<string, unknown>): Resolution {
  // Whether a shipped or registered catalogue's key is more specific than `language` (`zh-hans`, a site's `sr-latn`).
  const hasKeyBelow = (language: string) => [...shipped.keys(), ...registered.keys()].some((key) => key.startsWith(`${language.toLowerCase()}-`));
  const keys = languageFallbacks(tag, hasKeyBelow);
  const at = keys.findIndex((key) => key === 'en' || (shipped.has(key) && !failed.has(key)));
  if (at >= 0) {
    const base = keys[at];
    const plural = base === 'en' ? 'en' : pluralLanguages[shipped.get(base)!.tag] ?? shipped.get(base)!.tag;
    return { base, overridden: keys.slice(0, at + 1).reverse(), lang: tag, plural };
  }
  // A language the site brought itself with registerMessages: its words over English, its own rules.
  if (keys.some((key) => registered.has(key))) return { base: 'en', overridden: keys.slice().reverse(), lang: tag, plural: tag };
  if (!warned.has(tag)) {
    warned.add(tag);
    console.warn(`[inkwell] No strings for the language "${tag}": showing English. registerMessages('${tag}', …) adds them.`);
  }
  return { base: 'en', overridden: ['en'], lang: 'en', plural: 'en' };
}

/** The shipped catalogue `key`, or undefined when it could not be loaded (the resolution then falls back past it). */
export function loadCatalogue(key: string): Promise<Messages | undefined> {
  return shipped
    .get(key)!
    .load()
    .catch((error: unknown) => {
      failed.add(key);
      console.warn(`[inkwell] Could not load the "${key}" strings; falling back.`, error);
      return undefined;
    });
}
