import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Lit's css`` for Inkwell's own style sheets: the same CSSResult, without Lit's check, made at run time,
 * that each value is a CSSResult (TypeScript checks it here), and its message, which every page downloaded.
 */
export const css = (strings: TemplateStringsArray, ...values: CSSResult[]): CSSResult =>
  unsafeCSS(values.reduce((text, value, index) => text + value.cssText + strings[index + 1], strings[0]));
