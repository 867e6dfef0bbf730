import { LitElement, isServer, type PropertyValues } from 'lit';
import { localeFor, localeReady, onMessagesChanged, type Locale } from './i18n.js';
import { canonicalLanguage, languageOf } from './locale.js';
import { declaredMessagesReady, readDeclaredScripts } from './declared-scripts.js';

const connected = new Set<LocalizedElement>();
let stopListening: (() => void) | undefined;
let langObserver: MutationObserver | undefined;

// Named 'lang' so that an element's willUpdate sees the language change (the comment box re-renders its guarded comments).
function refreshAll(): void {
  for (const element of connected) element.requestUpdate('lang');
}

/** Settles when the strings `element` shows are here: its language's catalogue, the page's declared strings; undefined when they are. */
function stringsReady(element: Element): Promise<unknown> | undefined {
  return localeReady(languageOf(element)) ?? declaredMessagesReady();
}

/**
 * The base of every Inkwell element: it speaks the language of its `lang`, its nearest ancestor's or the
 * document's, and it does not render until that language's strings are here, so nothing appears in the
 * wrong language. It renders again when a site registers strings or a `lang` in the page changes.
 */
export class LocalizedElement extends LitElement {
  override connectedCallback(): void {
    // Before the render root is made, so that it shows the light-DOM fallback while declared strings load.
    readDeclaredScripts();
    super.connectedCallback();
    connected.add(this);
    stopListening ??= onMessagesChanged(refreshAll);
    if (!langObserver && typeof MutationObserver === 'function') {
      langObserver = new MutationObserver(refreshAll);
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    if (connected.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  }

  private waiting?: HTMLSlotElement;
  private hydrating = false;

  // Until the first render, which waits for the strings, the light-DOM fallback shows as before the upgrade.
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const rendered = this.shadowRoot;
    // Lit's hydration (@lit-labs/ssr-client) gives LitElement its own observedAttributes, with `defer-hydration`.
    this.hydrating = !!rendered && Object.prototype.hasOwnProperty.call(LitElement, 'observedAttributes');
    const root = super.createRenderRoot();
    if (!this.serverView) {
      // Rendered on the server, for a page without hydration (the single-file bundle): drawn afresh, not twice.
      if (rendered) {
        rendered.replaceChildren();
        this.renderOptions.renderBefore = null;
      }
      if (stringsReady(this)) root.append((this.waiting = document.createElement('slot')));
    }
    return root;
  }

  protected override update(changed: PropertyValues): void {
    this.waiting?.remove();
    this.waiting = undefined;
    const hydrating = this.serverView;
    super.update(changed);
    this.hydrating = false;
    // The hydrating render matched the server's; this one adds what only the browser knows, as a first update would.
    if (hydrating) void this.updateComplete.then(() => changed.forEach((old, name) => this.requestUpdate(name, old)));
  }

  /**
   * True while the element renders what the server rendered: on the server, which knows only its attributes
   * (no page, no ancestors' `lang`, no light-DOM children), and for the browser's first render over a
   * server-rendered shadow root, which hydrates it and must match it. The render after that adds what only
   * the browser knows.
   * @internal
   */
  get serverView(): boolean {
    return isServer || this.hydrating;
  }

  /**
   * The words and the `Intl` language to show them in.
   * @internal
   */
  protected get locale(): Locale {
    const lang = this.serverView ? canonicalLanguage(this.getAttribute('lang') || 'en') : languageOf(this);
    return localeFor(lang) ?? localeFor('en')!;
  }

  // Every update waits for the catalogue (and the page's declared strings), so updateComplete also means "shown in the right language".
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = stringsReady(this);
    return pending ? pending.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }
}
