import type { Messages } from './messages.js';

export const de: Messages = {
  minutesRead: { other: '{n} Min. Lesezeit' },
  minutesReadRange: { other: '{min}–{max} Min. Lesezeit' },
  posts: { one: '{n} Beitrag', other: '{n} Beiträge' },
  comments: { one: '{n} Kommentar', other: '{n} Kommentare' },
  more: 'mehr',
  less: 'weniger',
  tags: 'Schlagwörter',
};
