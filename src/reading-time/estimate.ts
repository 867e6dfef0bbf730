import { countText, type TextCounts } from './count.js';
import { estimateFromStats, type EstimateOptions, type ReadingEstimate } from './estimate-stats.js';

export * from './estimate-stats.js';
export { countText, type TextCounts };

/** Counts `text` (and `code`, read more slowly) and estimates its reading time: for CMS builds and npm users. */
export function estimateReadingTime(
  text: string,
  options: EstimateOptions & { images?: number; code?: string } = {},
): ReadingEstimate {
  const prose = countText(typeof text === 'string' ? text : '', options.lang);
  const code = typeof options.code === 'string' ? countText(options.code, options.lang) : { words: 0, characters: 0 };
  return estimateFromStats(
    {
      words: prose.words,
      characters: prose.characters,
      codeWords: code.words + code.characters,
      images: options.images ?? 0,
    },
    options,
  );
}
