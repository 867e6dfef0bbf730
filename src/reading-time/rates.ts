/**
 * Reading rates, and where they come from.
 *
 * - Brysbaert, M. (2019). How many words do we read per minute? A review and meta-analysis of
 *   reading rate. Journal of Memory and Language 109, 104047. doi:10.1016/j.jml.2019.104047
 *   Silent reading of English by adults: 238 wpm for non-fiction, 260 wpm for fiction; most
 *   adults read non-fiction at 175–300 wpm.
 * - Trauzettel-Klosinski, S., Dietz, K., & the IReST Study Group (2012). Standardized assessment
 *   of reading performance: the new International Reading Speed Texts IReST. Investigative
 *   Ophthalmology & Visual Science 53(9), 5452–5461. doi:10.1167/iovs.11-8284
 *   Equivalent texts read aloud in 17 languages; mean words and characters per minute below.
 *   Across all 17 languages: 184 wpm.
 * - Rhiu, S., Kim, M., Kim, J., Lee, H. J., & Lim, T.-H. (2017). Korean version self-testing
 *   application for reading speed. Korean Journal of Ophthalmology 31(3). doi:10.3341/kjo.2016.0042
 *   Adults read Korean sentences aloud at 129.7 wpm (words = space-separated eojeol).
 *
 * Units: IReST gives words per minute for every language, and characters per minute too. Chinese
 * and Japanese are written without spaces, so their IReST "words" come from a segmentation by the
 * study's linguists that a browser cannot reproduce: the page's Han and kana are counted one by
 * one and timed at IReST's characters per minute (Chinese 255, Japanese 357), and only the Latin,
 * Hangul … words between them are timed at the language's words per minute. The other 15
 * languages, and Korean (written with spaces), are counted and timed in words.
 *
 * IReST rates are read aloud. Brysbaert's English silent rate divided by IReST's English rate
 * (238/228, or 260/228 for fiction) converts every language to silent reading, on the assumption
 * that the silent/aloud ratio measured for English holds elsewhere.
 */

export const SILENT_NONFICTION_WPM = 238;
export const SILENT_FICTION_WPM = 260;
export const IREST_ENGLISH_WPM = 228;

/** Brysbaert's usual range for non-fiction (175–300 wpm), as factors of the 238 wpm mean. */
export const SLOW_READER_FACTOR = 175 / 238;
export const FAST_READER_FACTOR = 300 / 238;

/**
 * No study gives a words-per-minute figure for source code; eye tracking shows that code is read
 * non-linearly, with many more regressions than prose (Busjahn et al. 2015, "Eye movements in
 * code reading: relaxing the linear order", ICPC). We time code words at a third of prose speed.
 */
export const CODE_SPEED_FACTOR = 1 / 3;

/** IReST's read-aloud Han/kana characters per minute: the only characters the counter times one by one. */
const CHINESE_CPM = 255;
const JAPANESE_CPM = 357;

// Read-aloud words per minute. IReST's characters per minute of the other languages are in the
// comments, for reference: their words are counted, not their characters.
const IREST_WPM: Readonly<Record<string, number>> = {
  ar: 138, // 612 characters per minute
  de: 179, // 920
  en: IREST_ENGLISH_WPM, // 987
  es: 218, // 1025
  fi: 161, // 1078
  fr: 195, // 998
  he: 187, // 833
  iw: 187, // the deprecated tag for Hebrew, still found in old CMS data
  it: 188, // 950
  ja: 193,
  nl: 202, // 978
  pl: 166, // 916
  pt: 181, // 913
  ru: 184, // 986
  sl: 180, // 885
  sv: 199, // 968
  tr: 166, // 1054
  zh: 158,
};

/**
 * Korean has no IReST text. Rhiu et al. measured 129.7 wpm aloud; Brysbaert's English
 * silent/aloud ratio (238/183) turns that into 169 wpm silent, close to the other agglutinative
 * languages (Turkish 173, Finnish 168 silent). Stored on the IReST scale (129.7 × 228/183 ≈ 162)
 * so that it converts like the rest.
 */
const KOREAN_WPM = 162;

/**
 * Languages with no comparable published rate get the IReST mean over all 17 languages, 184 wpm
 * aloud (192 silent), rather than English's 228, the fastest of the 17:
 * - Thai, Lao, Khmer and Burmese, whose words come from a dictionary segmenter rather than from
 *   spaces, so that no single IReST language is a fair proxy;
 * - Ukrainian, which has no IReST text (its nearest IReST language, Russian, reads at 184 too);
 * - Hindi, which has no IReST text either, and for which we know no published rate of adults
 *   reading paragraphs that is comparable with IReST.
 */
const IREST_MEAN_WPM = 184;

const NOT_IN_IREST: Readonly<Record<string, number>> = {
  ko: KOREAN_WPM,
  th: IREST_MEAN_WPM,
  lo: IREST_MEAN_WPM,
  km: IREST_MEAN_WPM,
  my: IREST_MEAN_WPM,
  uk: IREST_MEAN_WPM,
  hi: IREST_MEAN_WPM,
};

/** The primary subtag of a BCP 47 tag, lower-cased: 'zh-Hant-TW' → 'zh'. */
export function primaryLanguage(lang: string | undefined): string {
  if (!lang) return '';
  const end = lang.search(/[-_]/);
  return (end === -1 ? lang : lang.slice(0, end)).toLowerCase();
}

/** Read-aloud words per minute on the IReST scale; unknown languages read like English. */
export function aloudWordRate(language: string): number {
  if (Object.hasOwn(IREST_WPM, language)) return IREST_WPM[language]!;
  if (Object.hasOwn(NOT_IN_IREST, language)) return NOT_IN_IREST[language]!;
  return IREST_ENGLISH_WPM;
}

/**
 * Read-aloud Han/kana characters per minute: the Japanese rate on Japanese pages, the Chinese
 * rate everywhere else, whatever the page's word rate.
 */
export function aloudCharacterRate(language: string): number {
  return language === 'ja' ? JAPANESE_CPM : CHINESE_CPM;
}
