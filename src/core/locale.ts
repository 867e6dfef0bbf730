/**
 * The language that applies to `node`: its own or its nearest ancestor's `lang`, looking past shadow roots
 * to their hosts, else the document's, else the browser's.
 */
export function languageOf(node: Element | null | undefined): string {
  let current: Element | null | undefined = node;
  while (current) {
    const tagged = current.closest('[lang]')?.getAttribute('lang');
    if (tagged) return canonicalLanguage(tagged);
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return canonicalLanguage(document.documentElement.lang || navigator.language || 'en');
}

const canonical = new Map<string, string>();

/** A valid BCP 47 tag for `Intl`, or `en` when the page gives a malformed one (`lang="english"` must not throw). */
export function canonicalLanguage(tag: string): string {
  let found = canonical.get(tag);
  if (found === undefined) {
    try {
      found = Intl.getCanonicalLocales(tag.trim())[0] ?? 'en';
    } catch {
      found = 'en';
    }
    canonical.set(tag, found);
  }
  return found;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

export function formatNumber(lang: string, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(value);
}
