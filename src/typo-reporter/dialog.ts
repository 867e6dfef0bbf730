import { h } from '../core/view.js';
import type { Messages } from '../core/i18n.js';
import type { TypoReport } from './report.js';
import './dialog-strings.js';

export type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'error'; message: string };

/** What the dialog shows, and the panel's handlers for it. */
export interface DialogView {
  draft: TypoReport;
  status: Status;
  /** Nothing was selected: the reader quotes the passage. */
  quoting: boolean;
  maxLength: number;
  /** Whether the dialog is shown: drawing it again keeps it so (showModal() sets `open`, not the view). */
  open: boolean | undefined;
  onClose: () => void;
  onKey: (event: KeyboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
  close: () => void;
}

/**
 * The report dialog: the passage (or a field to quote it), the correction, a comment, and the actions. A field's
 * text is its default value (the `value` attribute, a textarea's text), which a field the reader typed in keeps apart.
 */
export function dialogView(m: Messages, { draft, status, quoting, maxLength, open, onClose, onKey, onSubmit, close }: DialogView) {
  const sending = status.kind === 'sending';
  const sent = status.kind === 'sent';
  const error = status.kind === 'error';
  return h(
    'dialog',
    { part: 'dialog', 'aria-labelledby': 'title', 'data-inkwell-ignore': true, open, onclose: onClose, onkeydown: onKey },
    h(
      'form',
      { onsubmit: onSubmit },
      h('h2', { id: 'title' }, m.typoReport),
      quoting
        ? [
            h('p', { class: 'note', id: 'unlinked' }, m.typoNoSelection),
            h(
              'label',
              {},
              m.typoQuote,
              h(
                'textarea',
                { part: 'input', name: 'selection', dir: 'auto', rows: 2, maxlength: maxLength, required: true, 'aria-describedby': 'unlinked', lang: draft.lang, disabled: sent },
                draft.selection,
              ),
            ),
          ]
        : h('blockquote', { part: 'context', lang: draft.lang }, h('bdi', {}, `…${draft.prefix} `, h('mark', {}, draft.selection), ` ${draft.suffix}…`)),
      h('label', {}, m.typoCorrection, h('input', { part: 'input', name: 'suggestion', dir: 'auto', value: draft.suggestion, maxlength: 500, required: !quoting, disabled: sent })),
      h('label', {}, m.typoComment, h('textarea', { part: 'input', name: 'comment', dir: 'auto', rows: 2, maxlength: 1000, disabled: sent }, draft.comment)),
      h(
        'div',
        { class: 'actions' },
        h('p', { class: error ? 'status error' : 'status', role: error ? 'alert' : 'status' }, sending ? m.sending : sent ? m.typoSent : error ? status.message : ''),
        sent
          ? h('button', { part: 'action', type: 'button', value: 'close', onclick: close }, m.close)
          : [
              h('button', { part: 'action', type: 'button', value: 'cancel', onclick: close }, m.cancel),
              h('button', { part: 'action primary-action', class: 'primary', type: 'submit', 'aria-disabled': sending ? 'true' : 'false' }, error ? m.retry : m.send),
            ],
      ),
    ),
  );
}
