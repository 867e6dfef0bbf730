// What assistive technology is given: the browser's own accessibility tree, read through the test runner
// (scripts/wtr-aria-plugin.js, and a11ySnapshot where the browser offers one), not the DOM.
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

export const isFirefox = navigator.userAgent.includes('Firefox');

let queries = 0;

/**
 * The elements the accessibility tree exposes with `role` (and `name`, when given) inside `within`
 * (an element or a shadow root), as the browser computes them: Chromium through CDP, Firefox through
 * WebDriver BiDi's accessibility locator.
 */
export async function byRole(within: Element | ShadowRoot, role: string, name?: string): Promise<Element[]> {
  const key = `__aria${++queries}`;
  const slots = window as unknown as Record<string, unknown>;
  slots.__ariaRoot = within;
  try {
    await executeServerCommand('aria-query', { role, name, key, root: '__ariaRoot' });
    return (slots[key] as Element[] | undefined) ?? [];
  } finally {
    delete slots[key];
    delete slots.__ariaRoot;
  }
}

/** The one element with that role and name; fails when there is none or more than one. */
export async function oneByRole(within: Element | ShadowRoot, role: string, name?: string): Promise<Element> {
  const found = await byRole(within, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role}${name === undefined ? '' : ` named "${name}"`}, found ${found.length}`);
  return found[0];
}

export interface AxNode {
  role: string;
  name?: string;
  level?: number;
  pressed?: boolean | 'mixed';
  focused?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  children?: AxNode[];
}

/**
 * Chromium's accessibility tree, of the page or below `within`, every node included (Firefox offers none
 * through the runner: callers skip there).
 */
export async function axTree(within?: Element): Promise<AxNode> {
  const slots = window as unknown as Record<string, unknown>;
  slots.__axRoot = within;
  try {
    return (await executeServerCommand('ax-tree', { root: within ? '__axRoot' : undefined })) as AxNode;
  } finally {
    delete slots.__axRoot;
  }
}

/** Every node of `tree`, depth first. */
export function* axNodes(tree: AxNode): Generator<AxNode> {
  yield tree;
  for (const child of tree.children ?? []) yield* axNodes(child);
}

/** The text a node holds (its name, or its descendants' text). */
export function axText(node: AxNode): string {
  if (node.name && !node.children?.length) return node.name;
  return (node.children ?? []).map(axText).join(' ').replace(/\s+/g, ' ').trim();
}

/** The focused element, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Emulates forced colours (Chromium only; Firefox offers no emulation through the runner). */
export async function forcedColors(active: boolean): Promise<void> {
  await executeServerCommand('forced-colors', { active });
}

/** Presses `key` with `modifier` held, e.g. chord('Control', 'Enter'). */
export async function chord(modifier: string, key: string): Promise<void> {
  await sendKeys({ down: modifier });
  try {
    await sendKeys({ press: key });
  } finally {
    await sendKeys({ up: modifier });
  }
}

/** A short description of an element for failure messages (chai's own diff of a whole <body> never ends). */
export function describeElement(element: Element | null | undefined): string {
  if (!element) return 'nothing';
  const text = element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${element.localName}${element.id ? `#${element.id}` : ''}>${text ? ` "${text}"` : ''}`;
}

/** Fails unless `target` has focus. */
export function expectFocusOn(target: Element | null | undefined, what: string): void {
  const now = focused();
  if (!target || now !== target) throw new Error(`focus is not on ${what} but on ${describeElement(now)}`);
}

/** Waits until what `target` finds has focus; fails if focus is elsewhere after `timeout` ms. */
export async function focusLandsOn(target: () => Element | null | undefined, what: string, timeout = 3000): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const wanted = target();
    if (wanted && focused() === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expectFocusOn(target(), what);
}
