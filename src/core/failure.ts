import { ApiError } from './http.js';
import { fill, formatPlural, messagesFor, type PluralMessage } from './i18n.js';
import './form-strings.js';

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
