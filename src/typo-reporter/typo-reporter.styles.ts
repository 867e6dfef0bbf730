import { css } from '../core/css.js';

// Sizes in em: the host keeps the page's font size, so the dialog (in the top layer, yet still inheriting
// from the host) is as large as the text it reports on. The dialog's rules and the touch button's come with
// their code (dialog.styles.ts).
export const typoReporterStyles = css`
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
  /* A link-like button: what the control styles (controls.ts, which come with the dialog) and these rules made of it together. */
  .hint button,
  .notice button {
    box-sizing: border-box;
    padding: 0;
    border: 0;
    border-radius: var(--inkwell-control-radius, 0.3em);
    background: none;
    font: inherit;
    font-weight: var(--inkwell-button-font-weight, inherit);
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    white-space: nowrap;
  }
  .notice button {
    color: inherit;
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
  /* Centred at the bottom whichever way the page reads, over the article. */
  .notice {
    position: fixed;
    inset-inline: 0;
    inset-block-end: 1.5em;
    z-index: 2147483647;
    width: fit-content;
    margin: 0 auto;
    padding: 0.5em 1em;
    font-size: 0.9em;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    background: #333;
    color: #fff;
  }
  @media (forced-colors: active) {
    .notice {
      border: 1px solid CanvasText;
    }
  }
`;
