import type { Messages } from './messages.js';

/**
 * The English strings of the elements any page may show (reading time, author badge, article card): what
 * every page loads. The typo reporter's and the comment box's are in en.ts, which comes with their code.
 */
export const enCore = {
  minutesRead: { one: '{n} min read', other: '{n} min read' },
  minutesReadRange: { one: '{min}–{max} min read', other: '{min}–{max} min read' },
  posts: { one: '{n} post', other: '{n} posts' },
  comments: { one: '{n} comment', other: '{n} comments' },
  more: 'more',
  less: 'less',
  tags: 'Tags',
} satisfies Partial<Messages>;
