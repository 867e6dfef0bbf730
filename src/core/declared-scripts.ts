// What every element does for the strings a page declares in JSON scripts (declared-messages.ts): look
// for them. Reading and checking them (the parser, its warnings, the key list of every string) is a chunk
// of its own, fetched only by a page that has such a script; the elements' first render waits for it.
const SELECTOR = 'script[type="application/json"][data-inkwell-messages]';
const handed = new WeakSet<Element>();
let waitingForParser = false;
let reading: Promise<void> | undefined;

/**
 * Has the scripts in the page that were not read yet read (declared-messages.ts); ones later in the page
 * at DOMContentLoaded, ones added after that when the next element connects.
 */
export function readDeclaredScripts(): void {
  if (document.readyState === 'loading' && !waitingForParser) {
    waitingForParser = true;
    document.addEventListener('DOMContentLoaded', () => readDeclaredScripts(), { once: true });
  }
  const fresh = [...document.querySelectorAll(SELECTOR)].filter((script) => !handed.has(script));
  if (fresh.length === 0) return;
  for (const script of fresh) handed.add(script);
  const current: Promise<void> = import('./declared-messages.js')
    .then(
      ({ readDeclaredMessages }) => readDeclaredMessages(),
      (error: unknown) => console.warn('[inkwell] Could not load the reader of <script data-inkwell-messages>; showing the shipped strings.', error),
    )
    .then(() => {
      if (reading === current) reading = undefined;
    });
  reading = current;
}

/** Settles when the declared strings found so far are registered; undefined when there are none to wait for. */
export const declaredMessagesReady = (): Promise<void> | undefined => reading;
