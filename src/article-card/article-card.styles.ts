import { css } from '../core/css.js';

export const articleCardStyles = css`
  :host {
    display: block;
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  /* Fills whatever box a theme's grid or flex layout gives the element, even one that makes the host a grid or flex container. */
  .frame {
    container-type: inline-size;
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    height: 100%;
    grid-column: 1 / -1;
    flex: 1 1 100%;
  }
  .card {
    position: relative;
    display: grid;
    grid-template-areas: 'media' 'body';
    align-content: start;
    gap: var(--inkwell-article-card-gap, 0.75em);
    height: 100%;
    box-sizing: border-box;
    padding: var(--inkwell-article-card-padding, 0);
    border-radius: var(--_radius);
    background: var(--inkwell-article-card-background, transparent);
  }
  /* A forced scheme brings its own surface: light text on the page's white would be unreadable. */
  :host([theme]) .card {
    padding: var(--inkwell-article-card-padding, 0.75em);
    background: var(--inkwell-article-card-background, var(--_surface));
  }
  .media {
    grid-area: media;
    aspect-ratio: var(--inkwell-article-card-image-ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_border);
  }
  .media img,
  .media ::slotted(img) {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .body {
    grid-area: body;
    min-width: 0;
  }
  .headline {
    margin: 0 0 0.35em;
    font-family: var(--inkwell-heading-font-family, inherit);
    font-size: var(--inkwell-article-card-headline-size, 1.25em);
    font-weight: var(--inkwell-heading-weight, 700);
    line-height: var(--inkwell-heading-line-height, 1.25);
  }
  .headline a {
    color: inherit;
    text-decoration: none;
  }
  /* A theme's a { color } reaches a slotted link and may match its own background; the card's text colour always reads. */
  .headline ::slotted(a) {
    color: inherit !important;
    text-decoration: none;
  }
  .card:hover .headline a,
  .card:hover .headline ::slotted(a) {
    text-decoration: underline;
  }
  .excerpt {
    margin: 0 0 0.5em;
    color: var(--_muted);
  }
  .excerpt ::slotted(*) {
    margin: 0 !important;
  }
  /*
   * Each item carries the separator before it (1.2em: the dot and the space around it), and the items
   * start 1.2em early: the separator of whichever item begins a line falls outside the box and is
   * clipped. Only sideways: a focus ring above or below still shows, and 0.35em of room either side
   * keeps the one of the first link (the author's name).
   */
  .meta {
    overflow-x: clip;
    padding-inline: 0.35em;
    margin-inline: -0.35em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .items {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin-inline-start: -1.2em;
  }
  .item {
    display: flex;
    align-items: center;
    min-width: 0;
  }
  .count[data-pending] {
    visibility: hidden;
  }
  .reserve {
    display: inline-grid;
  }
  .reserve > *,
  .reserve::after {
    grid-area: 1 / 1;
  }
  .reserve::after {
    content: attr(data-reserve);
    visibility: hidden;
    block-size: 0;
  }
  .sep {
    flex: none;
    width: 0.4em;
    margin-inline: 0.4em;
    text-align: center;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }
  /*
   * The pill is the link itself, at least 24 px square (WCAG 2.5.8): none of it opens the article instead.
   * Its round outline is drawn apart, so the corners of its box are the tag's too.
   */
  .tags a,
  .tags span {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-width: 24px;
    min-height: 24px;
    padding: 0 0.6em;
    color: var(--inkwell-tag-color, inherit);
    isolation: isolate;
  }
  .tags a::before,
  .tags span::before {
    content: '';
    position: absolute;
    inset: 0;
    border: var(--_line) solid var(--inkwell-tag-border-color, var(--_border));
    border-radius: var(--inkwell-tag-radius, 999px);
    background: var(--inkwell-tag-background, transparent);
    z-index: -1;
  }
  .tags a {
    text-decoration: none;
  }
  /* The whole card opens the article; author and tag links stay clickable above the cover. */
  .cover {
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  author-badge,
  .tags a,
  ::slotted([slot='actions']) {
    position: relative;
    z-index: 1;
  }
  .horizontal {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    grid-template-areas: 'media body';
    align-items: start;
  }
  .compact {
    grid-template-columns: minmax(0, 1fr) 5em;
    grid-template-areas: 'body media';
    align-items: start;
  }
  .compact .media {
    aspect-ratio: 1;
  }
  .featured .headline {
    font-size: var(--inkwell-article-card-featured-headline-size, 1.75em);
  }
  .featured .excerpt {
    font-size: 1.0625em;
  }
  @container (min-width: 40em) {
    .featured {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: 'media body';
      align-items: center;
      gap: var(--inkwell-article-card-gap, 1.5em);
    }
  }
  .compact .headline {
    font-size: 1em;
  }
  .compact .excerpt {
    display: none;
  }
  @container (max-width: 28em) {
    .horizontal {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'media' 'body';
    }
  }
  @container (max-width: 14em) {
    .compact {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'body';
    }
    .compact .media {
      display: none;
    }
  }
`;
