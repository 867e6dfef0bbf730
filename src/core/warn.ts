/** Warns about bad input in a form a template author can act on: element, attribute, value, what happens instead. */
export function warnAttribute(element: Element, attribute: string, problem: string): void {
  console.warn(`[inkwell] <${element.localName}> ${attribute}: ${problem}`);
}
