// dist/inkwell.js: the drop-in loader. Each element's chunk (Lit, and the core all elements share, in chunks of their own) is imported
// from beside this file the first time its tag appears.
import { startLoader } from './start.js';

/** Fetches and defines a tag's element now, before it appears (e.g. for an element kept off the page). */
export const load = startLoader(
  {
    'reading-time': () => import('../reading-time/define.js'),
    'author-badge': () => import('../author-badge/define.js'),
    'article-card': () => import('../article-card/define.js'),
    'typo-reporter': () => import('../typo-reporter/define.js'),
    'comment-box': () => import('../comment-box/define.js'),
    'comment-moderation': () => import('../comment-moderation/define.js'),
  },
  () => import('./hydrate.js'),
  ['comment-box', 'comment-moderation'],
);
