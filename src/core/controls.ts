import { css } from './css.js';

/**
 * Buttons and fields shaped by a few tokens, so a theme can match its own in a few lines:
 * `--inkwell-control-radius`, `--inkwell-border-width`, `--inkwell-button-*`, `--inkwell-input-background`.
 */
export const controlStyles = css`
  /* Tokens of the theme (theme.ts, which says what --_s is) that only elements with controls use. */
  :host {
    --_control-border: var(--inkwell-color-border, color-mix(in srgb, currentColor 62%, transparent));
    --_control-radius: var(--inkwell-control-radius, 0.3em);
    --_danger: oklch(from currentColor calc(0.48 + 0.32 * var(--_s)) calc(0.17 - 0.06 * var(--_s)) 27 / 1);
    /* An opaque surface that the text colour reads on: white under dark text, near black under light text. */
    --_paper: oklch(from currentColor calc(1 - 0.77 * var(--_s)) 0 0 / 1);
  }
  button,
  input,
  textarea,
  select {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    border: var(--_line) solid var(--_control-border);
    border-radius: var(--_control-radius);
  }
  input,
  textarea,
  select {
    padding: 0.35em 0.5em;
    background: var(--inkwell-input-background, transparent);
  }
  option {
    background: var(--_paper);
  }
  button {
    padding: var(--inkwell-button-padding, 0.35em 0.9em);
    color: var(--inkwell-button-color, inherit);
    background: var(--inkwell-button-background, transparent);
    font-weight: var(--inkwell-button-font-weight, inherit);
    cursor: pointer;
    white-space: nowrap;
  }
  /* The accent as text on a tint of itself: readable wherever the page's text is, whatever the scheme. */
  button.primary {
    color: var(--inkwell-button-primary-color, var(--_accent));
    border-color: var(--inkwell-button-primary-background, currentColor);
    background: var(--inkwell-button-primary-background, color-mix(in srgb, currentColor 10%, transparent));
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
`;
