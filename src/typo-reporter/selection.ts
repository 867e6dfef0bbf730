import { collapseWhitespace } from './context.js';
import type { TextIndex } from './text-index.js';

/** Why a selection cannot be reported. */
export type SelectionProblem = 'empty' | 'outside' | 'in-field' | 'too-long';

/** A reportable selection: offsets into `TextIndex.text` (end exclusive), trimmed of whitespace. */
export interface ReadSelection {
  start: number;
  end: number;
  /** The selected text with whitespace runs collapsed to one space. */
  text: string;
  range: AbstractRange;
}

const FIELD = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [data-inkwell-ignore]';
const SPACE = /\s/;

type PositionalComposedRanges = (...shadowRoots: ShadowRoot[]) => StaticRange[];

/** The first selected range, read across the given shadow roots where the browser can. */
function firstRange(selection: Selection, shadowRoots: ShadowRoot[]): AbstractRange {
  if (typeof selection.getComposedRanges === 'function') {
    let ranges: StaticRange[];
    try {
      ranges = selection.getComposedRanges({ shadowRoots });
    } catch {
      // Safari 17 shipped the earlier form that takes the roots as arguments.
      ranges = (selection.getComposedRanges as unknown as PositionalComposedRanges).call(selection, ...shadowRoots);
    }
    if (ranges[0]) return ranges[0];
  }
  return selection.getRangeAt(0);
}

/** Walks up through shadow roots to their hosts. */
function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

function isInField(node: Node | null): boolean {
  for (; node; node = composedParent(node)) {
    if (node instanceof Element && node.matches(FIELD)) return true;
  }
  return false;
}

function isInside(scope: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (current === scope) return true;
  }
  return false;
}

/**
 * Reads the reader's selection inside `scope` as offsets into `index.text`, or says why it cannot be
 * reported. `shadowRoots` defaults to the open shadow roots the index walked through.
 */
export function readSelection(
  index: TextIndex,
  scope: Node,
  selection: Selection | null,
  options: { maxLength?: number; shadowRoots?: ShadowRoot[] } = {},
): ReadSelection | { problem: SelectionProblem } {
  if (!selection?.rangeCount) return { problem: 'empty' };
  const range = firstRange(selection, options.shadowRoots ?? index.shadowRoots);
  const ends = [selection.anchorNode, selection.focusNode, range.startContainer, range.endContainer];
  if (ends.some(isInField)) return { problem: 'in-field' };
  if (range.collapsed) return { problem: 'empty' };
  const offset = (node: Node, at: number): number | undefined =>
    isInside(scope, node) ? index.offsetOf(node, at) : undefined;
  let start = offset(range.startContainer, range.startOffset);
  let end = offset(range.endContainer, range.endOffset);
  if (start === undefined || end === undefined) return { problem: 'outside' };
  const { text } = index;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  if (start >= end) return { problem: 'empty' };
  const selected = collapseWhitespace(text.slice(start, end));
  if (selected.length > (options.maxLength ?? 300)) return { problem: 'too-long' };
  return { start, end, text: selected, range };
}
