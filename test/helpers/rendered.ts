/** What a reader sees of an element: its shadow content and what is slotted into it, in the flat tree. */
import { paintContrast, textContrast } from './contrast.js';

export interface Seen {
  texts: { el: Element; text: string }[];
  controls: HTMLElement[];
}

const CONTROLS = new Set(['BUTTON', 'INPUT', 'TEXTAREA', 'SELECT']);

function hidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || el.classList.contains('visually-hidden')) return true;
  // A slot (display: contents) has no box of its own, yet what it shows does.
  return el.ownerDocument.defaultView!.getComputedStyle(el).display !== 'contents' && !el.checkVisibility();
}

/** Visible text (not decorative: `aria-hidden` is skipped, so are avatar initials) and enabled controls of `host`. */
export function seenIn(host: Element): Seen {
  const seen: Seen = { texts: [], controls: [] };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.trim();
      if (text && node.parentElement) seen.texts.push({ el: node.parentElement, text });
      return;
    }
    if (!(node instanceof node.ownerDocument!.defaultView!.Element)) return;
    const el = node as Element;
    if (hidden(el)) return;
    if (CONTROLS.has(el.tagName) && !(el as HTMLButtonElement).disabled) seen.controls.push(el as HTMLElement);
    if (el.shadowRoot) {
      for (const child of el.shadowRoot.childNodes) walk(child);
      return;
    }
    if (el.localName === 'slot') {
      const assigned = (el as HTMLSlotElement).assignedNodes();
      for (const child of assigned.length ? assigned : el.childNodes) walk(child);
      return;
    }
    for (const child of el.childNodes) walk(child);
  };
  walk(host);
  return seen;
}

/** Text under 4.5:1 and field or button borders under 3:1 against what they sit on, in every element of `root`. */
export function contrastFailures(root: Document | Element): string[] {
  const failures: string[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  for (const host of root.querySelectorAll('reading-time, author-badge, article-card, typo-reporter, comment-box')) {
    const { texts, controls } = seenIn(host);
    for (const { el, text } of texts) {
      const ratio = textContrast(el);
      if (ratio < 4.5) failures.push(`${host.localName}: "${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
    }
    for (const control of controls) {
      const style = doc.defaultView!.getComputedStyle(control);
      if (parseFloat(style.borderTopWidth) === 0) continue;
      const ratio = paintContrast(control, style.borderTopColor);
      if (ratio < 3) failures.push(`${host.localName}: border of <${control.localName} class="${control.className}"> ${ratio.toFixed(2)}:1`);
    }
  }
  return failures;
}
