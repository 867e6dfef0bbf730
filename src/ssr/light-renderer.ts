import { ElementRenderer } from '@lit-labs/ssr';
import { LightElement } from '../core/light-element.js';
import type { View, ViewElement } from '../core/view.js';

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPED[char]!);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const lightClass = (tag: string) => {
  const found = customElements.get(tag);
  return found && found.prototype instanceof LightElement ? (found as unknown as new () => LightElement) : undefined;
};

/** Made as the browser makes it, with the attributes a page or a template gives: on the server. */
function serverElement(tag: string, attributes: Iterable<[string, string]> = []): LightElement {
  const element = new (lightClass(tag)!)();
  element.serverView = true;
  for (const [name, value] of attributes) {
    element.setAttribute(name, value);
    element.attributeChangedCallback(name, null, value);
  }
  return element;
}

/** The declarative shadow root's content: the styles, then what the element draws first. */
function shadowHtml(element: LightElement, drawn: View[]): string {
  const styles = [(element.constructor as typeof LightElement).styles].flat();
  return `<style>${styles.map((style) => style.cssText).join('')}</style>${html(drawn)}`;
}

/**
 * The views as HTML, as patch() draws them in the browser: text escaped, listeners and CSSOM styles left out
 * (the browser adds them), an Inkwell element without Lit drawn inside with its own declarative shadow root.
 */
function html(drawn: View[]): string {
  let out = '';
  for (const drawnView of drawn) {
    if (typeof drawnView === 'string') {
      out += escape(drawnView);
      continue;
    }
    // A node made elsewhere is drawn in the browser only (the server's draws hold none).
    if (!('tag' in drawnView)) continue;
    const view: ViewElement = drawnView;
    const attributes = Object.entries(view.props).filter(
      ([name, value]) => !name.startsWith('on') && name !== 'style' && value !== undefined && value !== null && value !== false,
    ) as [string, unknown][];
    const written = attributes.map(([name, value]) => [name, value === true ? '' : `${value as string}`] as [string, string]);
    out += `<${view.tag}${written.map(([name, value]) => ` ${name}="${escape(value)}"`).join('')}>`;
    if (VOID.has(view.tag)) continue;
    if (lightClass(view.tag)) {
      const element = serverElement(view.tag, written);
      out += `<template shadowroot="open" shadowrootmode="open">${shadowHtml(element, element.serverDraw())}</template>`;
    }
    out += `${html(view.children)}</${view.tag}>`;
  }
  return out;
}

/**
 * Renders Inkwell's elements that are not LitElements (LightElement) for `@lit-labs/ssr`, beside its
 * LitElementRenderer: the same markup and styles the browser draws, as a declarative shadow root, which the
 * element keeps when it upgrades (its first draw patches the server's nodes).
 */
export class LightElementRenderer extends ElementRenderer {
  static override matchesClass(element: typeof HTMLElement): boolean {
    return element.prototype instanceof LightElement;
  }

  override element: LightElement;
  private drawn: View[] = [];

  constructor(tagName: string) {
    super(tagName);
    this.element = serverElement(tagName);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    this.element.attributeChangedCallback(name, old, value);
  }

  // Before the attributes are written: the first draw's reflected attributes are among them.
  override connectedCallback(): void {
    this.drawn = this.element.serverDraw();
  }

  override renderShadow(): string[] {
    return [shadowHtml(this.element, this.drawn)];
  }
}
