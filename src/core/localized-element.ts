import { LitElement, isServer, type PropertyValues } from 'lit';
import type { Locale } from './i18n.js';
import { readDeclaredScripts } from './declared-scripts.js';
import { localeOf, stringsReady, unwatchLanguage, watchLanguage } from './localization.js';

/**
 * The base of Inkwell's LitElements (the moderation inbox; the others are
 * LightElements, which do the same without Lit): it speaks the language of its `lang`, its nearest ancestor's
 * or the document's, and it does not render until that language's strings are here, so nothing appears in the
 * wrong language. It renders again when a site registers strings or a `lang` in the page changes.
 */
export class LocalizedElement extends LitElement {
  override connectedCallback(): void {
    // Before the render root is made, so that it shows the light-DOM fallback while declared strings load.
    readDeclaredScripts();
    super.connectedCallback();
    watchLanguage(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLanguage(this);
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
    return localeOf(this);
  }

  // Every update waits for the catalogue (and the page's declared strings), so updateComplete also means "shown in the right language".
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = stringsReady(this);
    return pending ? pending.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }
}
