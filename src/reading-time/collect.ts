import type { TextCounts } from './count.js';
import type { ReadingStats } from './estimate-stats.js';

/** Counts `text` into `into`, as countText does; undefined when it cannot count that text. */
export type TextCounter = (text: string, lang: string, into: TextCounts) => TextCounts | undefined;

/** Elements whose text no reader reads. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'CANVAS', 'svg', 'SVG']);
const CODE = 'pre, code, kbd, samp';

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

/**
 * Reads what a reader of `root` would read: its visible text (code apart) and its images, skipping
 * scripts, styles, templates, hidden content and `exclude` (the counting element itself); undefined
 * when `count` cannot count some of the text.
 */
export function collectReadingStats(root: Element, lang: string, count: TextCounter, exclude?: Element): ReadingStats | undefined {
  const prose: TextCounts = { words: 0, characters: 0 };
  const code: TextCounts = { words: 0, characters: 0 };
  let images = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (element === exclude || UNREAD.has(element.tagName) || isHidden(element)) return NodeFilter.FILTER_REJECT;
      return element.tagName === 'IMG' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      images++;
      continue;
    }
    const text = node.nodeValue ?? '';
    if (!text.trim()) continue;
    if (!count(text, lang, node.parentElement?.closest(CODE) ? code : prose)) return undefined;
  }
  return {
    words: prose.words,
    characters: prose.characters,
    codeWords: code.words + code.characters,
    images,
  };
}
