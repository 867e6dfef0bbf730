// dist/inkwell.js: the drop-in loader. Each element's chunk (Lit, and the core all elements share, in chunks of their own) is imported
// from beside this file the first time its tag appears.
import { startLoader } from './start.js';

/** Fetches and defines a tag's element now, before it appears (e.g. for an element kept off the page). */
export const load = startLoader(
  ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box', 'comment-moderation'],
  // Each element's chunk is an entry of the build, named after its tag (rollup.config.js): one import for all of them.
  (tag) => import(`./chunks/${tag}.js`),
  () => import('./hydrate.js'),
  ['comment-moderation'],
);
