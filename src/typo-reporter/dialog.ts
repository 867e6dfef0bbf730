import { html } from 'lit';
import type { Messages } from '../core/i18n.js';
import type { TypoReport } from './report.js';

export type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'error'; message: string };

/** What the dialog shows, and the element's handlers for it. */
export interface DialogView {
  draft: TypoReport;
  status: Status;
  /** Nothing was selected: the reader quotes the passage. */
  quoting: boolean;
  maxLength: number;
  onClose: () => void;
  onKey: (event: KeyboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
  close: () => void;
}

/** The report dialog: the passage (or a field to quote it), the correction, a comment, and the actions. */
export function dialogTemplate(m: Messages, { draft, status, quoting, maxLength, onClose, onKey, onSubmit, close }: DialogView) {
  const sending = status.kind === 'sending';
  const sent = status.kind === 'sent';
  return html`<dialog part="dialog" aria-labelledby="title" data-inkwell-ignore @close=${onClose} @keydown=${onKey}>
    <form @submit=${onSubmit}>
      <h2 id="title">${m.typoReport}</h2>
      ${quoting
        ? html`<p class="note" id="unlinked">${m.typoNoSelection}</p>
            <label
              >${m.typoQuote}<textarea
                part="input"
                name="selection"
                dir="auto"
                rows="2"
                maxlength=${maxLength}
                required
                aria-describedby="unlinked"
                lang=${draft.lang}
                .value=${draft.selection}
                ?disabled=${sent}
              ></textarea
            ></label>`
        : html`<blockquote part="context" lang=${draft.lang}><bdi>…${draft.prefix} <mark>${draft.selection}</mark> ${draft.suffix}…</bdi></blockquote>`}
      <label>${m.typoCorrection}<input part="input" name="suggestion" dir="auto" .value=${draft.suggestion} maxlength="500" ?required=${!quoting} ?disabled=${sent} /></label>
      <label>${m.typoComment}<textarea part="input" name="comment" dir="auto" rows="2" maxlength="1000" .value=${draft.comment} ?disabled=${sent}></textarea></label>
      <div class="actions">
        <p class="status ${status.kind === 'error' ? 'error' : ''}" role=${status.kind === 'error' ? 'alert' : 'status'}>
          ${status.kind === 'sending' ? m.sending : status.kind === 'sent' ? m.typoSent : status.kind === 'error' ? status.message : ''}
        </p>
        ${sent
          ? html`<button part="action" type="button" value="close" @click=${close}>${m.close}</button>`
          : html`<button part="action" type="button" value="cancel" @click=${close}>${m.cancel}</button>
              <button part="action primary-action" class="primary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${status.kind === 'error' ? m.retry : m.send}</button>`}
      </div>
    </form>
  </dialog>`;
}
