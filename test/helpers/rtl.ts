import { fixture, html } from '@open-wc/testing';
import { rtlPage, type RtlLang, type RtlTag } from '../rtl/pages.js';
import { registerMessages } from '../../src/core/i18n.js';
import { en } from '../../src/core/messages/en.js';

// These pages test left-to-right runs inside right-to-left layout: a site that has not translated
// Inkwell (its words English) on an Arabic or Hebrew page, the hardest case for isolation.
registerMessages('ar', en);
registerMessages('he', en);

/** Mounts an element's right-to-left test page (test/rtl/pages.ts) and waits for its elements' first render. */
export async function mountRtl(tag: RtlTag, lang: RtlLang, dir: 'rtl' | 'ltr' = 'rtl', comments?: string): Promise<HTMLElement> {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = rtlPage(tag, lang, { dir, image: '/__slow-image.svg?ms=0', comments });
  const page = holder.firstElementChild as HTMLElement;
  await Promise.all([...page.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(tag)].map((el) => el.updateComplete));
  return page;
}

export const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement;
export const rect = (el: Element) => el.getBoundingClientRect();

/** Where the characters `text` begin inside `node` (a text node), on screen. */
export function charBox(node: Node, text: string): DOMRect {
  const at = node.nodeValue!.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in "${node.nodeValue}"`);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + 1);
  return range.getBoundingClientRect();
}

/** The first text node under `root` that contains `text`. */
export function textNode(root: Node, text: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue!.includes(text)) return node as Text;
  throw new Error(`no text node with "${text}"`);
}
