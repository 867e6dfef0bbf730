import { property, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { themeStyles } from '../core/theme.js';
import { formatPlural, type Messages } from '../core/i18n.js';
import { LightElement, type PropertyValues } from '../core/light-element.js';
import { h, type Children } from '../core/view.js';
import { formatFullDate, formatPublished, parseDate } from '../core/dates.js';
import { safeSrcset, safeUrl } from '../core/url.js';
import { LOADING_MODES, countAttribute, oneOf } from '../core/validate.js';
import { warnAbout } from '../core/warn.js';
import { LightChildren } from '../core/light-children.js';
import { apiBase } from '../core/endpoint.js';
import { SERVER_SIDE } from '../core/server.js';
import { articleCardStyles } from './article-card.styles.js';

export type CardLayout = 'stacked' | 'horizontal' | 'compact';
const LAYOUTS: readonly CardLayout[] = ['stacked', 'horizontal', 'compact'];

/**
 * A card for an article in listings: image, headline, excerpt, author, date, reading time, comments.
 *
 * The whole card opens the article through its headline link; author and tag links stay separately
 * clickable and focusable. A screen reader meets the headline first, then the metadata. A CMS can
 * render what crawlers need as light-DOM children (they win over attributes):
 *
 * ```html
 * <article-card class="h-entry" href="/posts/quiet-craft" image="/img/harbour.jpg"
 *   image-alt="A sailing boat in the harbour" published="2026-11-20" minutes="3"
 *   author="Nushama Wellness" author-href="/authors/nushama" tags="editing, craft" comments="4">
 *   <a slot="headline" class="p-name u-url" href="/posts/quiet-craft">The quiet craft of proofreading</a>
 *   <p slot="excerpt" class="p-summary">Every publication has a moment it would rather forget …</p>
 * </article-card>
 * ```
 *
 * The image box has its size before the image loads. To reserve the card's space before the script
 * runs, give its column a size and, for example, `article-card:not(:defined) { display: block; min-height: 22em }`.
 *
 * @tagname article-card
 * @summary A card for an article in listings.
 *
 * @slot headline - The headline, usually the article's link (`<a slot="headline" class="p-name u-url">`); wins over `headline`.
 * @slot excerpt - The excerpt; wins over `excerpt`.
 * @slot image - The article's image (`<img slot="image" class="u-photo">`); wins over `image`.
 * @slot actions - Buttons such as "save for later", above the card's link.
 *
 * @csspart base - The card's layout box.
 * @csspart image - The box that holds the image.
 * @csspart headline - The headline.
 * @csspart excerpt - The excerpt.
 * @csspart meta - Author, date, reading time and comment count, separated by "·" (never at the start or end of a line).
 * @csspart tags - The list of tags.
 * @csspart tag - One tag (its link, when `tag-href` is given, is inside).
 *
 * @cssprop [--inkwell-article-card-image-ratio=16 / 9] - Aspect ratio of the image box.
 * @cssprop [--inkwell-article-card-gap=0.75em] - Space between image and text.
 * @cssprop [--inkwell-article-card-padding=0] - Padding inside the card.
 * @cssprop [--inkwell-article-card-background=transparent] - Card background.
 * @cssprop [--inkwell-article-card-headline-size=1.25em] - Headline font size.
 * @cssprop [--inkwell-article-card-featured-headline-size=1.75em] - Headline font size of a `featured` card.
 * @cssprop [--inkwell-heading-weight=700] - Headline weight.
 * @cssprop [--inkwell-heading-font-family=inherit] - Headline font.
 * @cssprop [--inkwell-heading-line-height=1.25] - Headline line height.
 * @cssprop [--inkwell-tag-color=inherit] - Text colour of a tag.
 * @cssprop [--inkwell-tag-background=transparent] - Background of a tag.
 * @cssprop [--inkwell-tag-border-color] - Border colour of a tag; a faint mix of the text colour by default.
 * @cssprop [--inkwell-tag-radius=999px] - Corner radius of a tag (a pill by default).
 * @cssprop [--inkwell-border-width=1px] - Width of the tags' borders.
 * @cssprop [--inkwell-color-accent] - The focus ring; derived from the text colour by default.
 * @cssprop [--inkwell-radius=0.5em] - Corner radius of the card and its image.
 */
export class ArticleCard extends LightElement {
  /** The Inkwell version this class belongs to. */
  static readonly version = VERSION;
  static override styles = [themeStyles, articleCardStyles];

  /** The article's URL. */
  @property() href = '';

  /** The headline (not `title`: that global attribute would show a tooltip). */
  @property() headline = '';

  /** A short excerpt in plain text. */
  @property() excerpt = '';

  /** URL of the article's image. */
  @property() image = '';

  /** Text alternative of the image; `image-alt=""` marks it decorative. */
  @property({ attribute: 'image-alt' }) imageAlt?: string;

  /** `srcset` of the image. */
  @property() srcset = '';

  /** `sizes` of the image. */
  @property() sizes = '';

  /** `lazy` (default), or `eager` for the first card of a page. */
  @property() loading: 'lazy' | 'eager' = 'lazy';

  /** Publication date, ISO 8601: shown relative for the last seven days, else as a date. */
  @property() published = '';

  /** Reading time in minutes, shown like `<reading-time>`. */
  @property({ type: Number }) minutes?: number;

  /** The author's name. */
  @property() author = '';

  /** The author's profile page. */
  @property({ attribute: 'author-href' }) authorHref = '';

  /** The author's picture, shown in a small author badge. */
  @property({ attribute: 'author-avatar' }) authorAvatar = '';

  /** Comma-separated tags. */
  @property() tags = '';

  /** URL template of a tag's page, with `{tag}` for the tag: `/tags/{tag}`. Without it tags are not links. */
  @property({ attribute: 'tag-href' }) tagHref = '';

  /** The number of comments. */
  @property({ type: Number }) comments?: number;

  /** The comment thread's id: the card then shows the count the API serves (one request for all cards). */
  @property() thread = '';

  /** Base URL of the Inkwell API (with or without `/v1`) for the count of `thread`; else `<meta name="inkwell-api">`. */
  @property() api?: string;

  /** `stacked` (default), `horizontal` or `compact`; narrow cards fall back to what fits. */
  @property({ reflect: true }) layout: CardLayout = 'stacked';

  /**
   * The lead story: a larger headline and image, the image beside the text when the card is at least
   * 40em wide (above it when narrower). Takes the place of `layout`.
   */
  @property({ type: Boolean, reflect: true }) featured = false;

  /** The headline's heading level, 2 to 6: one below the heading the cards sit under (`2` under the page's `h1`). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Forces a colour scheme and paints the element's own surface; without it the element takes its colours from the page around it. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** @internal */
  @state() private imageFailed = false;
  /** @internal */
  @state() private servedCount?: number;

  private readonly lightChildren = new LightChildren(this);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('image') || changed.has('srcset')) this.imageFailed = false;
    if ((changed.has('thread') || changed.has('api')) && this.thread && !(SERVER_SIDE && this.serverView)) void this.fetchCount();
  }

  private async fetchCount(): Promise<void> {
    const base = apiBase(this, this.api);
    if (!base) return;
    const thread = this.thread;
    const { commentCount } = await loadCounts();
    const count = await commentCount(base, thread);
    if (thread === this.thread && count !== undefined) this.servedCount = count;
  }

  protected override render() {
    const { lang, messages } = this.locale;
    const layout = oneOf(this, 'layout', this.layout, LAYOUTS, 'stacked');
    const href = safeUrl(this.href, this, 'href') ?? this.slottedHeadlineHref();
    // While the parser is still inside the card, its children may simply not have arrived yet.
    if (!this.headline && !(SERVER_SIDE && this.serverView) && !this.lightChildren.has('headline') && document.readyState !== 'loading') {
      warnAbout(this, 'headline', 'noHeadline');
    }
    const level = countAttribute(this, 'heading-level', this.headingLevel, 2);
    const headline = h('bdi', {}, this.headline);
    return h(
      'div',
      { class: 'frame' },
      h(
        'article',
        { class: `card ${this.featured ? 'featured' : layout}`, part: 'base', 'aria-labelledby': 'headline' },
        h(
          'div',
          { class: 'body' },
          h(
            'div',
            { class: 'headline', id: 'headline', part: 'headline', role: 'heading', 'aria-level': level !== undefined && level <= 6 ? Math.floor(level) : 3 },
            h('slot', { name: 'headline' }, href ? h('a', { href }, headline) : headline),
          ),
          (this.lightChildren.has('excerpt') || this.excerpt) &&
            h('div', { class: 'excerpt', part: 'excerpt' }, h('slot', { name: 'excerpt' }, h('bdi', {}, this.excerpt))),
          h('div', { class: 'meta', part: 'meta' }, h('div', { class: 'items' }, this.renderMeta(lang, messages))),
          this.renderTags(messages.tags),
          h('slot', { name: 'actions' }),
        ),
        this.renderMedia(),
        href && h('a', { class: 'cover', href, tabindex: '-1', 'aria-hidden': 'true' }),
      ),
    );
  }

  private renderMedia() {
    if (this.lightChildren.has('image')) return h('div', { class: 'media', part: 'image' }, h('slot', { name: 'image' }));
    const src = safeUrl(this.image, this, 'image');
    if (!src) return undefined;
    if (this.imageAlt === undefined || this.imageAlt === null) {
      warnAbout(this, 'image-alt', 'noImageAlt');
    }
    return h(
      'div',
      { class: 'media', part: 'image' },
      !this.imageFailed &&
        h('img', {
          src,
          srcset: safeSrcset(this.srcset, this, 'srcset'),
          sizes: this.sizes || undefined,
          alt: this.imageAlt ?? '',
          width: 1600,
          height: 900,
          loading: oneOf(this, 'loading', this.loading, LOADING_MODES, 'lazy'),
          decoding: 'async',
          onerror: () => (this.imageFailed = true),
        }),
    );
  }

  private renderMeta(lang: string, messages: Messages): Children {
    const published = parseDate(this.published);
    if (this.published && !published) warnAbout(this, 'published', 'notDate', this.published);
    const minutes = countAttribute(this, 'minutes', this.minutes, 0);
    const comments = this.servedCount ?? countAttribute(this, 'comments', this.comments, 0);
    return [
      this.author &&
        item(
          h('author-badge', {
            size: 'small',
            name: this.author,
            href: this.authorHref,
            avatar: this.authorAvatar,
            loading: oneOf(this, 'loading', this.loading, LOADING_MODES, 'lazy'),
            theme: this.theme,
          }),
        ),
      published &&
        item(
          h(
            'time',
            { datetime: this.published, title: formatFullDate(published, lang), dir: 'auto' },
            SERVER_SIDE && this.serverView ? formatFullDate(published, lang, 'medium') : formatPublished(published, lang),
          ),
        ),
      !!minutes && item(h('bdi', {}, formatPlural(lang, messages.minutesRead, Math.ceil(minutes), { n: Math.ceil(minutes) }))),
      this.thread
        ? this.servedCountItem(lang, messages, comments)
        : comments !== undefined && item(h('bdi', {}, formatPlural(lang, messages.comments, comments, { n: comments }))),
    ];
  }

  /**
   * A count served by the API holds a fixed place, as wide as "8888 comments", from the first frame:
   * its arrival (or failure) never re-wraps the line or moves what follows.
   */
  private servedCountItem(lang: string, messages: Messages, comments: number | undefined) {
    const text = comments === undefined ? '' : formatPlural(lang, messages.comments, comments, { n: comments });
    return h(
      'span',
      { class: 'item count', 'data-pending': comments === undefined, 'aria-hidden': comments === undefined && 'true' },
      SEPARATOR,
      h('span', { class: 'reserve', 'data-reserve': formatPlural(lang, messages.comments, 8888, { n: 8888 }) }, h('bdi', {}, text)),
    );
  }

  private renderTags(label: string) {
    const tags = this.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (tags.length === 0) return undefined;
    return h(
      'ul',
      { class: 'tags', part: 'tags', 'aria-label': label },
      tags.map((tag) => {
        const href = this.tagHref ? safeUrl(this.tagHref.replace('{tag}', encodeURIComponent(tag)), this, 'tag-href') : undefined;
        const name = h('bdi', {}, tag);
        return h('li', {}, href ? h('a', { part: 'tag', href }, name) : h('span', { part: 'tag' }, name));
      }),
    );
  }

  private slottedHeadlineHref(): string | undefined {
    const link = this.lightChildren.get('headline');
    const anchor = link?.matches('a[href]') ? link : link?.querySelector('a[href]');
    return safeUrl(anchor?.getAttribute('href'), this, 'headline');
  }

}

/**
 * One piece of metadata with the separator before it, glued to it: a line never ends with a separator,
 * and the one at the start of a line is clipped away (see the styles).
 */
// Fetched with the first card that shows a served count: one promise, so that the counts of all the cards
// connected in one task still go out in one request.
let counts: Promise<typeof import('../comment-box/counts.js')> | undefined;
const loadCounts = () => (counts ??= import('../comment-box/counts.js'));

// Only read, never changed, by whatever draws it: one for every item.
const SEPARATOR = h('span', { class: 'sep', 'aria-hidden': 'true' }, '·');

const item = (content: Children) => h('span', { class: 'item' }, SEPARATOR, content);

declare global {
  interface HTMLElementTagNameMap {
    'article-card': ArticleCard;
  }
}
