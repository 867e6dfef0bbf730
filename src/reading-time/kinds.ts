// Classes of UTF-16 code units. The values of the first three are bit patterns the counter's hot
// loop computes with (bit 0: in a word after it; bit 1: keeps the state before it).
/** Ends a word: white space, dashes, ellipsis, CJK and full-width punctuation. */
export const SEPARATOR = 0;
/** Letters and digits of every script that separates words with spaces: what no other class claims. */
export const LETTER = 1;
/** Neither starts nor ends a word: "don't", "well-known", "3.14", "(word)". */
export const PUNCTUATION = 2;
/** Han, kana, bopomofo, Yi: one unit per character. */
export const IDEOGRAPH = 4;
/** '.' and '-': doubled ("wait...what", "this--that") they end a word. */
export const DOT_OR_HYPHEN = 8;
/** Continues whatever precedes it: combining marks, variation selectors, ZWJ, soft hyphen. */
export const JOINER = 9;
/** Thai, Lao, Khmer, Myanmar: no spaces between words, handed to Intl.Segmenter. */
export const SEGMENTED = 10;
/** Emoji in the BMP (☀, ✈, ❤, ⭐ …). */
export const SYMBOL_EMOJI = 11;
export const HIGH_SURROGATE = 12;
/** U+20E3, which makes a keycap emoji of the digit, '#' or '*' before it. */
export const KEYCAP = 13;
