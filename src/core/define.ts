import { localeReady } from './i18n.js';
import { languageOf } from './locale.js';
import { whenWorded } from './warn.js';
import { SERVER_SIDE } from './server.js';

/** A custom element class that states which Inkwell version it belongs to. */
export type VersionedElement = CustomElementConstructor & { readonly version?: string };

// Shared by every copy of the script on the page, so that a second copy warns once per tag, not once per copy.
const WARNED_KEY = Symbol.for('inkwell.define.warned');

function warnedTags(): Set<string> {
  const holder = globalThis as typeof globalThis & { [WARNED_KEY]?: Set<string> };
  holder[WARNED_KEY] ??= new Set<string>();
  return holder[WARNED_KEY];
}

/**
 * Registers `tag` unless the page already has it. Including the script twice, or sharing a page with
 * another library that took the tag, must never throw into the host page; it warns once per tag.
 * While the strings of the page's language (or of a language its `tag` elements use) are on their way,
 * the tag stays undefined: the page's `:not(:defined)` space and light-DOM fallback stay until the
 * elements can render in their own language.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing === element) return;
  if (existing) {
    const warned = warnedTags();
    if (warned.has(tag)) return;
    warned.add(tag);
    whenWorded((found) =>
      console.warn(found ? found.alreadyDefined(tag, existing.version, element.version) : `[inkwell] <${tag}> is already defined; not registered again`),
    );
    return;
  }
  const waiting = missingStrings(tag);
  if (waiting) {
    void waiting.then(() => defineElement(tag, element));
    return;
  }
  try {
    registry.define(tag, element);
  } catch (error) {
    // A racing registration between get() and define() must not break the page either.
    console.warn(`[inkwell] <${tag}> could not be registered:`, error);
  }
}

/** Settles when the catalogues the page and its `tag` elements need are here; undefined when they are. */
function missingStrings(tag: string): Promise<unknown> | undefined {
  if (SERVER_SIDE && typeof document === 'undefined') return undefined;
  const pending = [document.documentElement, ...document.querySelectorAll(tag)].map((node) => localeReady(languageOf(node))).filter(Boolean);
  return pending.length ? Promise.all(pending) : undefined;
}
