import { isServer } from 'lit';

/**
 * True while `element` renders what the server rendered: on the server, which knows only its attributes
 * (no page, no ancestors' `lang`, no light-DOM children), and for the browser's first render over a
 * server-rendered shadow root, which hydrates it and must match it. The render after that shows what
 * only the browser knows.
 */
export const inServerView = (element: Element): boolean =>
  isServer || (element as Element & { _$needsHydration?: boolean })._$needsHydration === true;
