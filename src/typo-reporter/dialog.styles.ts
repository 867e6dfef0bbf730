import { css } from '../core/css.js';
import { controlStyles } from '../core/controls.js';

// The rules of the dialog and of the touch button, adopted by the element with their code (after its own
// styles), so that a page pays for them only when a reader selects or reports.
export const dialogStyles = css`
  ${controlStyles}
  @media (forced-colors: active) {
    .float {
      border: 1px solid CanvasText;
    }
  }
  /* It floats over the article, so it brings an opaque surface of its own. */
  button.float {
    position: fixed;
    inset: auto;
    margin: 0;
    z-index: 2147483647;
    padding: 0.5em 0.9em;
    font-size: 0.9em;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    background: var(--inkwell-button-primary-background, var(--_paper));
  }
  dialog {
    width: min(34em, calc(100vw - 2em));
    box-sizing: border-box;
    padding: 1.25em;
    border: var(--_line) solid var(--_border);
    border-radius: var(--_radius);
    color: inherit;
    background: var(--inkwell-color-surface, var(--_paper));
    line-height: 1.45;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  h2 {
    margin: 0 0 0.75em;
    font-family: var(--inkwell-heading-font-family, inherit);
    font-size: 1.15em;
    font-weight: var(--inkwell-heading-weight, 700);
  }
  blockquote {
    margin: 0 0 1em;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
  }
  mark {
    color: inherit;
    background: color-mix(in oklab, #f5c518 40%, var(--_paper));
    text-decoration: underline wavy var(--_danger);
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      color: MarkText;
      background: Mark;
    }
  }
  label {
    display: block;
    margin: 0 0 0.75em;
    font-weight: 600;
  }
  input,
  textarea {
    display: block;
    width: 100%;
    margin-top: 0.25em;
    font-weight: 400;
  }
  .actions {
    display: flex;
    gap: 0.5em;
    justify-content: flex-end;
    align-items: center;
  }
  .status {
    margin: 0;
    margin-inline-end: auto;
    font-size: 0.9em;
  }
  .note {
    margin: 0 0 0.75em;
    font-size: 0.9em;
  }
  .status.error {
    color: var(--_danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
`;

/** Adds the rules after the element's own in its shadow root. */
export function adoptDialogStyles(root: ShadowRoot): void {
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, dialogStyles.styleSheet!];
}
