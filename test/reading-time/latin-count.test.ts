import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countText } from '../../src/reading-time/count.js';
import { countLatinText } from '../../src/reading-time/latin-count.js';

/** Every code unit the compact counter knows. */
const KNOWN = [
  ...Array.from({ length: 0x530 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x70 }, (_, code) => String.fromCharCode(0x2000 + code)),
];

/** Pieces that make words, URLs, numbers and the doubled dots and hyphens the counter treats apart. */
const PIECES = [
  'word', 'Ünïcödé', 'слово', 'λέξη', "don't", 'well-known', '3.14', '1,000', 'wait...what', 'this--that', 'a.-b', 'co\u00adop',
  'e\u0301', 'https://example.com/a..b--c', 'HTTP://X.Y', 'www.site..org', 'wwwx..y', 'http:/', '(x)', '—', '…', '‐‐', '\u2011\u2011',
  '\u200d', '\u200b', ' ', '  ', '\n', '\t', '.', '..', '-', '--', '"', '«', '»', '§', '·', '×', '²',
];

const latinText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...KNOWN), fc.string({ unit: fc.constantFrom(...KNOWN) })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('countLatinText', () => {
  it('counts as countText does, for every text of the code units it knows', () => {
    fc.assert(
      fc.property(latinText, (text) => {
        expect(countLatinText(text), JSON.stringify(text)).to.deep.equal(countText(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows every code unit of U+0000–U+052F and U+2000–U+206F, one by one and doubled', () => {
    for (const unit of KNOWN) {
      for (const text of [`a${unit}b`, `a${unit}${unit}b`, `https://a${unit}${unit}b c`, unit]) {
        expect(countLatinText(text), JSON.stringify(text)).to.deep.equal(countText(text));
      }
    }
  });

  it('adds to the counts it is given', () => {
    expect(countLatinText('two words', 'en', { words: 3, characters: 1 })).to.deep.equal({ words: 5, characters: 1 });
  });

  it('leaves to the full counter text with anything else (Han, kana, Thai, Arabic, emoji, a lone surrogate)', () => {
    for (const text of ['日本語', 'かな', 'ภาษาไทย', 'عربي', 'ok 👍', 'x\ud800', 'Ａ', 'a\u2070']) {
      expect(countLatinText(`Latin ${text}`), text).to.equal(undefined);
    }
  });
});
