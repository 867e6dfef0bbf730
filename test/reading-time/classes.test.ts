import { expect } from '@open-wc/testing';
import {
  DOT_OR_HYPHEN,
  HIGH_SURROGATE,
  IDEOGRAPH,
  JOINER,
  KEYCAP,
  LETTER,
  PUNCTUATION,
  SEGMENTED,
  SEPARATOR,
  SYMBOL_EMOJI,
  codeUnitClasses,
} from '../../src/reading-time/classes.js';

/**
 * The counter's table of code unit classes, range by range with the reason for each: the source of
 * truth for the compact string in src/reading-time/classes.ts. Everything not listed is a LETTER:
 * the scripts that separate words with spaces need no entry of their own. Later ranges win.
 */
function readableTable(): Uint8Array {
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
  return table;
}

/** The string src/reading-time/classes.ts decodes `table` from. */
function encode(table: Uint8Array): string {
  let runs = '';
  let previous = 0;
  table.forEach((kind, code) => {
    if (code > 0 && kind === table[code - 1]) return;
    runs += (code - previous).toString(36) + String.fromCharCode(65 + kind);
    previous = code;
  });
  return runs;
}

describe('code unit classes', () => {
  it('decodes to the readable table, code unit by code unit', () => {
    const expected = readableTable();
    const actual = codeUnitClasses();
    const wrong = expected.findIndex((kind, code) => actual[code] !== kind);
    // On a change to the readable table, RUNS in src/reading-time/classes.ts becomes this string:
    expect(wrong, `first wrong code unit; RUNS should be '${encode(expected)}'`).to.equal(-1);
    expect(actual.length).to.equal(0x10000);
  });

  it('keeps the classes the hot loop depends on', () => {
    const table = codeUnitClasses();
    expect([...' a.-,'].map((c) => table[c.charCodeAt(0)])).to.deep.equal([SEPARATOR, LETTER, DOT_OR_HYPHEN, DOT_OR_HYPHEN, PUNCTUATION]);
    expect(table[0x4e2d]).to.equal(IDEOGRAPH); // 中
    expect(table[0x0e01]).to.equal(SEGMENTED); // ก
    expect(table[0x2600]).to.equal(SYMBOL_EMOJI);
    expect(table[0xd83d]).to.equal(HIGH_SURROGATE);
    expect(table[0x20e3]).to.equal(KEYCAP);
    expect(table[0x200d]).to.equal(JOINER);
  });
});
