import type { Messages } from './messages.js';

/**
 * Every catalogue Inkwell ships besides English, fetched the first time a page needs it (one chunk per
 * language). Each import names its file literally, so the bundler splits one chunk per language.
 * Adding a language is its file beside this one and one line here, keyed by its BCP 47 tag.
 */
export const catalogues: Readonly<Record<string, () => Promise<Messages>>> = {
  ar: () => import('./ar.js').then((file) => file.ar),
  de: () => import('./de.js').then((file) => file.de),
  es: () => import('./es.js').then((file) => file.es),
  fr: () => import('./fr.js').then((file) => file.fr),
  he: () => import('./he.js').then((file) => file.he),
  hi: () => import('./hi.js').then((file) => file.hi),
  it: () => import('./it.js').then((file) => file.it),
  ja: () => import('./ja.js').then((file) => file.ja),
  ko: () => import('./ko.js').then((file) => file.ko),
  nl: () => import('./nl.js').then((file) => file.nl),
  pl: () => import('./pl.js').then((file) => file.pl),
  pt: () => import('./pt.js').then((file) => file.pt),
  'pt-BR': () => import('./pt-BR.js').then((file) => file.ptBR),
  ru: () => import('./ru.js').then((file) => file.ru),
  tr: () => import('./tr.js').then((file) => file.tr),
  uk: () => import('./uk.js').then((file) => file.uk),
  'zh-Hans': () => import('./zh-Hans.js').then((file) => file.zhHans),
  'zh-Hant': () => import('./zh-Hant.js').then((file) => file.zhHant),
};

/**
 * The `Intl` language whose plural rules a catalogue's words follow, when it is not the catalogue's tag:
 * `pt` is European Portuguese (Brazilian has `pt-BR`), and CLDR's `pt` rules are Brazil's.
 */
export const pluralLanguages: Readonly<Record<string, string>> = {
  pt: 'pt-PT',
};
