import type { Messages } from '../core/i18n.js';

/** A refused sign-in in the reader's words: only an expired token is an expired session. */
export function refusalText(code: string, m: Messages): string {
  if (code === 'token_expired') return m.sessionExpired;
  return code === 'auth_required' ? m.loginRequired : m.signInUnverified;
}
