import type * as warnings from './warnings.js';

type Words = typeof warnings;
type Problems = Words['problems'];

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

let words: Words | undefined;
let loading: Promise<void> | undefined;
// Undefined until the first warning: a Promise.resolve() here would stay in the build, which drops `written`.
let written: Promise<unknown> | undefined;

/** Fetches what the warnings say (warnings.ts); after that, warnings are written at once. The server render loads them up front. */
export const loadWarningTexts = (): Promise<void> => (loading ??= import('./warnings.js').then((file) => void (words = file)));

/**
 * Calls `write` with the words of warnings.ts: at once when they are here, else when they arrive (the first
 * warning of a page fetches them), or with undefined when they cannot be fetched.
 */
export function whenWorded(write: (found: Words | undefined) => void): void {
  if (words) return write(words);
  // All wait for the one fetch, and run in the order they were asked for: the last settles last.
  written = loadWarningTexts().then(
    () => write(words),
    () => write(undefined),
  );
}

/**
 * `warnAttribute` with one of the problems of warnings.ts, filled with `values`; without those words, the
 * warning still names the element, the attribute, the problem and the values.
 */
export function warnAbout<K extends keyof Problems>(element: Element, attribute: string, problem: K, ...values: Parameters<Problems[K]>): void {
  whenWorded((found) =>
    warnAttribute(element, attribute, found ? (found.problems[problem] as (...args: unknown[]) => string)(...values) : `${problem} ${JSON.stringify(values)}`),
  );
}

/** Settles when every warning asked for so far is written (tests wait for it). */
export const warningsWritten = (): Promise<unknown> | undefined => written;
