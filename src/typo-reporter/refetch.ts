import type * as Machinery from './machinery.js';

/**
 * Imports the dialog's code again under an address of its own: Firefox keeps a failed import() of one address failing
 * for the page's life (whatwg/html#6768). The single-file bundle, which holds that code and fetches nothing, builds this
 * module as a refusal (rollup.config.js). test/e2e/lazy-loading.test.js fails the fetches in Chromium and Firefox.
 */
export const refetch = (): Promise<typeof Machinery> =>
  import(/* @vite-ignore */ /* webpackIgnore: true */ `${new URL('./machinery.js', import.meta.url).href}?retry=${Date.now()}`) as Promise<typeof Machinery>;
