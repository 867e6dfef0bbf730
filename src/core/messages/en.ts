import type { Messages } from './messages.js';

export const en: Messages = {
  minutesRead: { other: '{n} min read' },
  minutesReadRange: { other: '{min}–{max} min read' },
};
