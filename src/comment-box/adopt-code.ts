/**
 * The code that reads a page the site included inside the element (src/comment-box/adopt.ts, chunks/adopt.js in
 * the drop-in build), fetched only by a box that holds such markup (`_host`: the box asking); a test or a story may
 * hold or fail the fetch in between, for one box or all.
 */
export const adoptCode = { load: (_host?: HTMLElement) => import('./adopt.js') };

/**
 * Whether the site included a page inside `host` (comments.html): the wrapper adopt.ts reads. Its place is the
 * `included` slot, which markup made before the wrapper said so is given here.
 */
export function markIncluded(host: HTMLElement): boolean {
  const fragment = host.querySelector(':scope>[data-inkwell-comments]');
  if (fragment && !fragment.hasAttribute('slot')) fragment.slot = 'included';
  return fragment !== null;
}
