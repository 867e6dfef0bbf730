import type { Messages } from './messages.js';

export const en: Messages = {
  minutesRead: { other: '{n} min read' },
  minutesReadRange: { other: '{min}–{max} min read' },
  posts: { one: '{n} post', other: '{n} posts' },
  comments: { one: '{n} comment', other: '{n} comments' },
  more: 'more',
  less: 'less',
  tags: 'Tags',
};
