import { css } from 'lit';

/**
 * Library tokens with defaults derived from the page's own text colour, so an element looks right on any
 * background without a theme file; `theme="dark|light"` forces a scheme, otherwise the reader's system decides.
 */
export const themeStyles = css`
  :host {
    --_text: var(--inkwell-color-text, inherit);
    --_muted: var(--inkwell-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_border: var(--inkwell-color-border, color-mix(in srgb, currentColor 16%, transparent));
    --_surface: var(--inkwell-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_accent: var(--inkwell-color-accent, #1d4ed8);
    --_radius: var(--inkwell-radius, 0.5rem);
    --_font: var(--inkwell-font-family, inherit);
    color: var(--_text);
    font-family: var(--_font);
  }
  :host([theme='light']) {
    --_text: var(--inkwell-color-text, #1f2328);
    --_surface: var(--inkwell-color-surface, #ffffff);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --_text: var(--inkwell-color-text, #e6e6e6);
    --_surface: var(--inkwell-color-surface, #1e1f22);
    --_accent: var(--inkwell-color-accent, #8ab4ff);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--inkwell-color-accent, #8ab4ff);
    }
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
