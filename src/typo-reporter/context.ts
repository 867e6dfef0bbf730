/** The selected text with the words around it, enough of them to find the passage again. */
export interface TypoContext {
  selection: string;
  prefix: string;
  suffix: string;
}

/** Scripts written without spaces between words: any character boundary is a word boundary. */
export const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u3000-\u303f\uff00-\uffef]/u;
const MARK = /\p{M}/u;
const SPACE = /\s/;

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Marks, joiners and the second half of a surrogate pair belong to the character before them. */
function clings(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code >= 0xdc00 && code <= 0xdfff) || code === 0x200c || code === 0x200d || MARK.test(character);
}

function breaksBetween(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  return (
    SPACE.test(before) ||
    SPACE.test(after) ||
    (!clings(after) && before !== '\u200d' && (UNSPACED.test(before) || UNSPACED.test(after)))
  );
}

/** For each position of `text`, how long the text from there agrees with the text's start (Z-algorithm). */
function commonPrefixLengths(text: string): Int32Array {
  const lengths = new Int32Array(text.length);
  for (let i = 1, left = 0, right = 0; i < text.length; i++) {
    let length = i < right ? Math.min(right - i, lengths[i - left]) : 0;
    while (i + length < text.length && text[length] === text[i + length]) length++;
    lengths[i] = length;
    if (i + length > right) [left, right] = [i, i + length];
  }
  return lengths;
}

/**
 * The selection with about `chars` characters before and after it, widened to whole words and then
 * further, on the side or sides that help least expensively, until prefix + selection + suffix occurs
 * exactly once in `text` (or the text's start and end are reached). Whitespace runs are collapsed to
 * one space; the selection is trimmed and prefix/suffix keep the space that separates them from it.
 */
export function contextFor(text: string, start: number, end: number, options: { chars?: number } = {}): TypoContext {
  const chars = options.chars ?? 60;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;

  const flat = collapseWhitespace(text);
  let from = start;
  let to = end;
  for (const run of text.matchAll(/\s+/g)) {
    if (run.index >= end) break;
    if (run.index < start) from -= run[0].length - 1;
    to -= run[0].length - 1;
  }
  const selection = flat.slice(from, to);

  const prefixStart = (length: number): number => {
    let at = Math.max(0, from - length);
    while (at > 0 && (SPACE.test(flat[at]) || !breaksBetween(flat, at))) at--;
    return at;
  };
  const suffixEnd = (length: number): number => {
    let at = Math.min(flat.length, to + length);
    while (at < flat.length && (SPACE.test(flat[at - 1]) || !breaksBetween(flat, at))) at++;
    return at;
  };
  const result = (left: number, right: number): TypoContext => ({
    selection,
    prefix: flat.slice(left, from).trimStart(),
    suffix: flat.slice(to, right).trimEnd(),
  });
  if (!selection) return result(prefixStart(chars), suffixEnd(chars));

  // Every other occurrence of the selection, with how many characters around it agree with ours
  // (linear time even when a passage repeats throughout the text).
  const rivals: [left: number, right: number][] = [];
  let agreeLeft: Int32Array | undefined;
  let agreeRight: Int32Array | undefined;
  const n = flat.length;
  for (let at = flat.indexOf(selection); at >= 0; at = flat.indexOf(selection, at + 1)) {
    if (at === from) continue;
    if (!agreeLeft || !agreeRight) {
      const reversed = flat.split('').reverse().join('');
      agreeLeft = commonPrefixLengths(reversed.slice(n - from) + '\0' + reversed);
      agreeRight = commonPrefixLengths(flat.slice(to) + '\0' + flat);
    }
    rivals.push([
      Math.min(agreeLeft[from + 1 + n - at] ?? 0, from),
      Math.min(agreeRight[n - to + 1 + at + selection.length] ?? 0, n - to),
    ]);
  }

  // A rival is told apart once the prefix is longer than its left agreement or the suffix longer than
  // its right one. Try each prefix length that rules out one more rival; the suffix covers the rest.
  rivals.sort((a, b) => a[0] - b[0]);
  const rightNeededFrom: number[] = [];
  for (let i = rivals.length - 1, most = -1; i >= 0; i--) rightNeededFrom[i] = most = Math.max(most, rivals[i][1]);
  let best: [number, number] | undefined;
  let next = 0;
  const consider = (left: number): void => {
    while (next < rivals.length && rivals[next][0] < from - left) next++;
    const needed = (next < rivals.length ? rightNeededFrom[next] : -1) + 1;
    if (to + needed > flat.length) return;
    const right = suffixEnd(Math.max(needed, chars));
    if (!best || from - left + right - to < from - best[0] + best[1] - to) best = [left, right];
  };
  const initial = prefixStart(chars);
  consider(initial);
  for (const [left] of rivals) if (left >= from - initial && left < from) consider(prefixStart(left + 1));
  best ??= [0, flat.length];
  return result(best[0], best[1]);
}
