/** What a text holds for a reader: words, and Han/kana characters read one by one. */
export interface TextCounts {
  /** Space-separated words (any script, Hangul included), segmented Thai/Lao/Khmer/Burmese words, URLs, numbers, emoji. */
  words: number;
  /** Han and kana characters, each read as a unit. */
  characters: number;
}

import { codeUnitClasses } from './classes.js';
import { DOT_OR_HYPHEN, IDEOGRAPH, JOINER, KEYCAP, PUNCTUATION, SEGMENTED, SEPARATOR, SYMBOL_EMOJI } from './kinds.js';
import { urlEnd } from './urls.js';

const NONE = 0;
const IN_WORD = 1;
const IN_EMOJI = 2;

/** Where the count stands between code units, for the less common ones handled out of the hot loop. */
interface Scan {
  words: number;
  characters: number;
  state: number;
  /** An emoji followed by ZWJ: the next emoji belongs to it. */
  joinNext: boolean;
  /** An emoji unit made of one regional indicator so far: the next one completes the flag. */
  halfFlag: boolean;
}

/**
 * Counts the words and Han/kana characters of `text`, adding them to `into` when given.
 *
 * One pass over the UTF-16 code units. Words are runs between separators that hold at least one
 * letter or digit, so punctuation on its own is not a word while "don't", "well-known", "3.14",
 * "1,000,000" and "2026-11-27" are one word each; a URL (http://, https://, www.) is one word up to
 * the next separator; an emoji with its modifiers, ZWJ sequence or flag pair is one word. Each Han
 * or kana character is one character. Runs of Thai, Lao, Khmer and Myanmar script go to
 * `Intl.Segmenter`. A call's end is a word boundary.
 *
 * `lang` is the text's BCP 47 language tag; counting itself depends on the script, not on it.
 */
export function countText(text: string, lang?: string, into: TextCounts = { words: 0, characters: 0 }): TextCounts {
  void lang;
  const table = codeUnitClasses();
  const length = text.length;
  const scan: Scan = { words: 0, characters: 0, state: NONE, joinNext: false, halfFlag: false };
  let words = 0;
  let characters = 0;
  let state = NONE;

  // The hot loop handles the bulk of most texts (letters, spaces, punctuation, Han and kana)
  // without a branch that depends on where words end, which the CPU could not predict;
  // everything else goes to countCodeUnit.
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // Common Han before the table: their entries are spread over 20 KB of it.
    if (code >= 0x4e00 && code <= 0x9fff && state !== IN_WORD) {
      const end = commonHanRunEnd(text, i + 1);
      characters += end - i;
      i = end - 1;
      state = NONE;
      continue;
    }
    const kind = table[code]!;
    if (kind < IDEOGRAPH) {
      // SEPARATOR, LETTER or PUNCTUATION: a letter after anything but a word starts one
      words += kind & ~state & 1;
      state = (kind & 1) | (state & (kind >> 1));
    } else if (kind === IDEOGRAPH && state !== IN_WORD) {
      characters++;
      state = NONE;
    } else {
      scan.words = words;
      scan.characters = characters;
      scan.state = state;
      i = countCodeUnit(text, i, code, table, scan);
      words = scan.words;
      characters = scan.characters;
      state = scan.state;
    }
  }

  into.words += words;
  into.characters += characters;
  return into;
}

/** The end of a run of CJK Unified Ideographs (U+4E00–U+9FFF), kept out of the hot loop so that V8 keeps that loop tight. */
function commonHanRunEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && ((text.charCodeAt(end) - 0x4e00) >>> 0) < 0x5200) end++;
  return end;
}

/** Counts the code unit at `i` into `scan`; returns the index of the last code unit it used. */
function countCodeUnit(text: string, i: number, code: number, table: Uint8Array, scan: Scan): number {
  const kind = table[code]!;
  // A URL is one word up to the next separator, whatever it holds. Checking for one only when a
  // word is about to break keeps the check out of the hot loop.
  const doubled = kind === DOT_OR_HYPHEN && i > 0 && text.charCodeAt(i - 1) === code;
  if (scan.state === IN_WORD && (doubled || kind === IDEOGRAPH || kind >= SEGMENTED)) {
    const end = urlEnd(text, i, table);
    if (end > i) return end - 1;
  }
  // LETTER, PUNCTUATION and SEPARATOR never get here.
  if (kind === DOT_OR_HYPHEN) {
    if (doubled) scan.state = NONE;
  } else if (kind === JOINER) {
    if (code === 0x200d && scan.state === IN_EMOJI) scan.joinNext = true;
  } else if (kind === IDEOGRAPH) {
    scan.characters++;
    scan.state = NONE;
  } else if (kind === SEGMENTED) {
    const end = segmentedRunEnd(text, i, table);
    scan.words += countSegmentedWords(text, i, end, table);
    scan.state = NONE;
    return end - 1;
  } else if (kind === SYMBOL_EMOJI) {
    if (scan.state !== IN_EMOJI || !scan.joinNext) scan.words++;
    startEmoji(scan, false);
  } else if (kind === KEYCAP) {
    // '#', '*' or a digit before U+20E3 makes a keycap emoji; the digit was already counted
    if (scan.state === NONE) scan.words++;
    startEmoji(scan, false);
  } else {
    return countSurrogatePair(text, i, code, scan);
  }
  return i;
}

function startEmoji(scan: Scan, halfFlag: boolean): void {
  scan.state = IN_EMOJI;
  scan.joinNext = false;
  scan.halfFlag = halfFlag;
}

function countSurrogatePair(text: string, i: number, high: number, scan: Scan): number {
  const low = text.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return i; // a lone surrogate: ignored
  if (high >= 0xd83c && high <= 0xd83e) {
    // U+1F000–U+1FBFF: emoji, including regional indicators and skin-tone modifiers
    const point = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    const regional = point >= 0x1f1e6 && point <= 0x1f1ff;
    const modifier = point >= 0x1f3fb && point <= 0x1f3ff;
    const pairsWithFlag = regional && scan.halfFlag;
    const continues = scan.state === IN_EMOJI && (scan.joinNext || modifier || pairsWithFlag);
    if (!continues) scan.words++;
    startEmoji(scan, regional && !(continues && pairsWithFlag));
  } else if (high === 0xdb40) {
    // U+E0000–U+E01EF: tag characters (subdivision flags) and variation selectors
  } else if ((high >= 0xd840 && high <= 0xd8bf) || high === 0xd82c) {
    // U+20000–U+3FFFF (CJK extensions B–J) and the kana supplement
    scan.characters++;
    scan.state = NONE;
  } else if (scan.state !== IN_WORD) {
    // a letter outside the BMP: historic scripts, mathematical alphanumerics, Adlam…
    scan.state = IN_WORD;
    scan.words++;
  }
  return i + 1;
}

/**
 * A block of segmented script runs on over spaces and punctuation as long as more of that script
 * follows, so that a paragraph of Thai is one segmenter call, not one per phrase.
 */
function segmentedRunEnd(text: string, start: number, table: Uint8Array): number {
  let end = start + 1;
  for (let j = end; j < text.length; j++) {
    const kind = table[text.charCodeAt(j)];
    if (kind === SEGMENTED) end = j + 1;
    else if (kind !== SEPARATOR && kind !== PUNCTUATION && kind !== DOT_OR_HYPHEN && kind !== JOINER) break;
  }
  return end;
}

/**
 * V8's ICU segmenter slows down sharply on long strings; blocks are cut below this length,
 * preferably at a separator in the last quarter.
 */
const MAX_SEGMENTER_INPUT = 9_000;

/**
 * Without Intl.Segmenter (very old browsers), a word is taken to be this many code units long:
 * Thai words average two syllables of two to three code units each (consonant, vowel and tone marks).
 */
const CODE_UNITS_PER_SEGMENTED_WORD = 5;

function countSegmentedWords(text: string, start: number, end: number, table: Uint8Array): number {
  const segmenter = wordSegmenter(segmenterLocale(text.charCodeAt(start)));
  if (!segmenter) {
    let scriptUnits = 0;
    for (let j = start; j < end; j++) if (table[text.charCodeAt(j)] === SEGMENTED) scriptUnits++;
    return Math.max(1, Math.round(scriptUnits / CODE_UNITS_PER_SEGMENTED_WORD));
  }
  let words = 0;
  for (let from = start; from < end; ) {
    let to = Math.min(end, from + MAX_SEGMENTER_INPUT);
    if (to < end) {
      let cut = to;
      const earliest = to - (MAX_SEGMENTER_INPUT >> 2);
      while (cut > earliest && table[text.charCodeAt(cut)] !== SEPARATOR) cut--;
      if (cut > earliest) to = cut;
    }
    for (const segment of segmenter.segment(text.slice(from, to))) {
      // Firefox 153 reports a word just before a space or punctuation as not word-like, so a
      // segment that starts with a letter of the script counts too.
      if (segment.isWordLike || table[segment.segment.charCodeAt(0)] === SEGMENTED) words++;
    }
    from = to;
  }
  return words;
}

/**
 * ICU chooses its Thai, Lao, Khmer and Burmese dictionaries by script, not by locale, so the
 * segmenter gets the script's own language: a bad page `lang` can never make it throw, and at
 * most four instances are ever created.
 */
function segmenterLocale(code: number): string {
  if (code < 0x0e80) return 'th';
  if (code < 0x0f00) return 'lo';
  if (code >= 0x1780 && code < 0x1a00) return 'km';
  return 'my';
}

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter | undefined {
  if (typeof Intl.Segmenter !== 'function') return undefined;
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}
