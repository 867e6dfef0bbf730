import { css } from 'lit';

export const typoReporterStyles = css`
  :host {
    display: block;
    color: var(--_muted);
    font-size: var(--inkwell-typo-reporter-font-size, 0.875em);
  }
  :host([hidden]),
  :host([hide-hint]) slot {
    display: none;
  }
  .hint {
    margin: 0;
  }
  button.report {
    padding: 0;
    border: 0;
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
    padding: 0 0.3em;
    border: 1px solid var(--_border);
    border-radius: 0.25em;
  }
  dialog {
    width: min(34rem, calc(100vw - 2rem));
    box-sizing: border-box;
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--inkwell-color-text, CanvasText);
    background: var(--inkwell-color-surface, Canvas);
    font-size: 1rem;
    line-height: 1.45;
  }
  :host([theme='dark']) dialog {
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) dialog {
      color-scheme: dark;
    }
    :host(:not([theme='light'])) button[type='submit'],
    :host(:not([theme='light'])) .float {
      color: #111;
    }
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.15em;
  }
  blockquote {
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border-left: 3px solid var(--_accent);
    background: color-mix(in srgb, currentColor 5%, transparent);
  }
  mark {
    color: inherit;
    background: color-mix(in srgb, #f5c518 45%, transparent);
    text-decoration: underline wavy #d33;
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      color: MarkText;
      background: Mark;
    }
    .float,
    .notice {
      border: 1px solid CanvasText;
    }
  }
  label {
    display: block;
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  input,
  textarea {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin-top: 0.25rem;
    padding: 0.4rem 0.5rem;
    font: inherit;
    font-weight: 400;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    align-items: center;
  }
  .status {
    margin: 0 auto 0 0;
    font-size: 0.9em;
  }
  .note {
    margin: 0 0 0.75rem;
    font-size: 0.9em;
  }
  .status.error {
    color: #c62828;
  }
  :host([theme='dark']) .status.error {
    color: #ff8a80;
  }
  @media (prefers-color-scheme: dark) {
    .status.error {
      color: #ff8a80;
    }
  }
  button {
    font: inherit;
    padding: 0.4rem 0.9rem;
    border-radius: 0.25rem;
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  button[type='submit'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: #fff;
  }
  :host([theme='dark']) button[type='submit'],
  :host([theme='dark']) .float {
    color: #111;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .float,
  .notice {
    position: fixed;
    margin: 0;
    z-index: 2147483647;
    font-size: 0.9rem;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  .float {
    inset: auto;
    border: 0;
    padding: 0.5rem 0.9rem;
    background: var(--_accent);
    color: #fff;
  }
  .notice {
    left: 50%;
    bottom: 1.5rem;
    transform: translateX(-50%);
    padding: 0.5rem 1rem;
    background: #333;
    color: #fff;
  }
`;
