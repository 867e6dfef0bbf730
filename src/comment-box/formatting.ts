import { formatDateTime, formatRelative } from '../core/timestamps.js';
import { initialsOf } from '../core/avatar.js';
import { formatPlural, type Messages } from '../core/i18n.js';

/**
 * Makes the Intl objects a thread's drawing needs (dates, the heading's plural and number, the avatars'
 * grapheme segmenter) while its listing is on its way, each in a task of its own: a page's first costs
 * 15-25 ms (the locale's data), which the drawing of the thread then does not pay, and no one task is long.
 * Then `draw` draws a sample comment out of sight: the prepared comment is made and the code that draws a
 * comment has run once. One task after the other, so the listing's own tasks come in between; what is left
 * when it has arrived is dropped (the returned stop), as the drawing does it anyway.
 */
export function warmFormatters(lang: string, m: Messages, draw: () => void): () => void {
  const now = new Date();
  const steps = [() => formatRelative(now, lang), () => formatDateTime(now, lang), () => formatPlural(lang, m.commentsHeading, 2, { n: 2 }), () => initialsOf('A'), draw];
  let timer: ReturnType<typeof setTimeout>;
  const next = () => (timer = setTimeout(() => (steps.shift()!(), steps.length && next())));
  next();
  return () => clearTimeout(timer);
}
