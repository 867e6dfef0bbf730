/** What a text holds for a reader: words, and Han/kana characters read one by one. */
export interface TextCounts {
  /** Space-separated words (any script, Hangul included), segmented Thai/Lao/Khmer/Burmese words, URLs, numbers, emoji. */
  words: number;
  /** Han and kana characters, each read as a unit. */
  characters: number;
}

// Classes of UTF-16 code units. Everything not listed in the table is a LETTER: the scripts that
// separate words with spaces need no entry of their own. The values of the first three are bit
// patterns the hot loop computes with (bit 0: in a word after it; bit 1: keeps the state before it).
/** Ends a word: white space, dashes, ellipsis, CJK and full-width punctuation. */
const SEPARATOR = 0;
const LETTER = 1;
/** Neither starts nor ends a word: "don't", "well-known", "3.14", "(word)". */
const PUNCTUATION = 2;
/** Han, kana, bopomofo, Yi: one unit per character. */
const IDEOGRAPH = 4;
/** '.' and '-': doubled ("wait...what", "this--that") they end a word. */
const DOT_OR_HYPHEN = 8;
/** Continues whatever precedes it: combining marks, variation selectors, ZWJ, soft hyphen. */
const JOINER = 9;
/** Thai, Lao, Khmer, Myanmar: no spaces between words, handed to Intl.Segmenter. */
const SEGMENTED = 10;
/** Emoji in the BMP (☀, ✈, ❤, ⭐ …). */
const SYMBOL_EMOJI = 11;
const HIGH_SURROGATE = 12;
/** U+20E3, which makes a keycap emoji of the digit, '#' or '*' before it. */
const KEYCAP = 13;

let classes: Uint8Array | undefined;

function codeUnitClasses(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000).fill(LETTER);
  const set = (from: number, to: number, kind: number): void => {
    table.fill(kind, from, to + 1);
  };
  set(0x00, 0x20, SEPARATOR);
  set(0x21, 0x2f, PUNCTUATION);
  set(0x3a, 0x40, PUNCTUATION);
  set(0x5b, 0x60, PUNCTUATION);
  set(0x7b, 0x7e, PUNCTUATION);
  set(0x7f, 0xa0, SEPARATOR);
  set(0xa1, 0xbf, PUNCTUATION);
  table[0x2e] = DOT_OR_HYPHEN;
  table[0x2d] = DOT_OR_HYPHEN;
  for (const c of [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]) table[c] = LETTER; // ª ² ³ µ ¹ º ¼ ½ ¾
  table[0xad] = JOINER; // soft hyphen
  table[0xd7] = PUNCTUATION; // ×
  table[0xf7] = PUNCTUATION; // ÷
  set(0x0300, 0x036f, JOINER);
  for (const c of [0x060c, 0x061b, 0x061f, 0x06d4, 0x0964, 0x0965, 0x05be]) table[c] = PUNCTUATION;
  set(0x0e00, 0x0eff, SEGMENTED); // Thai, Lao
  set(0x1000, 0x109f, SEGMENTED); // Myanmar
  // Punctuation and repetition marks of those scripts: ฯ ๆ ๏ ๚ ๛, ຯ ໆ, ၊ ။, ។ ៕ ៖ ៗ ៘ ៙ ៚
  for (const c of [0x0e2f, 0x0e46, 0x0e4f, 0x0e5a, 0x0e5b, 0x0eaf, 0x0ec6, 0x104a, 0x104b]) table[c] = PUNCTUATION;
  table[0x1680] = SEPARATOR;
  set(0x1780, 0x17ff, SEGMENTED); // Khmer
  set(0x17d4, 0x17da, PUNCTUATION);
  set(0x19e0, 0x19ff, SEGMENTED); // Khmer symbols
  set(0x1ab0, 0x1aff, JOINER);
  set(0x1dc0, 0x1dff, JOINER);
  set(0x2000, 0x200b, SEPARATOR); // spaces, zero-width space
  set(0x200c, 0x200d, JOINER); // ZWNJ, ZWJ: inside Persian and Indic words, and emoji sequences
  set(0x200e, 0x206f, PUNCTUATION);
  set(0x2010, 0x2012, DOT_OR_HYPHEN); // hyphens
  set(0x2013, 0x2015, SEPARATOR); // en dash, em dash, horizontal bar
  set(0x2028, 0x2029, SEPARATOR);
  table[0x2026] = SEPARATOR; // …
  table[0x202f] = SEPARATOR;
  table[0x205f] = SEPARATOR;
  set(0x2060, 0x2064, JOINER);
  set(0x20a0, 0x20cf, PUNCTUATION); // currency signs
  set(0x20d0, 0x20ff, JOINER);
  table[0x20e3] = KEYCAP;
  set(0x2100, 0x214f, PUNCTUATION); // ™ ℃ №
  set(0x2190, 0x245f, PUNCTUATION); // arrows, mathematical and technical symbols
  set(0x2500, 0x25ff, PUNCTUATION); // box drawing, geometric shapes
  set(0x2600, 0x27bf, SYMBOL_EMOJI); // miscellaneous symbols, dingbats
  set(0x275b, 0x2760, PUNCTUATION); // ornamental quotation marks
  set(0x2768, 0x2775, PUNCTUATION); // ornamental brackets
  set(0x27c0, 0x2bff, PUNCTUATION);
  for (const c of [0x231a, 0x231b, 0x2328, 0x23cf, 0x2934, 0x2935, 0x2b1b, 0x2b1c, 0x2b50, 0x2b55]) {
    table[c] = SYMBOL_EMOJI;
  }
  set(0x23e9, 0x23f3, SYMBOL_EMOJI);
  set(0x23f8, 0x23fa, SYMBOL_EMOJI);
  set(0x2b05, 0x2b07, SYMBOL_EMOJI);
  set(0x2e00, 0x2e7f, PUNCTUATION);
  set(0x2e3a, 0x2e3b, SEPARATOR); // two- and three-em dashes
  set(0x2e80, 0x2fdf, IDEOGRAPH); // radicals
  set(0x2ff0, 0x2fff, PUNCTUATION);
  set(0x3000, 0x303f, SEPARATOR); // ideographic space and CJK punctuation
  set(0x3005, 0x3007, IDEOGRAPH); // 々 〆 〇
  set(0x3021, 0x3029, IDEOGRAPH);
  set(0x302a, 0x302f, JOINER);
  table[0x3030] = SYMBOL_EMOJI; // 〰
  table[0x303d] = SYMBOL_EMOJI; // 〽
  set(0x3031, 0x3035, IDEOGRAPH);
  set(0x3038, 0x303c, IDEOGRAPH);
  set(0x3041, 0x30ff, IDEOGRAPH); // hiragana, katakana
  set(0x3099, 0x309c, JOINER); // voiced sound marks
  table[0x30a0] = PUNCTUATION;
  table[0x30fb] = SEPARATOR; // katakana middle dot
  set(0x3100, 0x312f, IDEOGRAPH); // bopomofo
  set(0x3190, 0x33ff, IDEOGRAPH); // kanbun, bopomofo, strokes, katakana extension, enclosed and squared CJK
  set(0x3400, 0x4dbf, IDEOGRAPH);
  set(0x4dc0, 0x4dff, PUNCTUATION);
  set(0x4e00, 0x9fff, IDEOGRAPH);
  set(0xa000, 0xa4cf, IDEOGRAPH); // Yi
  set(0xa9e0, 0xa9ff, SEGMENTED); // Myanmar extension B
  set(0xaa60, 0xaa7f, SEGMENTED); // Myanmar extension A
  set(0xd800, 0xdbff, HIGH_SURROGATE);
  set(0xdc00, 0xdfff, PUNCTUATION); // a lone low surrogate
  set(0xe000, 0xf8ff, PUNCTUATION); // private use: icon fonts
  set(0xf900, 0xfaff, IDEOGRAPH);
  set(0xfe00, 0xfe0f, JOINER); // variation selectors
  set(0xfe10, 0xfe1f, SEPARATOR);
  set(0xfe20, 0xfe2f, JOINER);
  set(0xfe30, 0xfe4f, SEPARATOR);
  set(0xfe50, 0xfe6f, PUNCTUATION);
  table[0xfeff] = JOINER;
  set(0xff01, 0xff65, SEPARATOR); // full-width punctuation …
  set(0xff10, 0xff19, LETTER); // … but not full-width digits
  set(0xff21, 0xff3a, LETTER); // and letters
  set(0xff41, 0xff5a, LETTER);
  set(0xff66, 0xff9d, IDEOGRAPH); // half-width katakana
  set(0xff9e, 0xff9f, JOINER);
  set(0xffe0, 0xffff, PUNCTUATION);
  return (classes = table);
}

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
    const end = urlEnd(text, currentWordStart(text, i, table), table);
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

/** The end of a URL starting at `start`, or `start` when none starts there. */
function urlEnd(text: string, start: number, table: Uint8Array): number {
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
