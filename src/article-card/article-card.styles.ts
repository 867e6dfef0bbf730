import { css } from 'lit';

export const articleCardStyles = css`
  :host {
    display: block;
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  .frame {
    container-type: inline-size;
    height: 100%;
  }
  .card {
    position: relative;
    display: grid;
    grid-template-areas: 'media' 'body';
    align-content: start;
    gap: var(--inkwell-article-card-gap, 0.75rem);
    height: 100%;
    box-sizing: border-box;
    padding: var(--inkwell-article-card-padding, 0);
    border-radius: var(--_radius);
    background: var(--inkwell-article-card-background, transparent);
  }
  /* A forced scheme brings its own surface: light text on the page's white would be unreadable. */
  :host([theme]) .card {
    padding: var(--inkwell-article-card-padding, 0.75rem);
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
    margin: 0 0 0.35rem;
    font-size: var(--inkwell-article-card-headline-size, 1.25em);
    font-weight: 700;
    line-height: 1.25;
  }
  .headline a,
  .headline ::slotted(a) {
    color: inherit;
    text-decoration: none;
  }
  .card:hover .headline a,
  .card:hover .headline ::slotted(a) {
    text-decoration: underline;
  }
  .excerpt {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .excerpt ::slotted(*) {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.4em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* A separator after each item; the badge is a box of its own and is followed by space only. */
  .meta > :not(:last-child, author-badge)::after {
    content: '·';
    /* Decoration only: kept out of accessible names. */
    content: '·' / '';
    margin-left: 0.4em;
  }
  .meta > author-badge {
    margin-right: 0.35em;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0.5rem 0 0;
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
  }
  .tags a::before,
  .tags span::before {
    content: '';
    position: absolute;
    inset: 0;
    border: 1px solid var(--_border);
    border-radius: 999px;
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
    grid-template-columns: minmax(0, 1fr) 5rem;
    grid-template-areas: 'body media';
    align-items: start;
  }
  .compact .media {
    aspect-ratio: 1;
  }
  .compact .headline {
    font-size: 1em;
  }
  .compact .excerpt {
    display: none;
  }
  @container (max-width: 28rem) {
    .horizontal {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'media' 'body';
    }
  }
  @container (max-width: 14rem) {
    .compact {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'body';
    }
    .compact .media {
      display: none;
    }
  }
`;
