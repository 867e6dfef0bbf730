import { property, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { themeStyles } from '../core/theme.js';
import { LightElement } from '../core/light-element.js';
import { h } from '../core/view.js';
import { warnAbout } from '../core/warn.js';
import type { ReportPanel } from './panel.js';
import { refetch } from './refetch.js';
import './hint-strings.js';
import { typoReporterStyles } from './typo-reporter.styles.js';

const SETTLE_MS = 600;
const NOTICE_MS = 5000;
const isApple = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
// Pressing a button of the element keeps the focus and the selection where the reader left them.
const keep = (event: Event) => event.preventDefault();

type Machinery = typeof import('./machinery.js');
let machinery: Machinery | undefined;
let loadingMachinery: Promise<Machinery> | undefined;
/**
 * The dialog's code (machinery.ts: the dialog, the text index, context and fragment builder, sending), fetched on
 * the first selection or shortcut. A failed fetch is tried once more at once under another address (refetch.ts),
 * and both again on the reader's next attempt.
 */
function loadMachinery(): Promise<Machinery> {
  loadingMachinery ??= import('./machinery.js')
    .catch(refetch)
    .then(
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
export class TypoReporter extends LightElement {
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
  @state() private notice = '';
  /** @internal The dialog's code could not be fetched: what trying again does. */
  @state() private retry?: () => void;

  /** The dialog and its actions, once their code is here. */
  private panel?: ReportPanel;

  /**
   * The last passage the reader selected, for the button: reaching it may move a screen reader's caret.
   * @internal
   */
  lastSelected?: Range;
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
    const panel = this.loadedPanel();
    if (panel) return panel.openSelection();
    if (!selectsIn(this.scope())) return false;
    this.withPanel((loaded) => loaded.openSelection(), true);
    return true;
  }

  private loadedPanel(): ReportPanel | undefined {
    return machinery && (this.panel ??= new machinery.ReportPanel(this));
  }

  /**
   * Runs `then` once the dialog's code is here: at once when it is, else after fetching it. When the fetch fails
   * and the reader asked for the dialog (`tell`), a notice says so and offers to try again.
   */
  private withPanel(then: (panel: ReportPanel) => unknown, tell?: boolean): void {
    const panel = this.loadedPanel();
    if (panel) return void then(panel);
    loadMachinery().then(
      () => {
        this.notice = '';
        this.retry = undefined;
        then(this.loadedPanel()!);
      },
      (error: unknown) => {
        console.warn('[inkwell] <typo-reporter> could not load its dialog:', error);
        if (tell) this.showNotice(this.locale.messages.errorNetwork, () => this.withPanel(then, true));
      },
    );
  }

  protected override render() {
    // Nothing to offer a reader whose report could not be sent.
    if (this.destination() === 'none') return null;
    const { messages: m } = this.locale;
    const [before, after] = m.typoHint.split('{keys}');
    // The sentence is isolated (English in an Arabic page keeps its full stop), and the keys read left to
    // right in every language: "Enter+⌘" would be another shortcut.
    const apple = !this.serverView && isApple();
    return [
      h(
        'p',
        { class: 'hint', part: 'hint', 'data-inkwell-ignore': true },
        h('slot', {}, h('bdi', {}, before, h('bdi', { dir: 'ltr' }, h('kbd', {}, apple ? '⌘' : 'Ctrl'), '+', h('kbd', {}, 'Enter')), after)),
        ' ',
        h(
          'button',
          { class: 'report', part: 'report', type: 'button', 'aria-keyshortcuts': apple ? 'Meta+Enter' : 'Control+Enter', onpointerdown: keep, onclick: this.onReportButton },
          m.typoReport,
        ),
      ),
      // The notice comes last: it comes and goes while the dialog before it stays.
      this.panel?.view(),
      this.notice &&
        h('p', { class: 'notice', part: 'notice', role: 'alert' }, this.notice, this.retry && [' ', h('button', { type: 'button', onpointerdown: keep, onclick: this.retry }, m.retry)]),
    ];
  }

  /** The element whose text can be reported. @internal */
  scope(): Element {
    if (this.for) {
      const named = document.getElementById(this.for);
      if (named) return named;
      warnAbout(this, 'for', 'noTargetReporting', this.for);
    }
    return document.body;
  }

  /** Shows `text` for a few seconds; with `retry`, until the reader tries again. @internal */
  showNotice(text: string, retry?: () => void): void {
    this.notice = text;
    this.retry = retry;
    clearTimeout(this.noticeTimer);
    if (!retry) this.noticeTimer = setTimeout(() => (this.notice = ''), NOTICE_MS);
  }

  /** The button after the hint: the selection, else the last one the reader made, else a passage to quote. */
  private readonly onReportButton = () => this.withPanel((panel) => panel.reportFromButton(), true);

  /** @internal Opens the reader's mail program; replaced in tests. */
  openMail(url: string): void {
    location.assign(url);
  }

  private destination(): 'api' | 'email' | 'site' | 'none' {
    // The server sees no <meta name="inkwell-api">: a template gives `api` to show the hint there.
    if (this.api?.trim() || (!this.serverView && document.querySelector('meta[name="inkwell-api"]'))) return 'api';
    return this.email ? 'email' : this.siteDelivery ? 'site' : 'none';
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented || event.isComposing) return;
    // The page's own Ctrl+Enter in its fields (send a chat message, submit a form) is none of our business.
    if (isEditable(event.composedPath()[0]) || this.panel?.draft || this.destination() === 'none') return;
    const panel = this.loadedPanel();
    if (panel ? !panel.openSelection() : !selectsIn(this.scope())) return;
    event.preventDefault();
    // The first shortcut before the dialog's code is here: taken now, the dialog opens once the code is loaded.
    if (!panel) this.withPanel((loaded) => loaded.openSelection(), true);
  };

  private readonly onPointerDown = (event: PointerEvent) => {
    this.lastPointer = event.pointerType;
    // A click elsewhere ends the last selection; the report button keeps it.
    if (!event.composedPath().includes(this)) this.lastSelected = undefined;
  };

  private readonly onSelectionChange = () => {
    clearTimeout(this.settleTimer);
    if (this.panel?.draft) return;
    const selection = document.getSelection();
    if (selection?.rangeCount && !selection.isCollapsed) this.lastSelected = selection.getRangeAt(0).cloneRange();
    if (this.destination() === 'none') return;
    // The reader is selecting: fetch the dialog's code now, so that the shortcut finds it here.
    if (!machinery && selectsIn(this.scope())) void loadMachinery().catch(() => undefined);
    if (this.lastPointer === 'touch') this.settleTimer = setTimeout(() => this.withPanel((panel) => panel.offerButton()), SETTLE_MS);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'typo-reporter': TypoReporter;
  }
}
