import { css } from '../core/css.js';
import { controlStyles } from '../core/controls.js';

// Sizes in em, from the element's own inherited font size: a page may shrink its root (html { font-size: 62.5% }).
export const commentBoxStyles = css`
  ${controlStyles}
  :host {
    display: block;
    line-height: 1.5;
    min-height: var(--inkwell-comment-box-min-height, 12em);
  }
  :host([hidden]) {
    display: none;
  }
  /* A forced scheme brings its own surface: light text on the page's white would be unreadable. */
  :host([theme]) {
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  section {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    grid-column: 1 / -1;
    flex: 1 1 100%;
  }
  h2 {
    margin: 0;
    font-family: var(--inkwell-heading-font-family, inherit);
    font-size: var(--inkwell-comment-box-heading-size, 1.35em);
    font-weight: var(--inkwell-heading-weight, 700);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 1em;
  }
  /* It sits in the muted "Sort comments" label: a border of the muted colour itself still stands out. */
  .status select {
    border-color: currentColor;
  }
  button.link {
    padding: 0;
    border: 0;
    color: var(--_accent);
    background: none;
    font-size: 0.875em;
    font-weight: inherit;
  }
  /* Like a disabled button (controlStyles), but still focusable and announced. */
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  button[aria-pressed='true'] {
    border-color: currentColor;
    background: var(--_surface);
    font-weight: 600;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    margin: 0 0 1em;
  }
  li > ol {
    margin-top: 1em;
    padding-inline-start: var(--inkwell-comment-box-indent, 1.5em);
  }
  article {
    /* Comments off screen are not laid out or painted until they come near it: a long thread costs its first screen. */
    content-visibility: auto;
    contain-intrinsic-size: auto 6em;
    padding: 0.5em 0.75em;
    border-inline-start: 2px solid var(--_border);
    border-radius: 0.2em;
    scroll-margin: 4em;
  }
  article.highlight,
  article:focus {
    /* Invisible here; forced colours paint it (in the system's colour), where the tint and the border colour are lost. */
    outline: 2px solid transparent;
    outline-offset: 2px;
    border-inline-start-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  article:focus-visible {
    outline-color: var(--_accent);
  }
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      outline: 2px solid;
      outline-offset: -4px;
    }
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .avatar {
    flex: none;
    width: 2.2em;
    height: 2.2em;
    border-radius: 50%;
    object-fit: cover;
    display: inline-grid;
    place-items: center;
    color: #fff;
    font-size: 0.8em;
    font-weight: 600;
    background: var(--_border);
  }
  .author {
    font-weight: 600;
    color: var(--_text);
  }
  .tag {
    padding: 0 0.4em;
    border: var(--_line) solid currentColor;
    border-radius: 999px;
    font-size: 0.9em;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body p,
  .body pre,
  .body blockquote {
    margin: 0.4em 0;
  }
  .body pre {
    overflow: auto;
    padding: 0.5em;
    background: var(--_surface);
  }
  .body blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .body a {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .reactions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    align-items: center;
  }
  section > .reactions {
    margin-bottom: 1em;
  }
  article > .reactions {
    margin-top: 0.4em;
  }
  button.reaction {
    min-width: 2.5em;
    padding: 0.1em 0.55em;
    border-radius: 1em;
    font-size: 0.875em;
    line-height: 1.5;
  }
  button.reaction[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .reactions .note {
    flex-basis: 100%;
    font-size: 0.875em;
  }
  .deleted {
    color: var(--_muted);
    font-style: italic;
  }
  form {
    display: grid;
    gap: 0.5em;
    margin: 0.75em 0 1em;
  }
  label {
    font-weight: 600;
    font-size: 0.9em;
  }
  textarea {
    width: 100%;
    min-height: 5em;
    resize: vertical;
    field-sizing: content;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: flex-end;
  }
  .row .note {
    margin-inline-end: auto;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .strut {
    visibility: hidden;
  }
  .prompt,
  .empty,
  .status {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
