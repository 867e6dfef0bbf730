import { html, nothing } from 'lit';
import { property, query, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { themeStyles } from '../core/theme.js';
import { languageOf } from '../core/locale.js';
import { fill, formatPlural } from '../core/i18n.js';
import { LocalizedElement } from '../core/localized-element.js';
import '../core/form-strings.js';
import { apiBase } from '../core/endpoint.js';
import { countAttribute } from '../core/validate.js';
import { warnAbout } from '../core/warn.js';
import { deepActiveElement } from '../core/focus.js';
import type { SelectionProblem } from './selection.js';
import type { Found } from './machinery.js';
import type { TypoReport } from './report.js';
import type { Status } from './dialog.js';
import { TypoReportSentEvent, TypoReportedEvent } from './events.js';
import { typoReporterStyles } from './typo-reporter.styles.js';

/** What the server answers to a report (a CMS's own API may answer less). */
const SETTLE_MS = 600;
const NOTICE_MS = 5000;
const isApple = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

type Machinery = typeof import('./machinery.js');
let machinery: Machinery | undefined;
let loadingMachinery: Promise<Machinery> | undefined;

/** The dialog's machinery (text index, context, fragment builder), fetched on the first selection or shortcut. */
function loadMachinery(): Promise<Machinery> {
  loadingMachinery ??= import('./machinery.js').then(
    (loaded) => (machinery = loaded),
    (error: unknown) => {
      loadingMachinery = undefined;
      throw error;
    },
  );
  return loadingMachinery;
}

/** Before the machinery is here, a cheap look: does the reader's selection lie inside `scope`? */
function selectsIn(scope: Element): boolean {
  const selection = document.getSelection();
  if (!selection?.rangeCount || selection.isCollapsed) return false;
  const range = selection.getRangeAt(0);
  return scope.contains(range.startContainer) && scope.contains(range.endContainer);
}

function isEditable(target: EventTarget | undefined): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * "Found a mistake? Select it and press Ctrl+Enter." The reader selects a passage and presses
 * Ctrl+Enter (⌘+Enter on Apple devices), or, on touch screens, taps the "Report a mistake" button that
 * appears beside the selection. A dialog shows the passage in its context and takes a suggested
 * correction and a comment; the report goes to a cancelable `typo-reported` event a site can handle,
 * then (unless the site cancelled it) to the API (`api` or `<meta name="inkwell-api">`), else to a
 * `mailto:` for `email`. A site that delivers reports itself from the event says so with
 * `site-delivery`. With none of the three the element offers nothing (no hint, no dialog, Ctrl+Enter
 * left to the page) and a console warning at start-up says what to set.
 *
 * Text of Inkwell's own elements (a byline badge, a card, the comments) inside the article is never
 * part of a report: neither its selection nor the context around it.
 *
 * Without a mouse, the "Report a mistake" button after the hint does the same for the current
 * selection (or the last one, which a screen reader's own selection commands may have left behind).
 * With nothing selected, the dialog asks the reader to quote the passage; such a report has no text
 * fragment (its `fragment` is the page's URL) and the dialog says so.
 *
 * @tagname typo-reporter
 * @summary Select a mistake, press Ctrl+Enter, and the author knows.
 *
 * @slot - Replaces the hint text.
 *
 * @fires {TypoReportedEvent} typo-reported - Before sending; `detail` is the report. Cancelable: cancel it to deliver the report yourself.
 * @fires {TypoReportSentEvent} typo-report-sent - After the API stored the report (`detail.id`) or the mail program was opened.
 *
 * @csspart hint - The hint line.
 * @csspart report - The "Report a mistake" button after the hint (hidden until focused with `hide-hint`).
 * @csspart dialog - The report dialog.
 * @csspart context - The passage in its context, the selection highlighted.
 * @csspart button - The "Report a mistake" button shown beside a selection on touch screens.
 * @csspart notice - A short message, such as "select at most 300 characters".
 * @csspart input - The dialog's fields (the correction and the comment).
 * @csspart action - Every button of the dialog (Cancel, Send, Close).
 * @csspart primary-action - The Send button (also an `action`).
 *
 * @cssprop [--inkwell-typo-reporter-font-size=0.875em] - Size of the hint; the dialog takes the size of the text around the element.
 * @cssprop [--inkwell-color-accent] - The send button and the focus ring; derived from the text colour by default.
 * @cssprop [--inkwell-color-surface] - The dialog's background; by default white under dark text, near black under light text.
 * @cssprop [--inkwell-heading-weight=700] - Weight of the dialog's heading.
 * @cssprop [--inkwell-control-radius=0.3em] - Corner radius of buttons and fields.
 * @cssprop [--inkwell-border-width=1px] - Width of the borders of buttons, fields and the dialog.
 * @cssprop [--inkwell-button-primary-background] - Background of the Send button and of the touch button; a tint of the accent, or the page's surface, by default.
 * @cssprop [--inkwell-button-primary-color] - Text colour of the Send button and of the touch button; the accent by default.
 */
export class TypoReporter extends LocalizedElement {
  /** The Inkwell version this class belongs to. */
  static readonly version = VERSION;
  static override styles = [themeStyles, typoReporterStyles];

  /** The id of the element whose text can be reported; without it, the whole page. */
  @property() for = '';

  /** Base URL of the Inkwell API, with or without `/v1`; else `<meta name="inkwell-api">`. */
  @property() api?: string;

  /** Where reports are e-mailed when there is no API. */
  @property() email = '';

  /** The site delivers reports itself from the `typo-reported` event: the hint and dialog are offered without `api` or `email`. */
  @property({ type: Boolean, attribute: 'site-delivery' }) siteDelivery = false;

  /** The signed-in reader's token; else `<meta name="inkwell-token">`. */
  @property() token?: string;

  /** The longest selection that can be reported, in characters. */
  @property({ type: Number, attribute: 'max-length' }) maxLength = 300;

  /** Hide the hint line (the shortcut still works; the "Report a mistake" button shows when it has keyboard focus). */
  @property({ type: Boolean, reflect: true, attribute: 'hide-hint' }) hideHint = false;

  /** Forces a colour scheme and paints the element's own surface; without it the element takes its colours from the page around it. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** @internal */
  @state() private draft?: TypoReport;
  /** @internal */
  @state() private status: Status = { kind: 'idle' };
  /** @internal */
  @state() private floating?: { x: number; y: number; found: Found };
  /** @internal */
  @state() private notice = '';
  /** @internal Nothing was selected: the reader quotes the passage. */
  @state() private quoting = false;

  /** @internal */
  @query('dialog') private dialog?: HTMLDialogElement;

  private idempotencyKey = '';
  private dialogStyled = false;
  private restoreFocus?: HTMLElement;
  private restoreRange?: Range;
  /** The last passage the reader selected, for the button: reaching it may move a screen reader's caret. */
  private lastRange?: Range;
  private lastPointer = '';
  private settleTimer?: ReturnType<typeof setTimeout>;
  private noticeTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('pointerdown', this.onPointerDown, true);
    document.addEventListener('selectionchange', this.onSelectionChange);
    queueMicrotask(() => {
      if (!this.isConnected || this.destination() !== 'none') return;
      warnAbout(this, 'api', 'nowhereToReport');
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('pointerdown', this.onPointerDown, true);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    clearTimeout(this.settleTimer);
    clearTimeout(this.noticeTimer);
  }

  /**
   * Opens the dialog for the reader's current selection, as the shortcut does. Returns false when there
   * is nothing to report. Before the dialog's code has loaded, it returns true for a selection inside
   * the element's scope and opens the dialog once the code is here.
   */
  report(): boolean {
    if (this.destination() === 'none') return false;
    if (!machinery) {
      if (!selectsIn(this.scope())) return false;
      this.withMachinery(() => this.openSelection());
      return true;
    }
    return this.openSelection();
  }

  private openSelection(): boolean {
    const found = this.capture(true);
    if (typeof found === 'string') return false;
    void this.open(found);
    return true;
  }

  /** Runs `then` once the machinery is here: at once when it is, else after fetching it. */
  private withMachinery(then: (loaded: Machinery) => void): void {
    if (machinery) return then(machinery);
    loadMachinery().then(then, (error: unknown) => console.warn('[inkwell] <typo-reporter> could not load its dialog:', error));
  }

  protected override render() {
    // Nothing to offer a reader whose report could not be sent.
    if (this.destination() === 'none') return nothing;
    const { messages: m } = this.locale;
    const [before, after] = m.typoHint.split('{keys}');
    // The sentence is isolated (English in an Arabic page keeps its full stop), and the keys read left to
    // right in every language: "Enter+⌘" would be another shortcut.
    const apple = !this.serverView && isApple();
    const keys = apple ? html`<bdi dir="ltr"><kbd>⌘</kbd>+<kbd>Enter</kbd></bdi>` : html`<bdi dir="ltr"><kbd>Ctrl</kbd>+<kbd>Enter</kbd></bdi>`;
    return html`
      <p class="hint" part="hint" data-inkwell-ignore>
        <slot><bdi>${before}${keys}${after}</bdi></slot>${' '}<button
          class="report"
          part="report"
          type="button"
          aria-keyshortcuts=${apple ? 'Meta+Enter' : 'Control+Enter'}
          @pointerdown=${(event: Event) => event.preventDefault()}
          @click=${this.onReportButton}
        >
          ${m.typoReport}
        </button>
      </p>
      ${this.floating
        ? html`<button
            class="float primary"
            part="button"
            type="button"
            data-inkwell-ignore
            @pointerdown=${(event: Event) => event.preventDefault()}
            @click=${() => this.floating && this.open(this.floating.found)}
          >
            ${m.typoReport}
          </button>`
        : nothing}
      ${this.notice ? html`<p class="notice" part="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.draft && machinery
        ? machinery.dialogTemplate(m, {
            draft: this.draft,
            status: this.status,
            quoting: this.quoting,
            maxLength: countAttribute(this, 'max-length', this.maxLength, 1) ?? 300,
            onClose: this.onClose,
            onKey: this.onDialogKey,
            onSubmit: this.onSubmit,
            close: this.closeDialog,
          })
        : nothing}
    `;
  }

  protected override updated(): void {
    const button = this.renderRoot.querySelector<HTMLElement>('.float');
    if (button && this.floating) {
      button.style.left = `${this.floating.x}px`;
      button.style.top = `${this.floating.y}px`;
    }
  }

  private scope(): Element {
    if (this.for) {
      const named = document.getElementById(this.for);
      if (named) return named;
      warnAbout(this, 'for', 'noTargetReporting', this.for);
    }
    return document.body;
  }

  /** The selection as a report draft, or why there is nothing this reporter should take. Needs the machinery. */
  private capture(explain: boolean): Found | SelectionProblem {
    const maxLength = countAttribute(this, 'max-length', this.maxLength, 1) ?? 300;
    const found = machinery ? machinery.capture(this.scope(), maxLength) : 'empty';
    if (found === 'too-long' && explain) {
      const { lang, messages } = this.locale;
      this.showNotice(formatPlural(lang, messages.typoTooLong, maxLength, { n: maxLength }));
    }
    return found;
  }

  private open(found: Found): Promise<void> {
    this.restoreRange = toRange(found.read.range);
    return this.show(machinery!.draftFor(found, languageOf(found.scope)), false);
  }

  /** Nothing selected: the reader quotes the passage, and the report has no text fragment to link to it. */
  private openQuote(): Promise<void> {
    this.restoreRange = undefined;
    return this.show(machinery!.quoteDraft(languageOf(this.scope())), true);
  }

  private async show(draft: TypoReport, quoting: boolean): Promise<void> {
    this.restoreFocus = deepActiveElement();
    this.floating = undefined;
    this.idempotencyKey = machinery!.newKey();
    this.status = { kind: 'idle' };
    this.quoting = quoting;
    if (!this.dialogStyled && this.renderRoot instanceof ShadowRoot) {
      machinery!.adoptDialogStyles(this.renderRoot);
      this.dialogStyled = true;
    }
    this.draft = draft;
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const field = dialog.querySelector<HTMLInputElement | HTMLTextAreaElement>(quoting ? 'textarea' : 'input');
    field?.focus();
    field?.select();
  }

  /** The button after the hint: the selection, else the last one the reader made, else a passage to quote. */
  private readonly onReportButton = () => this.withMachinery(() => this.reportFromButton());

  private reportFromButton(): void {
    if (this.draft) return;
    let found = this.capture(true);
    if (found === 'empty' && this.lastRange && !this.lastRange.collapsed) {
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(this.lastRange);
      found = this.capture(true);
    }
    if (found === 'too-long') return;
    void (typeof found === 'string' ? this.openQuote() : this.open(found));
  }

  private readonly closeDialog = () => this.dialog?.close();

  private readonly onClose = () => {
    this.draft = undefined;
    this.quoting = false;
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
    const { collapseWhitespace } = await loadMachinery();
    const data = new FormData(form);
    const report: TypoReport = { ...this.draft, suggestion: String(data.get('suggestion') ?? ''), comment: String(data.get('comment') ?? '') };
    if (this.quoting) report.selection = collapseWhitespace(String(data.get('selection') ?? '').trim());
    this.draft = report;
    // The prefilled correction, left as it was, suggests nothing.
    const unchanged = collapseWhitespace(report.suggestion.trim()) === report.selection;
    const outgoing = { ...report, suggestion: unchanged ? '' : report.suggestion.trim() };
    this.status = { kind: 'sending' };
    try {
      const id = await this.deliver(outgoing);
      this.status = { kind: 'sent' };
      this.lastRange = undefined;
      this.dispatchEvent(new TypoReportSentEvent({ ...outgoing, id }));
      await this.updateComplete;
      this.dialog?.querySelector<HTMLButtonElement>('button[value="close"]')?.focus();
    } catch (error) {
      this.status = { kind: 'error', message: this.explain(error) };
    }
  };

  /** Hands the report to the site, the API or the mail program; resolves with the API's id. Only offered with one of them. */
  private async deliver(report: TypoReport): Promise<string | undefined> {
    if (!this.dispatchEvent(new TypoReportedEvent(report))) return undefined;
    const { lang, messages } = this.locale;
    return machinery!.deliverReport(report, {
      base: apiBase(this, this.api),
      token: this.token,
      idempotencyKey: this.idempotencyKey,
      email: this.email,
      mailSubject: fill(lang, messages.typoMailSubject, { title: report.title || report.url }),
      openMail: (url) => this.openMail(url),
    });
  }

  /** @internal Opens the reader's mail program; replaced in tests. */
  openMail(url: string): void {
    location.assign(url);
  }

  private explain(error: unknown): string {
    const { lang, messages } = this.locale;
    return machinery!.describeFailure(error, lang, messages.errorRateLimited);
  }

  private destination(): 'api' | 'email' | 'site' | 'none' {
    // The server sees no <meta name="inkwell-api">: a template gives `api` to show the hint there.
    if (this.api?.trim() || (!this.serverView && document.querySelector('meta[name="inkwell-api"]'))) return 'api';
    return this.email ? 'email' : this.siteDelivery ? 'site' : 'none';
  }

  private showNotice(text: string): void {
    this.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), NOTICE_MS);
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented || event.isComposing) return;
    // The page's own Ctrl+Enter in its fields (send a chat message, submit a form) is none of our business.
    if (isEditable(event.composedPath()[0]) || this.draft || this.destination() === 'none') return;
    if (!machinery) {
      // The first shortcut before the dialog's code is here: take it now, open the dialog once loaded.
      if (!selectsIn(this.scope())) return;
      event.preventDefault();
      this.withMachinery(() => this.openSelection());
      return;
    }
    const found = this.capture(true);
    if (typeof found === 'string') return;
    event.preventDefault();
    void this.open(found);
  };

  private readonly onPointerDown = (event: PointerEvent) => {
    this.lastPointer = event.pointerType;
    // A click elsewhere ends the last selection; the report button keeps it.
    if (!event.composedPath().includes(this)) this.lastRange = undefined;
  };

  private readonly onSelectionChange = () => {
    clearTimeout(this.settleTimer);
    if (this.draft) return;
    const selection = document.getSelection();
    if (selection?.rangeCount && !selection.isCollapsed) this.lastRange = selection.getRangeAt(0).cloneRange();
    if (this.destination() === 'none') return;
    // The reader is selecting: fetch the dialog's code now, so that the shortcut finds it here.
    if (!machinery && selectsIn(this.scope())) void loadMachinery().catch(() => undefined);
    if (this.lastPointer !== 'touch') return;
    this.settleTimer = setTimeout(() => this.withMachinery(() => this.offerButton()), SETTLE_MS);
  };

  /** The touch button beside a settled selection. */
  private offerButton(): void {
    const captured = this.capture(false);
    const found = typeof captured === 'string' ? undefined : captured;
    const rect = found && toRange(found.read.range)?.getBoundingClientRect();
    this.floating = found && rect ? { x: Math.max(8, Math.min(rect.left, innerWidth - 180)), y: Math.min(rect.bottom + 8, innerHeight - 48), found } : undefined;
  }
}

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

declare global {
  interface HTMLElementTagNameMap {
    'typo-reporter': TypoReporter;
  }
}
