import type { Messages } from './messages.js';

/**
 * Every catalogue Inkwell ships besides English, fetched the first time a page needs it (one chunk per
 * language). Each import names its file literally, so the bundler splits one chunk per language.
 * Adding a language is its file beside this one and one line here, keyed by its BCP 47 tag.
 */
export const catalogues: Readonly<Record<string, () => Promise<Messages>>> = {
  de: () => import('./de.js').then((file) => file.de),
};

/**
 * The `Intl` language whose plural rules a catalogue's words follow, when it is not the catalogue's tag:
 * `pt` is European Portuguese (Brazilian has `pt-BR`), and CLDR's `pt` rules are Brazil's.
 */
export const pluralLanguages: Readonly<Record<string, string>> = {
  pt: 'pt-PT',
};
