// The helper esbuild writes into every module with decorators (TypeScript's experimental ones),
// shared instead: rollup.config.js points each element's module here, so each chunk does not carry
// its own copy. Only for the decorators of ./decorators.js, on fields: they define what they need
// themselves and return nothing, so there is no descriptor to carry from one to the next (esbuild's
// own helper also serves class and method decorators that return one).
export const __decorateClass = (decorators: ((target: object, key: PropertyKey) => void)[], target: object, key: PropertyKey): void => {
  for (let i = decorators.length; i--; ) decorators[i]!(target, key);
};
