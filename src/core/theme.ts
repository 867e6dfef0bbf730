import { css } from './css.js';

/**
 * Library tokens with defaults derived from what the element sits on: its inherited text colour, never the
 * reader's system setting, since a page may be dark by its own class while the system is light, or the reverse.
 * `theme="dark|light"` forces a scheme and paints the element's own surface.
 *
 * The derived colours use `currentColor`, which resolves where a colour is used: use them in `color`, or
 * on an element whose `color` is still the inherited text colour (or, for `--_paper`, the accent).
 * `--_s` is 1 where that colour is light (a dark page) and 0 where it is dark; it only means something
 * inside a relative colour `from currentColor`, where `l` is that colour's lightness.
 * The tokens only forms use (`--_control-*`, `--_danger`, `--_paper`) are in controls.ts, which only the
 * elements with forms load.
 */
export const themeStyles = css`
  :host {
    --_s: clamp(0, (l - 0.6) * 999, 1);
    --_text: var(--inkwell-color-text, inherit);
    --_muted: var(--inkwell-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_border: var(--inkwell-color-border, color-mix(in srgb, currentColor 18%, transparent));
    --_surface: var(--inkwell-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_accent: var(--inkwell-color-accent, oklch(from currentColor calc(0.45 + 0.37 * var(--_s)) calc(0.2 - 0.11 * var(--_s)) 262 / 1));
    --_radius: var(--inkwell-radius, 0.5em);
    --_line: var(--inkwell-border-width, 1px);
    --_font: var(--inkwell-font-family, inherit);
    color: var(--_text);
    font-family: var(--_font);
  }
  :host([theme='light']) {
    --_text: var(--inkwell-color-text, #1f2328);
    --_surface: var(--inkwell-color-surface, #fff);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --_text: var(--inkwell-color-text, #e6e6e6);
    --_surface: var(--inkwell-color-surface, #1e1f22);
    color-scheme: dark;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  a {
    color: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
