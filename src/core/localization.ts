// What every element shares for its language, whatever it is built on (LitElement or LightElement):
// the elements on the page, redrawn when strings arrive or a `lang` changes, and the wait for strings.
import { localeFor, localeReady, onMessagesChanged, type Locale } from './i18n.js';
import { canonicalLanguage, languageOf } from './locale.js';
import { declaredMessagesReady } from './declared-scripts.js';
import { SERVER_SIDE } from './server.js';

/** An element that draws in its language. */
export interface Localized extends Element {
  requestUpdate(name?: PropertyKey): void;
  readonly serverView: boolean;
}

const connected = new Set<Localized>();
let langObserver: MutationObserver | undefined;

// Named 'lang' so that an element's willUpdate sees the language change (the comment box re-renders its guarded comments).
function refreshAll(): void {
  for (const element of connected) element.requestUpdate('lang');
}

/** Redraws `element` whenever strings change or a `lang` in the page does, until `unwatchLanguage`. */
export function watchLanguage(element: Localized): void {
  connected.add(element);
  onMessagesChanged(refreshAll);
  if (!langObserver && (!SERVER_SIDE || typeof MutationObserver === 'function')) {
    langObserver = new MutationObserver(refreshAll);
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

export function unwatchLanguage(element: Localized): void {
  connected.delete(element);
  if (connected.size === 0) {
    langObserver?.disconnect();
    langObserver = undefined;
  }
}

/** Settles when the strings `element` shows are here: its language's catalogue, the page's declared strings; undefined when they are. */
export function stringsReady(element: Element): Promise<unknown> | undefined {
  return localeReady(languageOf(element)) ?? declaredMessagesReady();
}

/** The words and the `Intl` language of `element`: on the server, of its own `lang` only (it sees no page). */
export function localeOf(element: Localized): Locale {
  const lang = element.serverView ? canonicalLanguage(element.getAttribute('lang') || 'en') : languageOf(element);
  return localeFor(lang) ?? localeFor('en')!;
}
