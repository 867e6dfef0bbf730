import type { Messages } from './messages.js';

export const de: Messages = {
  minutesRead: { other: '{n} Min. Lesezeit' },
  minutesReadRange: { other: '{min}–{max} Min. Lesezeit' },
};
