/**
 * "Notify me of replies": the reader's last choice, kept for the next form (`localStorage`,
 * `inkwell:notify-replies`; in memory only where the reader blocks site data), and what a post sends with it.
 */
const KEY = 'inkwell:notify-replies';
let memory: boolean | undefined;

export function notifyPreference(): boolean {
  if (memory !== undefined) return memory;
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberNotify(on: boolean): void {
  memory = on;
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // no storage: memory only
  }
}

/** The page the thread is on, for the links in reply e-mails: http(s) only, without its #fragment. */
export function pageUrl(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** Forgets the in-memory choice (tests). */
export function resetNotifyMemory(): void {
  memory = undefined;
}
