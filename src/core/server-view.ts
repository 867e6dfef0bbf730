import { isServer } from 'lit';

const hydrating = new WeakSet<Element>();

/**
 * True while `element` renders what the server rendered: on the server, which knows only its attributes
 * (no page, no ancestors' `lang`, no light-DOM children), and for the browser's first render over a
 * server-rendered shadow root, which hydrates it and must match it. The render after that shows what
 * only the browser knows.
 */
export const inServerView = (element: Element): boolean => isServer || hydrating.has(element);

/** Marks `element` as hydrating its server-rendered shadow root (until its first update is done), or no longer. */
export function setHydrating(element: Element, on: boolean): void {
  if (on) hydrating.add(element);
  else hydrating.delete(element);
}
