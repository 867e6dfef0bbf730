import { ApiError } from './http.js';
import { addEnglish, fill, formatPlural, messagesFor, type PluralMessage } from './i18n.js';
import { enFailure } from './messages/en-failure.js';

// Its English words come with it: the comment box's, the typo dialog's and the inbox's shared code.
addEnglish(enFailure);

/**
 * A failed request in the reader's words: offline or timed out, rate limited (with how long to wait),
 * or the server's own explanation. `rateLimited` is the element's plural message for 429.
 */
export function describeFailure(error: unknown, lang: string, rateLimited: PluralMessage): string {
  const m = messagesFor(lang);
  if (!(error instanceof ApiError) || error.kind !== 'http') return m.errorNetwork;
  if (error.status === 429) {
    const seconds = error.retryAfter ?? 60;
    return formatPlural(lang, rateLimited, seconds, { n: seconds });
  }
  return fill(lang, m.errorFailed, { message: error.message });
}
