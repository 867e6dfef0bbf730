/** Plural forms keyed by `Intl.PluralRules` category; `other` is always present. `{n}` is the formatted count. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every string Inkwell shows, for one language. */
export interface Messages {
  /** "3 min read". */
  minutesRead: PluralMessage;
  /** "3–4 min read"; the plural form follows `{max}`. */
  minutesReadRange: PluralMessage;
}
