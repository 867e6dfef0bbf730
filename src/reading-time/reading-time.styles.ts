import { css } from '../core/css.js';

export const readingTimeStyles = css`
  :host {
    display: inline;
    color: var(--inkwell-reading-time-color, var(--inkwell-color-muted, inherit));
    font: inherit;
    font-family: var(--inkwell-reading-time-font-family, var(--inkwell-font-family, inherit));
    white-space: nowrap;
  }
  :host([hidden]) {
    display: none;
  }
  time {
    font: inherit;
    color: inherit;
  }
`;
