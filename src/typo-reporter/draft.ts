// A report's draft: the reader's selection read into the page's text, its context and the text-fragment link.
import { TextIndex } from './text-index.js';
import { readSelection, type ReadSelection, type SelectionProblem } from './selection.js';
import { contextFor } from './context.js';
import { textFragment, textFragmentUrl } from './text-fragment.js';
import { modifiedDate, pageUrl, type TypoReport } from './report.js';

/** A reportable selection, read into the text of its scope. */
export interface Found {
  index: TextIndex;
  read: ReadSelection;
  scope: Element;
}

/** The reader's selection inside `scope`, or why it cannot be reported. */
export function capture(scope: Element, maxLength: number): Found | SelectionProblem {
  const index = new TextIndex(scope);
  const read = readSelection(index, scope, document.getSelection(), { maxLength });
  return 'problem' in read ? read.problem : { index, read, scope };
}

/** The report's draft for a found selection: the passage in its context and a link that scrolls to it. */
export function draftFor({ index, read }: Found, lang: string): TypoReport {
  const context = contextFor(index.text, read.start, read.end);
  const url = pageUrl();
  return {
    url,
    title: document.title,
    lang,
    ...context,
    fragment: textFragmentUrl(url, textFragment(index.text, read.start, read.end, (offset) => index.isBlockBoundary(offset))),
    suggestion: context.selection,
    comment: '',
    modifiedAt: modifiedDate(),
  };
}

/** The draft when nothing was selected: the reader quotes the passage, and there is no text fragment to link to it. */
export function quoteDraft(lang: string): TypoReport {
  const url = pageUrl();
  return { url, title: document.title, lang, selection: '', prefix: '', suffix: '', fragment: url, suggestion: '', comment: '', modifiedAt: modifiedDate() };
}
