// The estimate from counts, without the counter: what <reading-time> loads up front (it fetches the full
// counter only for text its compact one does not handle, see latin-count.ts).
import {
  CODE_SPEED_FACTOR,
  FAST_READER_FACTOR,
  IREST_ENGLISH_WPM,
  SILENT_FICTION_WPM,
  SILENT_NONFICTION_WPM,
  SLOW_READER_FACTOR,
  aloudCharacterRate,
  aloudWordRate,
  primaryLanguage,
} from './rates.js';

/** What a page holds for a reader. */
export interface ReadingStats {
  /** Prose words, as counted by `countText`. */
  words: number;
  /** Prose Han/kana characters, as counted by `countText`. */
  characters: number;
  /** Words and characters inside code (`pre`, `code` …), read more slowly. */
  codeWords: number;
  images: number;
}

export type Genre = 'fiction' | 'nonfiction';

export interface EstimateOptions {
  /** BCP 47 language of the text; only the primary subtag matters. Unknown languages read like English. */
  lang?: string;
  /** Overrides the word rate; the character and code rates scale with it. */
  wpm?: number;
  /** Fiction is read faster than non-fiction (the default). */
  genre?: Genre;
}

export interface ReadingEstimate {
  /** Whole minutes, rounded up: at least 1 when there is anything to read, 0 only for nothing. */
  minutes: number;
  exactMinutes: number;
  /** Whole minutes for a fast reader, for the "3–4 min read" form. */
  minMinutes: number;
  /** Whole minutes for a slow reader. */
  maxMinutes: number;
  /** Words, characters and code words together: the count reported to users. */
  words: number;
  images: number;
}

/**
 * Converts an IReST read-aloud rate to silent reading: times Brysbaert's silent English rate, over
 * IReST's aloud English rate (see rates.ts).
 */
function silent(aloudRate: number, genre: Genre | undefined): number {
  return (aloudRate * (genre === 'fiction' ? SILENT_FICTION_WPM : SILENT_NONFICTION_WPM)) / IREST_ENGLISH_WPM;
}

/** Silent-reading words per minute for a BCP 47 language tag: 238 for English non-fiction, 260 for fiction. */
export function wordsPerMinute(lang: string | undefined, genre?: Genre): number {
  return silent(aloudWordRate(primaryLanguage(lang)), genre);
}

const FIRST_IMAGE_SECONDS = 12;
const LEAST_IMAGE_SECONDS = 3;

/**
 * Time spent on images, by Medium's rule (also Ghost's): 12 s for the first, a second less for
 * each next one, never under 3 s.
 */
export function imageSeconds(images: number): number {
  const count = Number.isFinite(images) && images > 0 ? Math.floor(images) : 0;
  const tapering = Math.min(count, FIRST_IMAGE_SECONDS - LEAST_IMAGE_SECONDS + 1);
  return tapering * FIRST_IMAGE_SECONDS - (tapering * (tapering - 1)) / 2 + (count - tapering) * LEAST_IMAGE_SECONDS;
}

/** Estimates reading time from counts (the element counts the page's text nodes itself). */
export function estimateFromStats(stats: ReadingStats, options: EstimateOptions = {}): ReadingEstimate {
  const words = nonNegative(stats.words);
  const characters = nonNegative(stats.characters);
  const codeWords = nonNegative(stats.codeWords);
  const images = nonNegative(stats.images);

  const language = primaryLanguage(options.lang);
  const genre = options.genre === 'fiction' ? 'fiction' : 'nonfiction';
  const usualWordRate = wordsPerMinute(language, genre);
  const wordRate = isPositive(options.wpm) ? options.wpm : usualWordRate;
  // A chosen wpm speeds every rate up or down by the same factor, so a Chinese page keeps
  // IReST's ratio of characters to words: cpm = wpm × (cpm / wpm of the language).
  const speedUp = wordRate / usualWordRate;
  const characterRate = silent(aloudCharacterRate(language), genre) * speedUp;
  const codeRate = wordRate * CODE_SPEED_FACTOR;

  const readingMinutes = words / wordRate + characters / characterRate + codeWords / codeRate;
  const imageMinutes = imageSeconds(images) / 60;
  const empty = words + characters + codeWords + images === 0;
  // The range spreads reading only: image time is a convention, not a measured rate.
  return {
    minutes: wholeMinutes(readingMinutes + imageMinutes, empty),
    exactMinutes: readingMinutes + imageMinutes,
    minMinutes: wholeMinutes(readingMinutes / FAST_READER_FACTOR + imageMinutes, empty),
    maxMinutes: wholeMinutes(readingMinutes / SLOW_READER_FACTOR + imageMinutes, empty),
    words: words + characters + codeWords,
    images,
  };
}

function wholeMinutes(minutes: number, empty: boolean): number {
  if (empty) return 0;
  // The tolerance keeps 476 words at 238 wpm at 2 minutes despite floating-point error.
  return Math.max(1, Math.ceil(minutes - 1e-9));
}

function nonNegative(count: number): number {
  return Number.isFinite(count) && count > 0 ? count : 0;
}

function isPositive(rate: number | undefined): rate is number {
  return typeof rate === 'number' && Number.isFinite(rate) && rate > 0;
}
