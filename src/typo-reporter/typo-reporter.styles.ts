import { css } from '../core/css.js';
import { controlStyles } from '../core/controls.js';

// Sizes in em: the host keeps the page's font size, so the dialog (in the top layer, yet still inheriting
// from the host) is as large as the text it reports on.
export const typoReporterStyles = css`
  ${controlStyles}
  :host {
    display: block;
  }
  :host([hidden]),
  :host([hide-hint]) slot {
    display: none;
  }
  :host([theme]) .hint {
    background: var(--_surface);
  }
  /* Smaller text on the page's own line height (1lh of the host): the README's reserve CSS holds exactly that. */
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: var(--inkwell-typo-reporter-font-size, 0.875em);
    line-height: 1lh;
  }
  button.report {
    padding: 0;
    border: 0;
    background: none;
    font-size: inherit;
    color: var(--_accent);
    text-decoration: underline;
  }
  /* With the hint hidden, the button stays for keyboards: out of sight until it has focus. */
  :host([hide-hint]) .report:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  kbd {
    font: inherit;
    font-size: 0.9em;
    line-height: 1;
    padding: 0 0.3em;
    border: 1px solid var(--_border);
    border-radius: 0.25em;
  }
  @media (forced-colors: active) {
    .float,
    .notice {
      border: 1px solid CanvasText;
    }
  }
  .float,
  .notice {
    position: fixed;
    margin: 0;
    z-index: 2147483647;
    font-size: 0.9em;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  /* It floats over the article, so it brings an opaque surface of its own. */
  button.float {
    inset: auto;
    padding: 0.5em 0.9em;
    background: var(--inkwell-button-primary-background, var(--_paper));
  }
  /* Centred at the bottom whichever way the page reads. */
  .notice {
    inset-inline: 0;
    inset-block-end: 1.5em;
    width: fit-content;
    margin-inline: auto;
    padding: 0.5em 1em;
    background: #333;
    color: #fff;
  }
`;
