import { css } from '../core/css.js';

export const authorBadgeStyles = css`
  :host {
    display: block;
    --_avatar: var(--inkwell-author-badge-avatar-size, 3em);
    --_gap: var(--inkwell-author-badge-gap, 0.75em);
    line-height: 1.4;
  }
  /* One line as tall as the avatar: what the README's reserve CSS gives the byline before the script runs. */
  :host([size='small']) {
    display: inline-block;
    vertical-align: middle;
    line-height: 1.5;
    --_avatar: var(--inkwell-author-badge-avatar-size, 1.5em);
    --_gap: var(--inkwell-author-badge-gap, 0.5em);
  }
  :host([size='large']) {
    --_avatar: var(--inkwell-author-badge-avatar-size, 5em);
    --_gap: var(--inkwell-author-badge-gap, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  /* Fills whatever box a theme's grid or flex layout gives the element. */
  .base {
    box-sizing: border-box;
    min-width: 0;
    grid-column: 1 / -1;
    flex: auto;
    display: flex;
    gap: var(--_gap);
    align-items: flex-start;
  }
  :host([size='small']) .base {
    align-items: center;
  }
  /* A forced scheme brings its own surface: light text on the page's white would be unreadable. */
  :host([theme]) .base {
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  :host([size='large']) .base {
    padding: 1.25em;
    border: var(--_line) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The initials are 0.4 of the avatar, and the avatar 2.5 of its own font size: var(--_avatar) of the badge's. */
  .avatar {
    flex: none;
    box-sizing: border-box;
    width: 2.5em;
    height: 2.5em;
    border-radius: 50%;
    object-fit: cover;
    display: grid;
    place-items: center;
    overflow: hidden;
    color: #fff;
    font-weight: 600;
    font-size: calc(var(--_avatar) * 0.4);
    line-height: 1;
    background: var(--_border);
    user-select: none;
  }
  .text {
    min-width: 0;
    flex: 1;
  }
  .name {
    font-weight: 600;
  }
  .name a,
  .name ::slotted(a) {
    color: inherit !important;
    text-decoration: none;
  }
  .name a:hover,
  .name ::slotted(a:hover) {
    text-decoration: underline;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .bio {
    position: relative;
    margin-block-start: 0.25em;
  }
  .bio ::slotted(*) {
    margin: 0 !important;
  }
  .clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    overflow: hidden;
  }
  .toggle {
    font: inherit;
    font-size: 0.875em;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
  }
  /*
   * While clamped, the toggle sits over the end of the last line, so its appearance moves nothing. The
   * text there fades out (a mask, not a painted colour), so it matches whatever surface is behind it.
   */
  .clamped + .toggle {
    position: absolute;
    inset-inline-end: 0;
    inset-block-end: 0;
  }
  /* A gradient has no logical direction: it fades towards the inline end, and the right-to-left rule turns it. */
  .faded {
    --_fade: linear-gradient(to left, transparent 4em, #000 6em);
    mask-image: linear-gradient(#000, #000), var(--_fade);
    mask-size: 100% calc(100% - 1lh), 100% 1lh;
    mask-position: top, bottom;
    mask-repeat: no-repeat;
  }
  :host(:dir(rtl)) .faded {
    --_fade: linear-gradient(to right, transparent 4em, #000 6em);
  }
  .actions {
    flex: none;
    align-self: center;
  }
`;
