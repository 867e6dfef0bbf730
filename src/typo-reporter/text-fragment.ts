import { UNSPACED, collapseWhitespace } from './context.js';

/** Up to this many characters (in one block), the whole selection is the text directive's textStart. */
const EXACT_MAX = 80;
/** Words in textStart and textEnd of a range directive, before any widening. */
const RANGE_WORDS = 3;
/** Words of prefix or suffix beyond which a passage repeated word for word is left ambiguous. */
const MAX_CONTEXT_WORDS = 10;

const SPACE = /\s/;
const WORDY = /[\p{L}\p{N}\p{M}]/u;

type Span = [start: number, end: number];
interface Directive {
  prefix?: Span;
  start: Span;
  end?: Span;
  suffix?: Span;
}

let segmenter: Intl.Segmenter | null | undefined;

/** Word-like segments in text[from, to), as the browser's word breaker sees them where it can. */
function wordsIn(text: string, from: number, to: number): Span[] {
  const words: Span[] = [];
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  if (segmenter) {
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
      if (isWordLike) words.push([from + index, from + index + segment.length]);
    }
  } else {
    const word = new RegExp(`(?:(?!${UNSPACED.source})[\\p{L}\\p{N}\\p{M}])+|${UNSPACED.source}\\p{M}*`, 'gu');
    for (const match of text.slice(from, to).matchAll(word)) {
      words.push([from + match.index, from + match.index + match[0].length]);
    }
  }
  return words;
}

const folded = new Map<string, string>();

/** What a browser's text search compares: no case, no accents (UTS #10 primary strength, roughly). */
function foldCharacter(character: string): string {
  let result = folded.get(character);
  if (result === undefined) {
    result = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded.set(character, result);
  }
  return result;
}

/**
 * The text a browser searches, folded, with whitespace runs as one space; `at[i]` is where text[i]
 * lands in it.
 */
function searchable(text: string): { haystack: string; at: Int32Array } {
  const parts: string[] = [];
  const at = new Int32Array(text.length + 1);
  let length = 0;
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    at[i] = length;
    const character = text[i];
    if (SPACE.test(character)) {
      if (!afterSpace) {
        parts.push(' ');
        length++;
      }
      afterSpace = true;
    } else {
      const fold = character.charCodeAt(0) < 128 ? character.toLowerCase() : foldCharacter(character);
      parts.push(fold);
      length += fold.length;
      afterSpace = false;
    }
  }
  at[text.length] = length;
  return { haystack: parts.join(''), at };
}

/**
 * The first range a browser would highlight for `directive` (per the "find a range from a text
 * directive" algorithm), in haystack offsets. Word boundaries are checked loosely, so that this finds
 * every match the browser could find, and perhaps a few more: if ours is first here, it is first there.
 */
function firstMatch(
  haystack: string,
  { prefix, start, end, suffix }: { prefix?: string; start: string; end?: string; suffix?: string },
): Span | undefined {
  const wordy = (c: string | undefined): boolean => c !== undefined && WORDY.test(c) && !UNSPACED.test(c);
  const bounded = (at: number): boolean => !(wordy(haystack[at - 1]) && wordy(haystack[at]));
  const find = (term: string, from: number, startBounded: boolean, endBounded: boolean): number => {
    for (let at = haystack.indexOf(term, from); at >= 0; at = haystack.indexOf(term, at + 1)) {
      if ((!startBounded || bounded(at)) && (!endBounded || bounded(at + term.length))) return at;
    }
    return -1;
  };
  const skipSpace = (at: number): number => (haystack[at] === ' ' ? at + 1 : at);
  const startEndBounded = end !== undefined || suffix === undefined;
  let from = 0;
  for (;;) {
    let matchStart: number;
    if (prefix !== undefined) {
      const prefixAt = find(prefix, from, true, false);
      if (prefixAt < 0) return undefined;
      from = prefixAt + 1;
      matchStart = skipSpace(prefixAt + prefix.length);
      if (!haystack.startsWith(start, matchStart) || (startEndBounded && !bounded(matchStart + start.length))) continue;
    } else {
      matchStart = find(start, from, true, startEndBounded);
      if (matchStart < 0) return undefined;
      from = matchStart + 1;
    }
    let matchEnd = matchStart + start.length;
    for (;;) {
      if (end !== undefined) {
        const endAt = find(end, matchEnd, true, suffix === undefined);
        if (endAt < 0) return undefined;
        matchEnd = endAt + end.length;
      }
      if (suffix === undefined) return [matchStart, matchEnd];
      const suffixAt = skipSpace(matchEnd);
      if (haystack.startsWith(suffix, suffixAt) && bounded(suffixAt + suffix.length)) return [matchStart, matchEnd];
      if (end === undefined) break;
    }
  }
}

/**
 * A text directive (`:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, without the page URL) that
 * makes a browser scroll to and highlight text[start, end), widened to whole words. No term crosses a
 * block boundary; a prefix and suffix are added, word by word, until this occurrence is the first the
 * browser finds. `isBlockBoundary` defaults to "is a newline".
 */
export function textFragment(
  text: string,
  start: number,
  end: number,
  isBlockBoundary: (offset: number) => boolean = (offset) => text[offset] === '\n',
): string {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  if (start >= end) return '';
  const breaksBlock = (at: number): boolean => SPACE.test(text[at]) && isBlockBoundary(at);
  let blockStart = start;
  while (blockStart > 0 && !breaksBlock(blockStart - 1)) blockStart--;
  let blockEnd = end;
  while (blockEnd < text.length && !breaksBlock(blockEnd)) blockEnd++;

  const words = wordsIn(text, blockStart, blockEnd);
  // Browsers only match whole words: widen a selection that starts or ends inside one.
  for (const [wordStart, wordEnd] of words) {
    if (wordStart < start && start < wordEnd) start = wordStart;
    if (wordStart < end && end < wordEnd) end = wordEnd;
  }
  let firstBlockEnd = start;
  while (firstBlockEnd < end && !breaksBlock(firstBlockEnd)) firstBlockEnd++;
  let lastBlockStart = end;
  while (lastBlockStart > start && !breaksBlock(lastBlockStart - 1)) lastBlockStart--;
  const inside = words.filter(([s, e]) => s >= start && e <= end);
  const before = words.filter(([, e]) => e <= start).reverse().slice(0, MAX_CONTEXT_WORDS);
  const after = words.filter(([s]) => s >= end).slice(0, MAX_CONTEXT_WORDS);
  const lastNonSpaceBefore = (at: number): number => {
    while (SPACE.test(text[at - 1])) at--;
    return at;
  };
  const firstNonSpaceFrom = (at: number): number => {
    while (SPACE.test(text[at])) at++;
    return at;
  };

  // Punctuation between a context word and whitespace tells occurrences apart too ("gamma!", "(see").
  const isPunctuation = (at: number): boolean => !SPACE.test(text[at]) && !WORDY.test(text[at]);
  const withPunctuationBefore = (at: number): number => {
    let from = at;
    while (from > blockStart && isPunctuation(from - 1)) from--;
    return from === blockStart || SPACE.test(text[from - 1]) ? from : at;
  };
  const withPunctuationAfter = (at: number): number => {
    let to = at;
    while (to < blockEnd && isPunctuation(to)) to++;
    return to === blockEnd || SPACE.test(text[to]) ? to : at;
  };

  const exact =
    firstBlockEnd === end &&
    (collapseWhitespace(text.slice(start, end)).length <= EXACT_MAX || inside.length <= 2 * RANGE_WORDS);
  /** A directive with this many words in textStart and textEnd, prefix and suffix. */
  type Widths = [range: number, prefix: number, suffix: number];
  const build = ([rangeWords, prefixWords, suffixWords]: Widths): Directive => {
    const directive: Directive = { start: [start, end] };
    if (!exact) {
      const startWords = inside.filter(([, e]) => e <= firstBlockEnd);
      const endWords = inside.filter(([s]) => s >= lastBlockStart);
      const startEnd = startWords[rangeWords - 1]?.[1] ?? lastNonSpaceBefore(firstBlockEnd);
      let endStart = endWords[endWords.length - rangeWords]?.[0] ?? firstNonSpaceFrom(lastBlockStart);
      if (endStart < startEnd) endStart = firstNonSpaceFrom(startEnd);
      directive.start = [start, startEnd];
      if (endStart < end) directive.end = [endStart, end];
    }
    if (prefixWords) directive.prefix = [withPunctuationBefore(before[prefixWords - 1][0]), lastNonSpaceBefore(start)];
    if (suffixWords) directive.suffix = [firstNonSpaceFrom(end), withPunctuationAfter(after[suffixWords - 1][1])];
    return directive;
  };

  const { haystack, at } = searchable(text);
  const term = (span: Span | undefined): string | undefined => span && haystack.slice(at[span[0]], at[span[1]]);
  const works = (widths: Widths): boolean => {
    const directive = build(widths);
    const match = firstMatch(haystack, {
      prefix: term(directive.prefix),
      start: term(directive.start)!,
      end: term(directive.end),
      suffix: term(directive.suffix),
    });
    return match?.[0] === at[start] && match[1] === at[end];
  };

  // Widen one side at a time while that is enough, else all sides at once; stop when nothing is left
  // to widen (the browser may then highlight an earlier, identical passage).
  const maxRangeWords = exact ? RANGE_WORDS : Math.max(inside.length, RANGE_WORDS);
  let widths: Widths = [RANGE_WORDS, 0, 0];
  if (!works(widths)) {
    for (;;) {
      const [rangeWords, prefixWords, suffixWords] = widths;
      const widest: Widths = [
        Math.min(rangeWords + 1, maxRangeWords),
        Math.min(prefixWords + 1, before.length),
        Math.min(suffixWords + 1, after.length),
      ];
      const options = (
        [
          [rangeWords, widest[1], suffixWords],
          [rangeWords, prefixWords, widest[2]],
          [widest[0], prefixWords, suffixWords],
        ] as Widths[]
      ).filter((option) => option.some((n, i) => n !== widths[i]));
      if (!options.length) break;
      const enough = options.find(works);
      if (enough) {
        widths = enough;
        break;
      }
      widths = widest;
      if (works(widths)) break;
    }
  }
  // Widening all sides at once may have added a side that is not needed after all.
  for (const side of [2, 1]) {
    for (let fewer = 0; fewer < widths[side]; fewer++) {
      const narrower: Widths = [...widths];
      narrower[side] = fewer;
      if (works(narrower)) {
        widths = narrower;
        break;
      }
    }
  }
  const directive = build(widths);

  const encode = (span: Span): string =>
    encodeURIComponent(collapseWhitespace(text.slice(span[0], span[1]))).replace(/-/g, '%2D');
  return (
    ':~:text=' +
    (directive.prefix ? `${encode(directive.prefix)}-,` : '') +
    encode(directive.start) +
    (directive.end ? `,${encode(directive.end)}` : '') +
    (directive.suffix ? `,-${encode(directive.suffix)}` : '')
  );
}

/** The page's URL, without a fragment of its own, pointing at `directive`. */
export function textFragmentUrl(pageUrl: string, directive: string): string {
  const page = pageUrl.split('#')[0];
  return directive ? `${page}#${directive}` : page;
}
