import { css } from '../core/css.js';

/** The rules only the real forms need (the stand-in drawn while they load uses the element's own): they come with the forms' code. */
const formStyles = css`
  .preview {
    display: block;
    min-height: 5em;
    padding: 0.25em 0.5em;
    border: 1px dashed var(--_border);
    border-radius: var(--_control-radius);
  }
  .guest {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.5em;
  }
  .guest label {
    display: grid;
    gap: 0.25em;
  }
  .notify {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
  }
  .notify .note {
    flex-basis: 100%;
  }
`;

/** Adds the forms' rules after the element's own in its shadow root. */
export function adoptFormStyles(root: ShadowRoot): void {
  const sheet = formStyles.styleSheet;
  if (sheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // Without constructable style sheets, as Lit does itself: a <style>, with the page's nonce if it set one.
  const style = document.createElement('style');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = formStyles.cssText;
  root.append(style);
}
