import { warnAbout } from './warn.js';

/** The values of an image's `loading`. */
export const LOADING_MODES = ['lazy', 'eager'] as const;

/** `value` when it is one of `allowed`; otherwise a warning and `fallback`. */
export function oneOf<T extends string>(element: Element, attribute: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (allowed.includes(value as T)) return value as T;
  if (value !== undefined && value !== null) {
    warnAbout(element, attribute, 'notOneOf', value, allowed, fallback);
  }
  return fallback;
}

/** A finite number ≥ `min`, or undefined (with a warning when something else was given). */
export function countAttribute(element: Element, attribute: string, value: number | undefined | null, min = 0): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (Number.isFinite(value) && value >= min) return value;
  warnAbout(element, attribute, 'notCount', element.getAttribute(attribute) ?? value, min);
  return undefined;
}
