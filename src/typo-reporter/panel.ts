import { h } from '../core/view.js';
import { languageOf } from '../core/locale.js';
import { fill, formatPlural } from '../core/i18n.js';
import { localeOf } from '../core/localization.js';
import { apiBase } from '../core/endpoint.js';
import { countAttribute } from '../core/validate.js';
import { deepActiveElement } from '../core/focus.js';
import { describeFailure } from '../core/failure.js';
import { newKey } from '../core/http.js';
import type { TypoReporter } from './typo-reporter.js';
import { capture, draftFor, quoteDraft, type Found } from './draft.js';
import type { SelectionProblem } from './selection.js';
import type { TypoReport } from './report.js';
import { collapseWhitespace } from './context.js';
import { dialogView, type Status } from './dialog.js';
import { adoptDialogStyles } from './dialog.styles.js';
import { deliverReport } from './deliver.js';
import { TypoReportSentEvent, TypoReportedEvent } from './events.js';

const keep = (event: Event) => event.preventDefault();

/** A live Range for a (possibly static) range, so it can be measured and selected again. */
function toRange(range: AbstractRange): Range | undefined {
  if (range instanceof Range) return range;
  try {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return undefined;
  }
}

/**
 * What `<typo-reporter>` does once the reader selects or reports: the touch button beside a selection, the
 * dialog, sending the report, and focus and selection given back on closing. It draws into the element's
 * shadow root, between the hint and the notice (`view()`), and asks the element to draw when it changes.
 */
export class ReportPanel {
  /** The report being written; undefined while the dialog is closed. */
  draft?: TypoReport;
  private status: Status = { kind: 'idle' };
  /** Nothing was selected: the reader quotes the passage. */
  private quoting = false;
  private floating?: { x: number; y: number; found: Found };
  private idempotencyKey = '';
  private restoreFocus?: HTMLElement;
  private restoreRange?: Range;
  private styled = false;

  constructor(private readonly host: TypoReporter) {}

  private get dialog(): HTMLDialogElement | null | undefined {
    return this.host.renderRoot?.querySelector('dialog');
  }

  private maxLength(): number {
    return countAttribute(this.host, 'max-length', this.host.maxLength, 1) ?? 300;
  }

  /** Opens the dialog for the reader's selection; false when there is nothing this reporter should take. */
  openSelection(): boolean {
    const found = this.capture(true);
    if (typeof found === 'string') return false;
    void this.open(found);
    return true;
  }

  /** The button after the hint: the selection, else the last one the reader made, else a passage to quote. */
  reportFromButton(): void {
    if (this.draft) return;
    let found = this.capture(true);
    const last = this.host.lastSelected;
    if (found === 'empty' && last && !last.collapsed) {
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(last);
      found = this.capture(true);
    }
    if (found === 'too-long') return;
    void (typeof found === 'string' ? this.openQuote() : this.open(found));
  }

  /** The touch button beside a settled selection. */
  offerButton(): void {
    if (this.draft) return;
    const captured = this.capture(false);
    const found = typeof captured === 'string' ? undefined : captured;
    const rect = found && toRange(found.read.range)?.getBoundingClientRect();
    this.floating = found && rect ? { x: Math.max(8, Math.min(rect.left, innerWidth - 180)), y: Math.min(rect.bottom + 8, innerHeight - 48), found } : undefined;
    this.host.requestUpdate();
  }

  /** The touch button and the dialog, as the element draws them. */
  view() {
    const { messages: m } = localeOf(this.host);
    const { floating, draft } = this;
    if (!this.styled) {
      adoptDialogStyles(this.host.renderRoot!);
      this.styled = true;
    }
    return [
      floating &&
        h(
          'button',
          {
            class: 'float primary',
            part: 'button',
            type: 'button',
            'data-inkwell-ignore': true,
            style: { left: `${floating.x}px`, top: `${floating.y}px` },
            onpointerdown: keep,
            onclick: () => this.floating && this.open(this.floating.found),
          },
          m.typoReport,
        ),
      draft &&
        dialogView(m, {
          draft,
          status: this.status,
          quoting: this.quoting,
          maxLength: this.maxLength(),
          open: this.dialog?.open,
          onClose: this.onClose,
          onKey: this.onDialogKey,
          onSubmit: this.onSubmit,
          close: this.closeDialog,
        }),
    ];
  }

  /** The selection as a report draft, or why there is nothing this reporter should take. */
  private capture(explain: boolean): Found | SelectionProblem {
    const maxLength = this.maxLength();
    const found = capture(this.host.scope(), maxLength);
    if (found === 'too-long' && explain) {
      const { lang, messages } = localeOf(this.host);
      this.host.showNotice(formatPlural(lang, messages.typoTooLong, maxLength, { n: maxLength }));
    }
    return found;
  }

  private open(found: Found): Promise<void> {
    this.restoreRange = toRange(found.read.range);
    return this.show(draftFor(found, languageOf(found.scope)), false);
  }

  /** Nothing selected: the reader quotes the passage, and the report has no text fragment to link to it. */
  private openQuote(): Promise<void> {
    this.restoreRange = undefined;
    return this.show(quoteDraft(languageOf(this.host.scope())), true);
  }

  private async show(draft: TypoReport, quoting: boolean): Promise<void> {
    this.restoreFocus = deepActiveElement();
    this.floating = undefined;
    this.idempotencyKey = newKey();
    this.status = { kind: 'idle' };
    this.quoting = quoting;
    this.draft = draft;
    await this.redraw();
    const dialog = this.dialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const field = dialog.querySelector<HTMLInputElement | HTMLTextAreaElement>(quoting ? 'textarea' : 'input');
    field?.focus();
    field?.select();
  }

  /** Asks the element to draw; settles once it has. */
  private redraw(): Promise<unknown> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  private readonly closeDialog = () => this.dialog?.close();

  private readonly onClose = () => {
    this.draft = undefined;
    this.quoting = false;
    void this.redraw();
    const range = this.restoreRange;
    if (range) {
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    this.restoreFocus?.focus?.();
  };

  private readonly onDialogKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.dialog?.querySelector('form')?.requestSubmit();
    }
  };

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!this.draft || this.status.kind === 'sending' || this.status.kind === 'sent') return;
    const data = new FormData(form);
    const report: TypoReport = { ...this.draft, suggestion: String(data.get('suggestion') ?? ''), comment: String(data.get('comment') ?? '') };
    if (this.quoting) report.selection = collapseWhitespace(String(data.get('selection') ?? '').trim());
    this.draft = report;
    // The prefilled correction, left as it was, suggests nothing.
    const unchanged = collapseWhitespace(report.suggestion.trim()) === report.selection;
    const outgoing = { ...report, suggestion: unchanged ? '' : report.suggestion.trim() };
    this.status = { kind: 'sending' };
    void this.redraw();
    try {
      const id = await this.deliver(outgoing);
      this.status = { kind: 'sent' };
      this.host.lastSelected = undefined;
      this.host.dispatchEvent(new TypoReportSentEvent({ ...outgoing, id }));
      await this.redraw();
      this.dialog?.querySelector<HTMLButtonElement>('button[value="close"]')?.focus();
    } catch (error) {
      const { lang, messages } = localeOf(this.host);
      this.status = { kind: 'error', message: describeFailure(error, lang, messages.errorRateLimited) };
      void this.redraw();
    }
  };

  /** Hands the report to the site, the API or the mail program; resolves with the API's id. Only offered with one of them. */
  private async deliver(report: TypoReport): Promise<string | undefined> {
    const host = this.host;
    if (!host.dispatchEvent(new TypoReportedEvent(report))) return undefined;
    const { lang, messages } = localeOf(host);
    return deliverReport(report, {
      base: apiBase(host, host.api),
      token: host.token,
      idempotencyKey: this.idempotencyKey,
      email: host.email,
      mailSubject: fill(lang, messages.typoMailSubject, { title: report.title || report.url }),
      openMail: (url) => host.openMail(url),
    });
  }
}
