const CLOSE_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let graphemes: Intl.Segmenter | undefined;

function firstGrapheme(word: string): string {
  if (typeof Intl.Segmenter === 'function') {
    // One segmenter for the page: making one costs more than a whole comment's rendering.
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(word)) return segment;
  }
  return Array.from(word)[0] ?? '';
}

const initialsCache = new Map<string, string>();

/**
 * Initials for an avatar that has no picture: "Nushama Wellness" → "NW", one word → its first letter,
 * a Chinese, Japanese or Korean name → its first character (those names are not written with initials).
 */
export function initialsOf(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) initialsCache.set(name, (initials = computeInitials(name)));
  return initials;
}

function computeInitials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '';
  if (CLOSE_SCRIPTS.test(words[0][0] ?? '')) return firstGrapheme(words[0]);
  const first = firstGrapheme(words[0]);
  const last = words.length > 1 ? firstGrapheme(words[words.length - 1]) : '';
  return (first + last).toLocaleUpperCase();
}

/** A stable background colour for a name, dark enough for white initials (contrast above 4.5:1). */
export function colorOf(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return `hsl(${Math.abs(hash) % 360} 45% 30%)`;
}
