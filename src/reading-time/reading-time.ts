import { property, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { warnAbout } from '../core/warn.js';
import { oneOf } from '../core/validate.js';
import { languageOf } from '../core/locale.js';
import { formatPlural } from '../core/i18n.js';
import { LightElement, type PropertyValues } from '../core/light-element.js';
import { h } from '../core/view.js';
import { SERVER_SIDE } from '../core/server.js';
import { estimateFromStats, type Genre, type ReadingEstimate, type ReadingStats } from './estimate-stats.js';
import { collectReadingStats, type TextCounter } from './collect.js';
import { countLatinText } from './latin-count.js';
import { ReadingTimeUpdatedEvent } from './events.js';
import { readingTimeStyles } from './reading-time.styles.js';

const LIVE_DEBOUNCE_MS = 300;
const GENRES: readonly Genre[] = ['nonfiction', 'fiction'];

/** countText, once fetched: most pages never need it (countLatinText counts their text). */
let fullCounter: TextCounter | undefined;
let fullCounterLoading: Promise<unknown> | undefined;

/**
 * Shows how long the article takes to read, as "3 min read", counted from the article itself.
 *
 * The text is counted from the element named by `for`, else the nearest `<article>`, else `<main>`,
 * skipping scripts, styles, hidden content, and the element itself. Han and kana are counted by
 * character, other scripts by word, and images and code add time. A CMS that already knows the
 * minutes gives them in `minutes`, and nothing is counted. Before the script runs, an empty element keeps
 * its line with `reading-time:not(:defined):empty::before { content: '\200b' }`, so nothing below it moves.
 *
 * @tagname reading-time
 * @summary "3 min read", estimated from the article itself.
 *
 * @slot - Fallback text shown before the count is ready (for example the CMS's own "3 min read").
 *
 * @csspart time - The `<time>` element holding the reading time.
 *
 * @cssprop [--inkwell-reading-time-color=var(--inkwell-color-muted, inherit)] - Text colour.
 * @cssprop [--inkwell-reading-time-font-family=var(--inkwell-font-family, inherit)] - Font family.
 *
 * @fires {ReadingTimeUpdatedEvent} reading-time-updated - After a count of the target gives a new result; `detail` is `{minutes, words, images}`.
 */
export class ReadingTime extends LightElement {
  /** The Inkwell version this class belongs to. */
  static readonly version = VERSION;
  static override styles = readingTimeStyles;

  /** The id of the element whose text is counted; without it, the nearest `<article>`, else `<main>`. */
  @property() for = '';

  /** Words per minute, overriding the research rate for the text's language. */
  @property({ type: Number }) wpm?: number;

  /** `fiction` is read faster than `nonfiction` (the default). */
  @property() genre: Genre = 'nonfiction';

  /** Minutes given by the CMS; when set, nothing is counted. */
  @property({ type: Number }) minutes?: number;

  /** Count again, debounced, whenever the target's content changes. */
  @property({ type: Boolean, reflect: true }) live = false;

  /** Show the spread of reading speeds, as "3–4 min read". */
  @property({ type: Boolean, reflect: true }) range = false;

  /** @internal */
  @state() private estimate?: ReadingEstimate;

  private target: Element | null = null;
  private stats?: ReadingStats;
  private countPending = true;
  private counterWait?: Promise<unknown>;
  private lastReported?: string;
  private observer?: MutationObserver;
  private recountTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.countPending = true;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', this.onDocumentReady, { once: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('DOMContentLoaded', this.onDocumentReady);
    this.stopObserving();
  }

  private readonly onDocumentReady = (): void => {
    this.countPending = true;
    this.requestUpdate();
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('for') || changed.has('live') || changed.has('minutes')) this.countPending = true;
    // The server has no article to count: it shows the minutes the template gives, else the fallback.
    if (this.countPending && !(SERVER_SIDE && this.serverView)) this.count();
    this.estimate = this.computeEstimate();
  }

  protected override updated(): void {
    if (!this.stats || this.givenMinutes() !== undefined || !this.estimate) return;
    const detail = { minutes: this.estimate.minutes, words: this.estimate.words, images: this.estimate.images };
    const key = `${detail.minutes}/${detail.words}/${detail.images}`;
    if (key === this.lastReported) return;
    this.lastReported = key;
    const event = new ReadingTimeUpdatedEvent(detail);
    this.dispatchEvent(event);
  }

  protected override render() {
    const estimate = this.estimate;
    if (!estimate || estimate.minutes < 1) return h('slot');
    const { lang, messages } = this.locale;
    const { minMinutes, maxMinutes, minutes } = estimate;
    const text =
      this.range && maxMinutes > minMinutes
        ? formatPlural(lang, messages.minutesReadRange, maxMinutes, { min: minMinutes, max: maxMinutes })
        : formatPlural(lang, messages.minutesRead, minutes, { n: minutes });
    return h('time', { part: 'time', datetime: `PT${minutes}M`, dir: 'auto' }, text);
  }

  private count(): void {
    this.countPending = false;
    this.counterWait = undefined;
    this.stopObserving();
    if (this.givenMinutes() !== undefined) {
      this.stats = undefined;
      return;
    }
    this.target = this.findTarget();
    if (!this.target) {
      this.stats = undefined;
      if (document.readyState !== 'loading') warnAbout(this, 'for', 'nothingToCount');
      return;
    }
    this.stats = collectReadingStats(this.target, this.textLanguage(), fullCounter ?? countLatinText, this);
    if (!this.stats) {
      // The fallback stays until the full counter is here; then the text is counted again.
      fullCounterLoading ??= import('./count.js').then((module) => (fullCounter = module.countText));
      this.counterWait = fullCounterLoading.then(this.onDocumentReady);
    }
    if (this.live) this.observe(this.target);
  }

  /** Settles once the element shows its count (after the full counter is fetched, when its text needs it). @internal */
  override get updateComplete(): Promise<unknown> {
    return super.updateComplete.then((done) => (this.counterWait && !fullCounter ? this.counterWait.then(() => this.updateComplete) : done));
  }

  private findTarget(): Element | null {
    if (this.for) {
      const named = this.ownerDocument.getElementById(this.for);
      if (named) return named;
      if (document.readyState === 'loading') return null;
      warnAbout(this, 'for', 'noTargetCounting', this.for);
    }
    return this.closest('article') ?? this.ownerDocument.querySelector('article') ?? this.ownerDocument.querySelector('main');
  }

  private textLanguage(): string {
    return languageOf(this.target?.closest('[lang]') ?? this);
  }

  private computeEstimate(): ReadingEstimate | undefined {
    const given = this.givenMinutes();
    if (given !== undefined) {
      return { minutes: given, exactMinutes: given, minMinutes: given, maxMinutes: given, words: 0, images: 0 };
    }
    if (!this.stats) return undefined;
    return estimateFromStats(this.stats, { lang: this.textLanguage(), wpm: this.validWpm(), genre: this.validGenre() });
  }

  private givenMinutes(): number | undefined {
    const minutes = this.minutes;
    if (minutes === undefined || minutes === null) return undefined;
    if (Number.isFinite(minutes) && minutes > 0) return Math.ceil(minutes);
    warnAbout(this, 'minutes', 'notMinutes', this.getAttribute('minutes') ?? minutes);
    return undefined;
  }

  private validWpm(): number | undefined {
    const wpm = this.wpm;
    if (wpm === undefined || wpm === null) return undefined;
    if (Number.isFinite(wpm) && wpm > 0) return wpm;
    warnAbout(this, 'wpm', 'notWpm', this.getAttribute('wpm') ?? wpm);
    return undefined;
  }

  private validGenre(): Genre {
    return oneOf(this, 'genre', this.genre, GENRES, 'nonfiction');
  }

  private observe(target: Element): void {
    this.observer = new MutationObserver(() => {
      clearTimeout(this.recountTimer);
      this.recountTimer = setTimeout(this.onDocumentReady, LIVE_DEBOUNCE_MS);
    });
    this.observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'lang', 'src'] });
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.recountTimer);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reading-time': ReadingTime;
  }
}
