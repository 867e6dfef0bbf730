import { property, state } from '../core/decorators.js';
import { VERSION } from '../core/version.js';
import { themeStyles } from '../core/theme.js';
import { formatPlural } from '../core/i18n.js';
import { LightElement, type PropertyValues } from '../core/light-element.js';
import { h } from '../core/view.js';
import { safeSrcset, safeUrl } from '../core/url.js';
import { LOADING_MODES, countAttribute, oneOf } from '../core/validate.js';
import { avatarView } from '../core/avatar-view.js';
import { LightChildren } from '../core/light-children.js';
import { authorBadgeStyles } from './author-badge.styles.js';

export type BadgeSize = 'small' | 'medium' | 'large';
const SIZES: readonly BadgeSize[] = ['small', 'medium', 'large'];

/**
 * The author's avatar, name, post count and a short bio: the byline box under an article.
 *
 * Everything can come from attributes, or from light-DOM children a CMS renders (they win, and stay
 * in the page for crawlers and reader modes):
 *
 * ```html
 * <author-badge class="h-card" avatar="/a/nushama.jpg" posts="2">
 *   <a slot="name" class="p-name u-url" href="/authors/nushama">Nushama Wellness</a>
 *   <p slot="bio" class="p-note">Nushama is a pioneering collective …</p>
 * </author-badge>
 * ```
 *
 * Before the script runs, reserve the avatar's space so nothing moves:
 * `author-badge:not(:defined) { display: block; min-height: 3em }`; the README's "No layout shift"
 * rules also cover `size="small"` (a byline's name keeps its place) and `large`.
 *
 * @tagname author-badge
 * @summary The author's avatar, name, post count, a short bio and a profile link.
 *
 * @slot name - The author's name, usually a link (`<a slot="name" class="p-name u-url">`); wins over `name`.
 * @slot bio - The author's bio; wins over `bio`.
 * @slot actions - A follow or subscribe button.
 *
 * @csspart base - The badge's layout box.
 * @csspart avatar - The picture, or the initials when there is none.
 * @csspart name - The author's name.
 * @csspart meta - The post count.
 * @csspart bio - The bio.
 * @csspart toggle - The "more"/"less" button of a long bio.
 *
 * @cssprop [--inkwell-author-badge-avatar-size=3em] - Avatar size (1.5em small, 5em large).
 * @cssprop [--inkwell-author-badge-gap=0.75em] - Space between avatar and text.
 * @cssprop [--inkwell-color-accent] - The "more" button and the focus ring; derived from the text colour by default.
 * @cssprop [--inkwell-radius=0.5em] - Corner radius of the large badge's box.
 * @cssprop [--inkwell-border-width=1px] - Width of the large badge's border.
 * @cssprop [--inkwell-color-muted] - Secondary text.
 */
export class AuthorBadge extends LightElement {
  /** The Inkwell version this class belongs to. */
  static readonly version = VERSION;
  static override styles = [themeStyles, authorBadgeStyles];

  /** The author's name. */
  @property() name = '';

  /** The author's profile page (http, https or relative). */
  @property() href = '';

  /** URL of the author's picture; initials on a colour derived from the name when missing or broken. */
  @property() avatar = '';

  /** `srcset` of the picture. */
  @property() srcset = '';

  /** `sizes` of the picture. */
  @property() sizes = '';

  /** `lazy` (default) or `eager` loading of the picture. */
  @property() loading: 'lazy' | 'eager' = 'lazy';

  /** A short bio in plain text. */
  @property() bio = '';

  /** How many posts the author has published ("2 posts"). */
  @property({ type: Number }) posts?: number;

  /** `small` for bylines, `medium` (default), `large` for the end-of-article box. */
  @property({ reflect: true }) size: BadgeSize = 'medium';

  /** Lines of bio shown before "more". */
  @property({ type: Number, attribute: 'bio-lines' }) bioLines = 2;

  /** Forces a colour scheme and paints the element's own surface; without it the element takes its colours from the page around it. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** @internal */
  @state() private expanded = false;
  /** @internal */
  @state() private overflowing = false;
  /** @internal */
  @state() private avatarFailed = false;

  private get bioBox(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('#bio');
  }

  private readonly lightChildren = new LightChildren(this);
  private resizeObserver?: ResizeObserver;
  private observedBio?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver(() => this.measureBio());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.observedBio = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('avatar') || changed.has('srcset')) this.avatarFailed = false;
  }

  protected override updated(): void {
    // The observer's first report, and each after a resize, measures the bio outside Lit's update.
    const box = this.bioBox ?? undefined;
    if (box === this.observedBio) return;
    if (this.observedBio) this.resizeObserver?.unobserve(this.observedBio);
    if (box) this.resizeObserver?.observe(box);
    this.observedBio = box;
  }

  protected override render() {
    const size = oneOf(this, 'size', this.size, SIZES, 'medium');
    const { lang, messages } = this.locale;
    const posts = countAttribute(this, 'posts', this.posts);
    const showBio = size !== 'small' && (this.lightChildren.has('bio') || this.bio);
    return h(
      'div',
      { class: 'base', part: 'base' },
      this.renderAvatar(),
      h(
        'div',
        { class: 'text' },
        h('div', { class: 'name', part: 'name' }, this.renderName()),
        posts !== undefined && size !== 'small' && h('div', { class: 'meta', part: 'meta' }, h('bdi', {}, formatPlural(lang, messages.posts, posts, { n: posts }))),
        showBio && this.renderBio(messages.more, messages.less),
      ),
      this.lightChildren.has('actions') && h('div', { class: 'actions' }, h('slot', { name: 'actions' })),
    );
  }

  private renderAvatar() {
    return avatarView({
      name: this.displayName(),
      src: this.avatarFailed ? undefined : safeUrl(this.avatar, this, 'avatar'),
      srcset: safeSrcset(this.srcset, this, 'srcset'),
      sizes: this.sizes,
      loading: oneOf(this, 'loading', this.loading, LOADING_MODES, 'lazy'),
      onError: () => (this.avatarFailed = true),
    });
  }

  private renderName() {
    const href = safeUrl(this.href, this, 'href');
    // <bdi>: a Latin name keeps its order in an Arabic page, and an Arabic one in an English page.
    const name = h('bdi', {}, this.name);
    return h('slot', { name: 'name' }, href ? h('a', { href }, name) : name);
  }

  private renderBio(more: string, less: string) {
    const lines = countAttribute(this, 'bio-lines', this.bioLines, 1) ?? 2;
    return h(
      'div',
      { class: 'bio' },
      h(
        'div',
        { id: 'bio', part: 'bio', class: this.expanded ? '' : this.overflowing ? 'clamped faded' : 'clamped', style: { '--_lines': String(lines) } },
        h('slot', { name: 'bio' }, h('bdi', {}, this.bio)),
      ),
      this.overflowing &&
        h(
          'button',
          {
            class: 'toggle',
            part: 'toggle',
            type: 'button',
            'aria-expanded': this.expanded ? 'true' : 'false',
            'aria-controls': 'bio',
            onclick: () => (this.expanded = !this.expanded),
          },
          this.expanded ? less : more,
        ),
    );
  }

  private displayName(): string {
    return (this.lightChildren.get('name')?.textContent ?? this.name).trim();
  }

  private measureBio(): void {
    const box = this.bioBox;
    if (!box || this.expanded) return;
    const overflowing = box.scrollHeight > box.clientHeight + 1;
    if (overflowing !== this.overflowing) this.overflowing = overflowing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'author-badge': AuthorBadge;
  }
}
