import { css } from '../core/css.js';
import { controlStyles } from '../core/controls.js';

// Logical properties only (inline-start, not left): the inbox mirrors in right-to-left pages.
export const commentModerationStyles = css`
  ${controlStyles}
  :host {
    display: block;
    line-height: 1.45;
    --_gap: var(--inkwell-comment-moderation-gap, 0.75em);
    --_current: var(--inkwell-comment-moderation-current, var(--_accent));
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme]) {
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [hidden] {
    display: none !important;
  }
  .filters,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
    margin-block-end: var(--_gap);
  }
  .filters label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .filters input,
  .filters select {
    color: var(--_text);
  }
  .toolbar {
    align-items: center;
    padding-block: 0.4em;
    border-block-end: var(--_line) solid var(--_border);
  }
  .toolbar label {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  .count {
    color: var(--_muted);
  }
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.item {
    display: flex;
    gap: 0.75em;
    margin-block-end: var(--_gap);
    padding-block: 0.6em;
    padding-inline: 0.75em;
    border: var(--_line) solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  li.item[aria-current='true'] {
    border-inline-start-color: var(--_current);
  }
  .content {
    flex: 1;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0 0 0.4em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .meta strong {
    color: var(--_text);
  }
  .status {
    padding-inline: 0.4em;
    border: var(--_line) solid var(--_border);
    border-radius: 1em;
  }
  .text {
    margin: 0 0 0.5em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  blockquote.context {
    margin: 0 0 0.5em;
    padding-block: 0.25em;
    padding-inline: 0.6em 0;
    border-inline-start: 3px solid var(--_border);
  }
  .context-label {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .quoted {
    color: var(--_muted);
  }
  mark {
    color: inherit;
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
    text-decoration: underline wavy var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
  }
  .state {
    padding-block: 1em;
  }
  .state p {
    margin: 0 0 0.5em;
  }
  .notice {
    display: flex;
    gap: 0.75em;
    align-items: center;
  }
  .notice p {
    margin: 0;
  }
  .more,
  .keys {
    margin-block-start: 0.5em;
  }
  dialog {
    width: min(30em, calc(100vw - 2em));
    box-sizing: border-box;
    padding: 1.25em;
    border: var(--_line) solid var(--_border);
    border-radius: var(--_radius);
    color: inherit;
    background: var(--inkwell-color-surface, var(--_paper));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin: 0 0 0.75em;
    font-size: 1.15em;
  }
  dl {
    margin: 0 0 1em;
  }
  dl div {
    display: flex;
    gap: 1em;
  }
  dt {
    min-width: 2em;
  }
  dd {
    margin: 0;
  }
  kbd {
    padding-inline: 0.35em;
    border: var(--_line) solid var(--_border);
    border-radius: 0.25em;
    font-family: inherit;
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
