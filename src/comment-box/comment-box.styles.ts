import { css } from 'lit';

export const commentBoxStyles = css`
  :host {
    display: block;
    line-height: 1.5;
    min-height: var(--inkwell-comment-box-min-height, 12rem);
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin: 0;
    font-size: var(--inkwell-comment-box-heading-size, 1.35em);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 1rem;
  }
  select,
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  select,
  input,
  textarea {
    box-sizing: border-box;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.3rem;
    background: transparent;
  }
  button {
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--_border);
    border-radius: 0.3rem;
    background: transparent;
    cursor: pointer;
    white-space: nowrap;
  }
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: #fff;
  }
  :host([theme='dark']) button.primary {
    color: #111;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) button.primary {
      color: #111;
    }
  }
  button.link {
    padding: 0;
    border: 0;
    color: var(--_accent);
    font-size: 0.875em;
  }
  button:disabled,
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
    margin: 0 0 1rem;
  }
  li > ol {
    margin-top: 1rem;
    padding-inline-start: var(--inkwell-comment-box-indent, 1.5rem);
  }
  article {
    padding: 0.5rem 0.75rem;
    border-inline-start: 2px solid var(--_border);
    border-radius: 0.2rem;
    scroll-margin: 4rem;
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
    gap: 0.25rem 0.5rem;
    align-items: center;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .avatar {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    object-fit: cover;
    display: inline-grid;
    place-items: center;
    color: #fff;
    font-size: 0.6rem;
    font-weight: 600;
    background: var(--_border);
  }
  .author {
    font-weight: 600;
    color: var(--_text);
  }
  .tag {
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body p,
  .body pre,
  .body blockquote {
    margin: 0.4rem 0;
  }
  .body pre {
    overflow: auto;
    padding: 0.5rem;
    background: var(--_surface);
  }
  .body blockquote {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .body a {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .deleted {
    color: var(--_muted);
    font-style: italic;
  }
  form {
    display: grid;
    gap: 0.5rem;
    margin: 0.75rem 0 1rem;
  }
  label {
    font-weight: 600;
    font-size: 0.9em;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
    field-sizing: content;
  }
  .preview {
    display: block;
    min-height: 5rem;
    padding: 0.25rem 0.5rem;
    border: 1px dashed var(--_border);
    border-radius: 0.3rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: flex-end;
  }
  .row .note {
    margin-inline-end: auto;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .error {
    color: #c62828;
  }
  :host([theme='dark']) .error {
    color: #ff8a80;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) .error {
      color: #ff8a80;
    }
  }
  .guest {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5rem;
  }
  .guest label {
    display: grid;
    gap: 0.25rem;
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
