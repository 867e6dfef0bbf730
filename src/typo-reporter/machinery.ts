// The typo dialog's code, which the element imports on the reader's first selection or shortcut: the dialog and
// its actions (panel.ts), reading the selection into the page's text with its context and text fragment
// (draft.ts), sending (deliver.ts). What the hint needs stays in the element (typo-reporter.ts).
export { ReportPanel } from './panel.js';
