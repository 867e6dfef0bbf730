import type { CSSResult } from 'lit';

/**
 * A style sheet as Lit's CSSResult is used (`cssText` for the server's `<style>`, `styleSheet` to adopt),
 * made without Lit, so that the elements that do not use Lit share their styles with those that do.
 */
class Sheet {
  private sheet?: CSSStyleSheet;
  constructor(readonly cssText: string) {}

  /** Made on first use: the server never makes one. */
  get styleSheet(): CSSStyleSheet {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(this.cssText);
    }
    return this.sheet;
  }

  toString(): string {
    return this.cssText;
  }
}

/** Inkwell's css``: its values are other sheets, joined into this one (TypeScript checks that they are). */
export const css = (strings: TemplateStringsArray, ...values: CSSResult[]): CSSResult =>
  new Sheet(values.reduce((text, value, index) => text + value.cssText + strings[index + 1], strings[0])) as unknown as CSSResult;
