import { DOT_OR_HYPHEN, LETTER, PUNCTUATION, SEPARATOR } from './kinds.js';

/**
 * How far back a URL is looked for when something would break it: a bound that keeps
 * pathological input ("a..a..a.." without spaces) linear. Longer URLs that hold a doubled dot,
 * an emoji or a Han character count as more than one word.
 */
const URL_LOOKBEHIND = 256;

/** The first letter of the word that holds the code unit at `i`. */
function currentWordStart(text: string, i: number, table: Uint8Array): number {
  const limit = Math.max(0, i - URL_LOOKBEHIND);
  let start = i;
  while (start > limit) {
    const code = text.charCodeAt(start - 1);
    const kind = table[code];
    if (kind !== LETTER && kind !== PUNCTUATION && kind !== DOT_OR_HYPHEN) break;
    if (kind === DOT_OR_HYPHEN && start - 1 < i - 1 && text.charCodeAt(start - 2) === code) break; // "..", "--" ended a word
    start--;
  }
  while (start < i && table[text.charCodeAt(start)] !== LETTER) start++;
  return start;
}

/**
 * The end of the URL (http://, https://, www.) that the word holding the code unit at `i` is, up to the next
 * separator; at most `i` when that word is none. Shared by the full counter and the compact one.
 */
export function urlEnd(text: string, i: number, table: Uint8Array): number {
  const start = currentWordStart(text, i, table);
  if (!startsWithIgnoringCase(text, start, 'http://') && !startsWithIgnoringCase(text, start, 'https://') && !startsWithIgnoringCase(text, start, 'www.')) {
    return start;
  }
  let end = start;
  while (end < text.length && table[text.charCodeAt(end)] !== SEPARATOR) end++;
  return end;
}

function startsWithIgnoringCase(text: string, start: number, lowerCasePrefix: string): boolean {
  if (start + lowerCasePrefix.length > text.length) return false;
  for (let k = 0; k < lowerCasePrefix.length; k++) {
    // ASCII letters only: setting bit 0x20 lower-cases them and leaves ':', '/', '.' alone
    if ((text.charCodeAt(start + k) | 0x20) !== (lowerCasePrefix.charCodeAt(k) | 0x20)) return false;
  }
  return true;
}
