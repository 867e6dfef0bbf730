const warned = new WeakMap<Element, Set<string>>();

/**
 * Warns about bad input in a form a template author can act on: element, attribute, value, what
 * happens instead. Each message is given once per element, however often the element renders.
 */
export function warnAttribute(element: Element, attribute: string, problem: string): void {
  const message = `[inkwell] <${element.localName}> ${attribute}: ${problem}`;
  let seen = warned.get(element);
  if (!seen) warned.set(element, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  console.warn(message);
}
