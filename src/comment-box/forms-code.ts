let formsFailed = 0;

/**
 * The forms' code (chunks/comment-forms.js), fetched for a reader who may write (`_host`: the box asking); a test or
 * a story may hold or fail the fetch in between, for one box or all, as a slow or broken network would. A browser may keep a failed module fetch as
 * failed for the page's life (Firefox does), so a retry asks for the same file under a new address.
 */
export const formsCode = {
  load: (_host?: HTMLElement) =>
    (formsFailed
      ? import(/* @vite-ignore */ /* webpackIgnore: true */ `${new URL('./comment-forms.js', import.meta.url).href}?retry=${formsFailed}`)
      : import('./comment-forms.js')
    ).catch((error: unknown) => {
      formsFailed++;
      throw error;
    }) as Promise<typeof import('./comment-forms.js')>,
};
