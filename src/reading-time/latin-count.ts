import type { TextCounts } from './count.js';
import { DOT_OR_HYPHEN, SEPARATOR } from './kinds.js';
import { urlEnd } from './urls.js';

/**
 * A code unit the compact counter does not know: anything but U+0000–U+052F (Latin, IPA, combining marks,
 * Greek, Cyrillic) and U+2000–U+206F (general punctuation). The text of most articles holds none.
 */
const BEYOND = /[^\0-\u052f\u2000-\u206f]/;

/**
 * The classes of classes.ts for U+0000–U+206F, written as its RUNS are (U+0530–U+1FFF, never read, as LETTER):
 * separators, letters, punctuation, dots and hyphens, joiners (soft hyphen, combining marks, ZWJ).
 * test/reading-time/latin-count.test.ts checks the counts against countText.
 */
const RUNS = '0AxCcI2C1BaC7BqC6BqC4AyC9B1C2J1C4B2C1B1C3B2C1B3C1BnC1BvC1BegJ34B5n4AcJ2C2I3A3CgA1C1A2C5A1C1bA1J5C';

let classes: Uint8Array | undefined;

function latinClasses(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(0x2070);
  let start = 0;
  let kind = SEPARATOR;
  for (const [, distance, next] of RUNS.matchAll(/([\da-z]+)([A-Z])/g)) {
    classes.fill(kind, start, (start += parseInt(distance!, 36)));
    kind = next!.charCodeAt(0) - 65;
  }
  return classes.fill(kind, start);
}

/**
 * `countText` for text of Latin, Greek and Cyrillic letters, punctuation and spaces: the same counts, without
 * the full counter's table (fetched on demand); undefined when `text` holds anything else.
 */
export function countLatinText(text: string, _lang?: string, into: TextCounts = { words: 0, characters: 0 }): TextCounts | undefined {
  if (BEYOND.test(text)) return undefined;
  const table = latinClasses();
  let words = 0;
  // 0: between words, 1: in one (classes.ts's bit patterns)
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = table[code]!;
    if (kind < DOT_OR_HYPHEN) {
      words += kind & ~state & 1;
      state = (kind & 1) | (state & (kind >> 1));
    } else if (kind === DOT_OR_HYPHEN && i > 0 && text.charCodeAt(i - 1) === code) {
      // doubled ("wait...what", "this--that"): ends the word, unless that word is a URL
      const end = state ? urlEnd(text, i, table) : 0;
      if (end > i) i = end - 1;
      else state = 0;
    }
  }
  into.words += words;
  return into;
}
