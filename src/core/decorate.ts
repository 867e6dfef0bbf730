// The helper esbuild writes into every module with decorators (TypeScript's experimental ones),
// shared instead: rollup.config.js points each element's module here, so each chunk does not carry
// its own copy.
export const __decorateClass = (decorators: ((...args: unknown[]) => unknown)[], target: object, key?: PropertyKey, kind = 0): unknown => {
  let result: unknown = kind > 1 ? undefined : kind ? Object.getOwnPropertyDescriptor(target, key!) : target;
  for (let i = decorators.length - 1; i >= 0; i--) {
    const decorator = decorators[i];
    if (decorator) result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  }
  if (kind && result) Object.defineProperty(target, key!, result as PropertyDescriptor);
  return result;
};
