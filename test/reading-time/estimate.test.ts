import { expect } from '@open-wc/testing';
import {
  countText,
  estimateFromStats,
  estimateReadingTime,
  imageSeconds,
  wordsPerMinute,
} from '../../src/reading-time/estimate.js';

const words = (text: string, lang?: string): number => countText(text, lang).words;
const silent = (aloud: number): number => (aloud * 238) / 228;

describe('countText', () => {
  it('counts space-separated words in English, German, Russian, Arabic, Hebrew and Hindi', () => {
    expect(words('The quick brown fox jumps over the lazy dog.')).to.equal(9);
    expect(words('Über den Wolken muss die Freiheit wohl grenzenlos sein.', 'de')).to.equal(9);
    expect(words('Привет, мир!', 'ru')).to.equal(2);
    expect(words('مرحبا بالعالم الجميل', 'ar')).to.equal(3);
    expect(words('שלום עולם', 'he')).to.equal(2);
    expect(words('नमस्ते दुनिया।', 'hi')).to.equal(2);
  });

  it('counts Chinese and Japanese one character at a time', () => {
    expect(countText('我爱北京天安门。', 'zh')).to.deep.equal({ words: 0, characters: 7 });
    expect(countText('日本語の文章です。カタカナも。', 'ja')).to.deep.equal({ words: 0, characters: 13 });
    expect(countText('𠀀𠀁', 'zh')).to.deep.equal({ words: 0, characters: 2 }); // CJK extension B
  });

  it('counts Korean by space-separated words, not syllables', () => {
    expect(countText('나는 학교에 갑니다', 'ko')).to.deep.equal({ words: 3, characters: 0 });
  });

  it('segments Thai, Lao, Khmer and Burmese into dictionary words', () => {
    expect(words('แมวกินปลา', 'th')).to.equal(3); // แมว กิน ปลา: cat eats fish
    expect(words('ฉันชอบกินข้าว แมวกินปลา', 'th')).to.equal(7);
    expect(words('ข้าว, ปลา.\nวันนี้อากาศดี', 'th')).to.equal(6); // words before punctuation count too
    expect(words('เด็กๆ เล่น', 'th')).to.equal(2); // the repetition mark is not a word
    expect(words('ພາສາລາວ', 'lo')).to.be.within(1, 3);
    expect(words('ភាសាខ្មែរ', 'km')).to.be.within(1, 3);
    expect(words('မြန်မာဘာသာ', 'my')).to.be.within(1, 3);
  });

  it('counts mixed scripts by their own rules', () => {
    expect(countText('Hello 世界')).to.deep.equal({ words: 1, characters: 2 });
    expect(countText('Hello世界')).to.deep.equal({ words: 1, characters: 2 });
    expect(countText('日本語とEnglishの文')).to.deep.equal({ words: 1, characters: 6 });
    expect(countText('我喜欢JavaScript和TypeScript')).to.deep.equal({ words: 2, characters: 4 });
    expect(countText('Thai แมวกินปลา and 2566 too')).to.deep.equal({ words: 7, characters: 0 });
  });

  it('counts a URL as one word', () => {
    expect(words('See https://example.com/a--b...c?q=1&x=2#top now')).to.equal(3);
    expect(words('http://example.com www.example.org HTTPS://EXAMPLE.COM/Path')).to.equal(3);
    expect(words('(https://example.com/wiki/中文)')).to.equal(1);
    expect(words('see https://例子.com/路径 ok')).to.equal(3);
    expect(words('a..'.repeat(100_000))).to.equal(100_000); // no URL, and no quadratic look-behind
  });

  it('counts a number or a date as one word', () => {
    expect(words('3.14 1,000,000 2026-11-27 10:30 −5 $5 50%')).to.equal(7);
  });

  it('counts each emoji as one word, whatever it is made of', () => {
    expect(words('👍')).to.equal(1);
    expect(words('👍🏽')).to.equal(1); // skin tone
    expect(words('👨‍👩‍👧‍👦')).to.equal(1); // ZWJ sequence
    expect(words('🏳️‍🌈 👩‍❤️‍👨')).to.equal(2);
    expect(words('🇫🇷🇩🇪')).to.equal(2); // two flags
    expect(words('🏴󠁧󠁢󠁳󠁣󠁴󠁿')).to.equal(1); // Scotland: tag characters
    expect(words('❤️ ⭐ ☀')).to.equal(3);
    expect(words('1️⃣2️⃣ #️⃣')).to.equal(3); // keycaps
    expect(words('great👍')).to.equal(2);
    expect(words('👍great')).to.equal(2);
  });

  it('does not count punctuation alone', () => {
    expect(words(' — ')).to.equal(0);
    expect(words('...')).to.equal(0);
    expect(words(' - … !!! « » ¿ ')).to.equal(0);
    expect(words('「」、。')).to.equal(0);
  });

  it('keeps apostrophes and hyphens inside a word, and splits at dashes and ellipses', () => {
    expect(words("don't")).to.equal(1);
    expect(words('don’t stop')).to.equal(2);
    expect(words('well-known')).to.equal(1);
    expect(words('hyphen\u00adation')).to.equal(1); // soft hyphen
    expect(words('this—that')).to.equal(2);
    expect(words('this--that')).to.equal(2);
    expect(words('wait...what')).to.equal(2);
    expect(words('wait…what')).to.equal(2);
    expect(words('"quoted" (bracketed)')).to.equal(2);
  });

  it('counts letters outside the Basic Multilingual Plane as words', () => {
    expect(words('𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐')).to.equal(2);
  });

  it('ignores a lone surrogate', () => {
    expect(words('a \ud83d b')).to.equal(2);
    expect(words('\ud83d')).to.equal(0);
  });

  it('gives nothing for empty or blank text', () => {
    expect(countText('')).to.deep.equal({ words: 0, characters: 0 });
    expect(countText(' \n\t\u00a0\u3000\u200b')).to.deep.equal({ words: 0, characters: 0 });
  });

  it('adds into the counts it is given and returns them', () => {
    const into = { words: 1, characters: 1 };
    const returned = countText('two words', 'en', into);
    countText('世界', 'zh', into);
    expect(returned).to.equal(into);
    expect(into).to.deep.equal({ words: 3, characters: 3 });
  });

  it('treats the end of a call as a word boundary', () => {
    const into = { words: 0, characters: 0 };
    countText('Hel', 'en', into);
    countText('lo', 'en', into);
    expect(into.words).to.equal(2);
  });

  it('segments a Thai text longer than 10,000 characters', () => {
    const spaced = 'แมวกินปลา '.repeat(1500); // 15,000 characters
    expect(words(spaced, 'th')).to.equal(4500);
    const unspaced = 'แมวกินปลา'.repeat(1200); // 10,800 characters, no space to cut at
    expect(words(unspaced, 'th')).to.equal(3600);
  });

  it('approximates Thai words when Intl.Segmenter is missing', () => {
    const segmenter = Reflect.get(Intl, 'Segmenter');
    Reflect.deleteProperty(Intl, 'Segmenter');
    try {
      expect(words('แมวกินปลา', 'th')).to.equal(2); // 9 code units at 5 per word
      expect(words('แมว', 'th')).to.equal(1);
    } finally {
      Reflect.set(Intl, 'Segmenter', segmenter);
    }
    expect(words('แมวกินปลา', 'th')).to.equal(3);
  });
});

describe('wordsPerMinute', () => {
  it('is Brysbaert’s silent rate for English', () => {
    expect(wordsPerMinute('en')).to.equal(238);
    expect(wordsPerMinute('en', 'fiction')).to.equal(260);
    expect(wordsPerMinute('en', 'nonfiction')).to.equal(238);
  });

  it('scales IReST’s read-aloud rates by 238/228', () => {
    expect(wordsPerMinute('de')).to.be.closeTo(silent(179), 1e-9);
    expect(wordsPerMinute('fr')).to.be.closeTo(silent(195), 1e-9);
    expect(wordsPerMinute('es')).to.be.closeTo(silent(218), 1e-9);
    expect(wordsPerMinute('zh')).to.be.closeTo(silent(158), 1e-9);
    expect(wordsPerMinute('ja')).to.be.closeTo(silent(193), 1e-9);
    expect(wordsPerMinute('ar')).to.be.closeTo(silent(138), 1e-9);
    expect(wordsPerMinute('de', 'fiction')).to.be.closeTo((179 * 260) / 228, 1e-9);
  });

  it('has documented rates for Korean and for Thai, Lao, Khmer, Burmese, Ukrainian and Hindi', () => {
    expect(wordsPerMinute('ko')).to.be.closeTo(silent(162), 1e-9);
    for (const lang of ['th', 'lo', 'km', 'my', 'uk', 'hi']) expect(wordsPerMinute(lang)).to.be.closeTo(silent(184), 1e-9);
  });

  it('gives every language with a catalogue its own rate, not English’s', () => {
    const aloud: Record<string, number> = {
      de: 179, fr: 195, es: 218, pt: 181, 'pt-BR': 181, it: 188, nl: 202, pl: 166, uk: 184, ru: 184, tr: 166,
      ja: 193, 'zh-Hans': 158, 'zh-Hant': 158, ko: 162, ar: 138, he: 187, hi: 184,
    };
    for (const [lang, rate] of Object.entries(aloud)) {
      expect(wordsPerMinute(lang), lang).to.be.closeTo(silent(rate), 1e-9);
      expect(wordsPerMinute(lang), lang).to.be.below(wordsPerMinute('en'));
    }
  });

  it('matches the primary subtag of a language tag, ignoring case', () => {
    expect(wordsPerMinute('de-AT')).to.equal(wordsPerMinute('de'));
    expect(wordsPerMinute('ZH-Hant-TW')).to.equal(wordsPerMinute('zh'));
    expect(wordsPerMinute('zh_TW')).to.equal(wordsPerMinute('zh'));
    expect(wordsPerMinute('iw')).to.equal(wordsPerMinute('he'));
  });

  it('reads unknown languages like English', () => {
    expect(wordsPerMinute(undefined)).to.equal(238);
    expect(wordsPerMinute('')).to.equal(238);
    expect(wordsPerMinute('xx-Latn')).to.equal(238);
    expect(wordsPerMinute('constructor')).to.equal(238);
  });
});

describe('imageSeconds', () => {
  it('gives 12 s to the first image and a second less to each next, never under 3 s', () => {
    expect(imageSeconds(0)).to.equal(0);
    expect(imageSeconds(1)).to.equal(12);
    expect(imageSeconds(2)).to.equal(23);
    expect(imageSeconds(10)).to.equal(75); // 12 + 11 + … + 3
    expect(imageSeconds(11)).to.equal(78);
    expect(imageSeconds(20)).to.equal(105);
  });

  it('treats nonsense as no images', () => {
    expect(imageSeconds(-3)).to.equal(0);
    expect(imageSeconds(Number.NaN)).to.equal(0);
    expect(imageSeconds(Number.POSITIVE_INFINITY)).to.equal(0);
  });
});

describe('estimateReadingTime', () => {
  const englishWords = (count: number): string => 'word '.repeat(count);

  it('gives 0 minutes for empty or blank text', () => {
    for (const text of ['', '   \n\t ', ' — ... ']) {
      const estimate = estimateReadingTime(text);
      expect(estimate).to.deep.include({ minutes: 0, exactMinutes: 0, minMinutes: 0, maxMinutes: 0, words: 0 });
    }
  });

  it('rounds up, and never gives 0 for something to read', () => {
    expect(estimateReadingTime('Hi').minutes).to.equal(1);
    expect(estimateReadingTime(englishWords(238)).minutes).to.equal(1);
    expect(estimateReadingTime(englishWords(239)).minutes).to.equal(2);
    expect(estimateReadingTime(englishWords(476)).minutes).to.equal(2);
    expect(estimateReadingTime(englishWords(476)).exactMinutes).to.be.closeTo(2, 1e-12);
  });

  it('reports words, characters and code words together', () => {
    const estimate = estimateReadingTime('Hello 世界', { code: 'const x = 1;', images: 2 });
    expect(estimate.words).to.equal(6);
    expect(estimate.images).to.equal(2);
  });

  it('times Han characters at the Chinese rate, and at the Japanese rate on Japanese pages', () => {
    const chinese = '我'.repeat(1000);
    expect(estimateReadingTime(chinese, { lang: 'zh' }).exactMinutes).to.be.closeTo(1000 / silent(255), 1e-9);
    expect(estimateReadingTime(chinese, { lang: 'de' }).exactMinutes).to.be.closeTo(1000 / silent(255), 1e-9);
    expect(estimateReadingTime(chinese, { lang: 'ja-JP' }).exactMinutes).to.be.closeTo(1000 / silent(357), 1e-9);
  });

  it('times the words of mixed text at the word rate of the language', () => {
    const exact = estimateReadingTime(`${englishWords(100)}${'世'.repeat(100)}`, { lang: 'zh' }).exactMinutes;
    expect(exact).to.be.closeTo(100 / silent(158) + 100 / silent(255), 1e-9);
  });

  it('adds time for images', () => {
    expect(estimateFromStats({ words: 0, characters: 0, codeWords: 0, images: 1 })).to.deep.include({
      minutes: 1,
      exactMinutes: 0.2,
      images: 1,
    });
    expect(estimateReadingTime(englishWords(238), { images: 10 }).exactMinutes).to.be.closeTo(1 + 75 / 60, 1e-9);
  });

  it('reads code at a third of the prose rate', () => {
    const code = 'token '.repeat(238);
    expect(estimateReadingTime('', { code }).exactMinutes).to.be.closeTo(3, 1e-9);
    expect(estimateReadingTime('', { code, wpm: 476 }).exactMinutes).to.be.closeTo(1.5, 1e-9);
  });

  it('lets wpm override the word rate, scaling the character rate with it', () => {
    expect(estimateReadingTime(englishWords(300), { wpm: 300 }).exactMinutes).to.be.closeTo(1, 1e-12);
    expect(estimateReadingTime(englishWords(300), { wpm: 300, genre: 'fiction' }).exactMinutes).to.be.closeTo(1, 1e-12);
    const chinese = estimateFromStats({ words: 0, characters: 1000, codeWords: 0, images: 0 }, { lang: 'zh', wpm: 200 });
    expect(chinese.exactMinutes).to.be.closeTo(1000 / ((200 * 255) / 158), 1e-9);
  });

  it('ignores a wpm that is not a positive number', () => {
    for (const wpm of [0, -100, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(estimateReadingTime(englishWords(238), { wpm }).exactMinutes).to.be.closeTo(1, 1e-12);
    }
  });

  it('reads fiction faster', () => {
    expect(estimateReadingTime(englishWords(520), { genre: 'fiction' }).minutes).to.equal(2);
    expect(estimateReadingTime(englishWords(520), { genre: 'nonfiction' }).minutes).to.equal(3);
  });

  it('gives a range from a fast reader (300 wpm) to a slow one (175 wpm)', () => {
    const estimate = estimateReadingTime(englishWords(1000));
    expect(estimate.exactMinutes).to.be.closeTo(1000 / 238, 1e-9);
    expect(estimate).to.deep.include({ minutes: 5, minMinutes: 4, maxMinutes: 6 }); // 3.33, 4.20, 5.71
    const short = estimateReadingTime('A few words.');
    expect(short).to.deep.include({ minutes: 1, minMinutes: 1, maxMinutes: 1 });
  });

  it('matches language tags on the primary subtag', () => {
    const text = englishWords(500);
    expect(estimateReadingTime(text, { lang: 'DE-at' })).to.deep.equal(estimateReadingTime(text, { lang: 'de' }));
    expect(estimateReadingTime(text, { lang: 'en-GB' })).to.deep.equal(estimateReadingTime(text));
  });

  it('survives bad input from JavaScript callers', () => {
    const stats = { words: Number.NaN, characters: -1, codeWords: Number.POSITIVE_INFINITY, images: -2 };
    expect(estimateFromStats(stats).minutes).to.equal(0);
    expect(estimateReadingTime(undefined as unknown as string).minutes).to.equal(0);
  });
});
