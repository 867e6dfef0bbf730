import type { CSSResult } from 'lit';
import type { Locale } from './i18n.js';
import { readDeclaredScripts } from './declared-scripts.js';
import { localeOf, stringsReady, unwatchLanguage, watchLanguage } from './localization.js';
import { patch, views, type Children, type View } from './view.js';

/** How a property is declared, as Lit's @property declares it (the part of it these elements use). */
export interface PropertyDeclaration {
  /** Number or Boolean converts the attribute; without it the attribute's string is the value. */
  type?: typeof Number | typeof Boolean | typeof String;
  /** The attribute's name; by default the property's name in lower case; false for none. */
  attribute?: string | false;
  /** Writes the value back to the attribute after each change. */
  reflect?: boolean;
  /** Internal state: no attribute. */
  state?: boolean;
}

/** What `willUpdate` is told: the properties changed since the last draw, with their values before. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** Called on connect and disconnect, as Lit's reactive controllers are. */
export interface Controller {
  hostConnected?(): void;
  hostDisconnected?(): void;
}

type Declarations = Map<string, PropertyDeclaration>;
type LightClass = typeof LightElement & { properties?: Record<string, PropertyDeclaration>; declared?: Declarations; attributes?: Map<string, string> };

const fromAttribute = (value: string | null, type: PropertyDeclaration['type']): unknown =>
  type === Boolean ? value !== null : type === Number && value !== null ? Number(value) : value;

/** The class's declarations (the decorators' `createProperty` calls, or the `properties` object the build writes). */
function declarations(element: LightClass): Declarations {
  if (!Object.prototype.hasOwnProperty.call(element, 'declared')) {
    element.declared = new Map();
    element.attributes = new Map();
    const written = Object.prototype.hasOwnProperty.call(element, 'properties') ? element.properties : undefined;
    for (const [name, options] of Object.entries(written ?? {})) element.createProperty(name, options);
  }
  return element.declared!;
}

/**
 * The base of the elements that draw without Lit (`<reading-time>`, `<author-badge>`, `<article-card>`), so
 * that a page with only them does not download Lit. It keeps Lit's contract for them: declared properties
 * with attribute conversion and reflection, one draw a microtask after changes, `willUpdate`/`updated`,
 * `updateComplete`, properties set before the upgrade taken over. Like LocalizedElement it speaks its
 * language and draws only when that language's strings are here (the light-DOM fallback shows until then).
 * `render()` returns views (view.ts), which are patched over the shadow root: a server-rendered root's nodes
 * are kept where they match, so the upgrade draws nothing twice and moves nothing.
 */
// In Node, without a DOM, a class to extend all the same (the server render makes the DOM shim's HTMLElement global first: src/ssr/dom.ts).
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

export class LightElement extends Base {
  static styles: CSSResult | CSSResult[] = [];

  /** Declares a property, as Lit's @property decorator does (src/core/decorators.ts calls this). */
  static createProperty(name: string, options: PropertyDeclaration = {}): void {
    const own = declarations(this as LightClass);
    own.set(name, options);
    const attribute = options.state || options.attribute === false ? undefined : options.attribute || name.toLowerCase();
    if (attribute) (this as LightClass).attributes!.set(attribute, name);
    Object.defineProperty(this.prototype, name, {
      get(this: LightElement) {
        return this.values.get(name);
      },
      set(this: LightElement, value: unknown) {
        const old = this.values.get(name);
        if (old !== value && (old === old || value === value)) {
          this.values.set(name, value);
          this.requestUpdate(name, old);
        }
      },
      configurable: true,
    });
  }

  static get observedAttributes(): string[] {
    declarations(this as LightClass);
    return [...(this as LightClass).attributes!.keys()];
  }

  /**
   * True on the server (set by its renderer), which knows only the element's attributes: no page, no
   * ancestors' `lang`, no light-DOM children.
   * @internal
   */
  serverView = false;

  /** @internal */
  hasUpdated = false;
  private readonly values = new Map<string, unknown>();
  private changed: PropertyValues = new Map();
  private readonly reflected = new Set<string>();
  private readonly saved = new Map<string, unknown>();
  private readonly controllers: Controller[] = [];
  private reflecting?: string;
  private pending = false;
  private enable!: () => void;
  private cycle = new Promise<void>((resolve) => (this.enable = resolve)) as Promise<unknown>;
  private waiting?: HTMLSlotElement;
  private root?: ShadowRoot;

  constructor() {
    super();
    // Values a page set before the upgrade hide the accessors: taken over at the first draw.
    for (const name of declarations(this.constructor as LightClass).keys()) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        this.saved.set(name, (this as unknown as Record<string, unknown>)[name]);
        delete (this as unknown as Record<string, unknown>)[name];
      }
    }
    this.requestUpdate();
  }

  /** Settles after the element has drawn what was asked of it (in its language); true when nothing more is pending. */
  get updateComplete(): Promise<unknown> {
    return this.cycle;
  }

  /** The shadow root the element draws in. */
  get renderRoot(): ShadowRoot | undefined {
    return this.root;
  }

  addController(controller: Controller): void {
    this.controllers.push(controller);
  }

  connectedCallback(): void {
    // Before the root is made, so that it shows the light-DOM fallback while declared strings load.
    readDeclaredScripts();
    this.root ??= this.createRoot();
    watchLanguage(this);
    for (const controller of this.controllers) controller.hostConnected?.();
    this.enable();
  }

  disconnectedCallback(): void {
    unwatchLanguage(this);
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = (this.constructor as LightClass).attributes!.get(attribute);
    if (!name || this.reflecting === name) return;
    this.reflecting = name;
    (this as unknown as Record<string, unknown>)[name] = fromAttribute(value, declarations(this.constructor as LightClass).get(name)!.type);
    this.reflecting = undefined;
  }

  /** Asks for a draw (after `name` changed from `old`). */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      if (!this.changed.has(name)) this.changed.set(name, old);
      if (declarations(this.constructor as LightClass).get(name)?.reflect && this.reflecting !== name) this.reflected.add(name);
    }
    if (!this.pending) {
      this.pending = true;
      this.cycle = this.enqueue(this.cycle);
    }
  }

  private async enqueue(previous: Promise<unknown>): Promise<boolean> {
    await previous.catch(() => undefined);
    // Every draw waits for the language's strings, so updateComplete also means "shown in the right language".
    for (let pending; (pending = stringsReady(this)); ) await pending;
    this.draw();
    return !this.pending;
  }

  private draw(): void {
    if (!this.pending) return;
    const changed = this.prepare();
    this.waiting?.remove();
    this.waiting = undefined;
    const root = this.root!;
    // A server-rendered root starts with its <style>: kept, and the drawing goes after it.
    const first = root.firstChild;
    patch(root, views(this.render()), first instanceof HTMLStyleElement ? first.nextSibling : first);
    this.hasUpdated = true;
    this.updated(changed);
  }

  /** What a draw does before drawing: the saved values taken over, `willUpdate`, reflection. The server calls it too. @internal */
  prepare(): PropertyValues {
    for (const [name, value] of this.saved) (this as unknown as Record<string, unknown>)[name] = value;
    this.saved.clear();
    const changed = this.changed;
    try {
      this.willUpdate(changed);
      for (const name of this.reflected) {
        const { type, attribute } = declarations(this.constructor as LightClass).get(name)!;
        const value = this.values.get(name);
        const text = type === Boolean ? (value ? '' : null) : value ?? null;
        this.reflecting = name;
        if (text === null) this.removeAttribute(attribute || name.toLowerCase());
        else this.setAttribute(attribute || name.toLowerCase(), `${text as string}`);
        this.reflecting = undefined;
      }
    } finally {
      this.reflected.clear();
      this.changed = new Map();
      this.pending = false;
    }
    return changed;
  }

  private createRoot(): ShadowRoot {
    const rendered = this.shadowRoot;
    const root = rendered ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [(this.constructor as LightClass).styles].flat().map((style) => style.styleSheet!);
    // Until the first draw, which waits for the strings, the light-DOM fallback shows as before the upgrade (or the server's drawing).
    if (!rendered && stringsReady(this)) root.append((this.waiting = document.createElement('slot')));
    return root;
  }

  /** The words and the `Intl` language to show them in. @internal */
  protected get locale(): Locale {
    return localeOf(this);
  }

  /** Before each draw: derive state from the changed properties (setting properties here asks for no other draw). */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After each draw. */
  protected updated(_changed: PropertyValues): void {}

  /** What the shadow root shows. */
  protected render(): Children {
    return undefined;
  }

  /** What the server draws: the first draw's views, without a DOM. @internal */
  serverDraw(): View[] {
    this.prepare();
    return views(this.render());
  }
}
